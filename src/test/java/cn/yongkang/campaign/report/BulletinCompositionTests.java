package cn.yongkang.campaign.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;

import static org.assertj.core.api.Assertions.assertThat;

class BulletinCompositionTests {

	private final Campaign campaign = CampaignCatalog.load(Path.of("jobs")).get("shuangyue-2022");

	private final BulletinTemplate template = BulletinTemplate.load(Path.of("jobs"));

	@Test
	void tiedTownshipsShareAPositionAndTheBulletinSaysSo() {
		List<Snapshot.Ranked> rankings = new ArrayList<>();
		rankings.add(ranked("hazards_found", "top", 1, "东城街道", 30, false));
		rankings.add(ranked("hazards_found", "top", 2, "古山镇", 20, true));
		rankings.add(ranked("hazards_found", "top", 2, "西城街道", 20, true));
		rankings.add(ranked("hazards_found", "bottom", 1, "舟山镇", 1, true));
		rankings.add(ranked("hazards_found", "bottom", 1, "唐先镇", 1, true));
		rankings.add(ranked("hazards_found", "bottom", 3, "西溪镇", 2, false));
		Bulletin bulletin = Bulletin.compose(snapshot(rankings, List.of()), this.campaign, this.template);
		assertThat(bulletin.paragraphs().get(1))
			.startsWith("居住出租房隐患排查数前三名分别为东城街道、古山镇与西城街道（并列第二名），" + "后三名分别为舟山镇与唐先镇（并列倒数第一名）、西溪镇。");
	}

	@Test
	void laggingVillagesAreGroupedByTownshipInTheOrderOfTheirWorstMember() {
		List<Snapshot.Lagging> lagging = List.of(lagging(1, "龙山镇", "下宅口村"), lagging(2, "龙山镇", "环溪村"),
				lagging(3, "芝英镇", "儒堂头村"), lagging(4, "龙山镇", "后宅村"), lagging(5, "石柱镇", "前锦村"));
		Bulletin bulletin = Bulletin.compose(snapshot(List.of(), lagging), this.campaign, this.template);
		assertThat(bulletin.paragraphs()).contains("消防安全“双月攻坚”居住出租房整改落后的5个行政村分别为龙山镇下宅口村、环溪村、后宅村，芝英镇儒堂头村，石柱镇前锦村。",
				"消防安全“双月攻坚”居住出租房暂无整改落后的社区。");
	}

	@Test
	void aCategoryWithNothingFoundSaysSoInsteadOfRankingZeros() {
		List<Snapshot.Ranked> rankings = List.of(ranked("hazards_found", "top", 1, "东城街道", 0, true),
				ranked("hazards_found", "top", 1, "西城街道", 0, true));
		Bulletin bulletin = Bulletin.compose(snapshot(rankings, List.of()), this.campaign, this.template);
		assertThat(bulletin.paragraphs().get(1)).isEqualTo("居住出租房隐患暂无排查数据。");
	}

	private Snapshot snapshot(List<Snapshot.Ranked> rankings, List<Snapshot.Lagging> lagging) {
		return new Snapshot(1, this.campaign.id(), LocalDate.of(2022, 10, 4), List.of(), List.of(), rankings, lagging,
				List.of());
	}

	private static Snapshot.Ranked ranked(String metric, String side, int position, String name, int value,
			boolean tied) {
		return new Snapshot.Ranked("RENTAL_HOUSING", metric, side, position, "code-" + name, name,
				BigDecimal.valueOf(value), tied);
	}

	private static Snapshot.Lagging lagging(int position, String township, String village) {
		return new Snapshot.Lagging("RENTAL_HOUSING", "村", position, township, "code-" + village, village, 5, 1,
				new BigDecimal("0.2"));
	}

}
