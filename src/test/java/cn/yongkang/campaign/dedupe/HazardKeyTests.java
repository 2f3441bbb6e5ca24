package cn.yongkang.campaign.dedupe;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.yongkang.campaign.registry.Township;

import static org.assertj.core.api.Assertions.assertThat;

class HazardKeyTests {

	private final Township dongcheng = new Township("330784001000", "东城街道", "街道", List.of("东城"), 1);

	private final Township xicheng = new Township("330784002000", "西城街道", "街道", List.of("西城"), 2);

	@Test
	void foldsWidthSpacesPunctuationAndTheCityOrTownshipPrefix() {
		String key = key(null, "荆山夏村新村路18号", "电动自行车在楼道内充电");
		assertThat(key(null, "永康市东城街道荆山夏村新村路１８号", "电动自行车在楼道内充电。")).isEqualTo(key);
		assertThat(key(null, "东城 荆山夏村 新村路18号", "电动自行车，在楼道内充电")).isEqualTo(key);
		assertThat(key(null, "荆山夏村新村路19号", "电动自行车在楼道内充电")).isNotEqualTo(key);
		assertThat(HazardKey.of(this.xicheng, null, "330784001203", "RENTAL_HOUSING", "荆山夏村新村路18号", "电动自行车在楼道内充电"))
			.isNotEqualTo(key);
	}

	@Test
	void aVillageThatBeginsWithTheTownshipsShortNameMatchesWithAndWithoutThePrefix() {
		Township gushan = new Township("330784104000", "古山镇", "镇", List.of("古山"), 9);
		String key = HazardKey.of(gushan, null, "330784104201", "RENTAL_HOUSING", "古山一村2号", "无独立式烟感");
		for (String address : List.of("永康市古山镇古山一村2号", "古山镇古山一村2号", "古山镇 古山一村 2号", "永康市古山一村2号")) {
			assertThat(HazardKey.of(gushan, null, "330784104201", "RENTAL_HOUSING", address, "无独立式烟感。")).as(address)
				.isEqualTo(key);
		}
		assertThat(HazardKey.of(gushan, null, "330784104201", "RENTAL_HOUSING", "古山二村2号", "无独立式烟感")).isNotEqualTo(key);
	}

	@Test
	void aReferenceIsTheIdentityWhenGiven() {
		assertThat(key("DC-0001", "荆山夏村新村路18号", "私拉乱接电线")).isEqualTo(key(" dc-0001", "别的地址", "别的描述"))
			.isNotEqualTo(key("DC-0002", "荆山夏村新村路18号", "私拉乱接电线"));
		assertThat(key("DC-0001", "a", "b")).hasSize(64);
	}

	private String key(String ref, String address, String description) {
		return HazardKey.of(this.dongcheng, ref, "330784001203", "RENTAL_HOUSING", address, description);
	}

}
