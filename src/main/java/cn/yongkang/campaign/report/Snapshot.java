package cn.yongkang.campaign.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One published snapshot as the report reads it. */
record Snapshot(long snapshotId, String campaignId, LocalDate asOf, List<TownshipFigure> townships,
		List<VillageFigure> villages, List<Ranked> rankings, List<Lagging> lagging, List<String> staleTownships) {

	record TownshipFigure(String code, String name, String category, int found, int rectified, BigDecimal rate) {
	}

	record VillageFigure(String townshipName, String code, String name, String kind, String category, int found,
			int rectified, BigDecimal rate) {
	}

	record Ranked(String category, String metric, String side, int position, String code, String name, BigDecimal value,
			boolean tied) {
	}

	record Lagging(String category, String kind, int position, String townshipName, String code, String name, int found,
			int rectified, BigDecimal rate) {
	}

	List<Ranked> ranking(String category, String metric, String side) {
		return this.rankings.stream()
			.filter((r) -> r.category().equals(category) && r.metric().equals(metric) && r.side().equals(side))
			.toList();
	}

	List<Lagging> lagging(String kind) {
		return this.lagging.stream().filter((l) -> l.kind().equals(kind)).toList();
	}

}
