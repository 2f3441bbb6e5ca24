package cn.yongkang.campaign.registry;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryTests {

	private final Registry registry = Registry.load(Path.of("jobs"));

	@Test
	void holdsTheOfficialTownshipsAndVillagesAndTheTwoZones() {
		assertThat(this.registry.townships()).hasSize(16);
		assertThat(this.registry.villages()).hasSize(452);
		assertThat(this.registry.villages().stream().filter((v) -> v.kind().equals(Village.COMMUNITY))).hasSize(50);
		assertThat(this.registry.townships().stream().filter(Township::isZone).map(Township::name))
			.containsExactly("经济开发区", "现代农业装备高新区");
		assertThat(this.registry.townships().stream().filter(Township::isZone).map(Township::code))
			.allMatch((code) -> !code.matches("\\d{12}"));
	}

	@Test
	void resolvesTheTownshipAliasesClerksType() {
		assertThat(name("东城")).isEqualTo("东城街道");
		assertThat(name("开发区")).isEqualTo("经济开发区");
		assertThat(name("经开区")).isEqualTo("经济开发区");
		assertThat(name("高新区")).isEqualTo("现代农业装备高新区");
		assertThat(name("农装高新区")).isEqualTo("现代农业装备高新区");
		assertThat(name("永康市古山镇")).isEqualTo("古山镇");
		assertThat(name(" 东城 街道 ")).isEqualTo("东城街道");
		assertThat(name("\u3000西城街道\u3000")).isEqualTo("西城街道");
		assertThat(name("330784115000")).isEqualTo("芝英镇");
		assertThat(name("３３０７８４１１５０００")).isEqualTo("芝英镇");
		assertThat(this.registry.township("金华市")).isEmpty();
		assertThat(this.registry.township("")).isEmpty();
	}

	@Test
	void resolvesVillagesOnlyWithinTheirTownship() {
		Township dongcheng = this.registry.township("东城街道").orElseThrow();
		Township longshan = this.registry.township("龙山镇").orElseThrow();
		assertThat(this.registry.village(dongcheng, "荆山夏村").map(Village::code)).contains("330784001203");
		assertThat(this.registry.village(dongcheng, "荆山夏村委会").map(Village::code)).contains("330784001203");
		assertThat(this.registry.village(dongcheng, "东城街道荆山夏村").map(Village::code)).contains("330784001203");
		assertThat(this.registry.village(dongcheng, "荆山夏").map(Village::code)).contains("330784001203");
		assertThat(this.registry.village(dongcheng, "山川坛社区居委会").map(Village::code)).contains("330784001010");
		assertThat(this.registry.village(dongcheng, "荆山下村")).isEmpty();
		assertThat(this.registry.village(longshan, "荆山夏村")).isEmpty();
		assertThat(this.registry.village(longshan, "下宅口村").map(Village::kind)).contains(Village.VILLAGE);
		Township gushan = this.registry.township("古山镇").orElseThrow();
		assertThat(this.registry.village(gushan, "古山一村").map(Village::name)).contains("古山一村");
		assertThat(this.registry.village(gushan, "古山镇古山一村").map(Village::name)).contains("古山一村");
		Township qiancang = this.registry.township("前仓镇").orElseThrow();
		assertThat(this.registry.village(qiancang, "前仓居委会").map(Village::kind)).contains(Village.COMMUNITY);
	}

	@Test
	void resolvesCategoriesByLabelAliasOrCode() {
		assertThat(Category.parse("居住出租房")).contains(Category.RENTAL_HOUSING);
		assertThat(Category.parse("出租屋")).contains(Category.RENTAL_HOUSING);
		assertThat(Category.parse("沿街商铺")).contains(Category.STREET_SHOP);
		assertThat(Category.parse("“三合一”场所")).contains(Category.THREE_IN_ONE);
		assertThat(Category.parse("\"三合一\"企业")).contains(Category.THREE_IN_ONE);
		assertThat(Category.parse("三合一")).contains(Category.THREE_IN_ONE);
		assertThat(Category.parse("THREE_IN_ONE")).contains(Category.THREE_IN_ONE);
		assertThat(Category.parse("工业厂房")).isEmpty();
	}

	private String name(String raw) {
		return this.registry.township(raw).map(Township::name).orElse(null);
	}

}
