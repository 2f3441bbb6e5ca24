package cn.yongkang.campaign.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One published snapshot as the report reads it: the figures, the rankings, what moved
 * since the previous snapshot, the night's gaming-check flags, and the bulletin's issue
 * number.
 */
record Snapshot(long snapshotId, String campaignId, LocalDate asOf, List<TownshipFigure> townships,
		List<VillageFigure> villages, List<Ranked> rankings, List<Lagging> lagging, List<String> staleTownships,
		boolean hasPrevious, List<Change> changes, List<Flag> flags, List<FlaggedHazard> flaggedHazards,
		int issueNumber) {

	/** A snapshot of figures alone: nothing before it, no flags, issue 1. */
	Snapshot(long snapshotId, String campaignId, LocalDate asOf, List<TownshipFigure> townships,
			List<VillageFigure> villages, List<Ranked> rankings, List<Lagging> lagging, List<String> staleTownships) {
		this(snapshotId, campaignId, asOf, townships, villages, rankings, lagging, staleTownships, false, List.of(),
				List.of(), List.of(), 1);
	}

	/**
	 * @param ratePosition position by rate, best first; null when nothing was found
	 */
	record TownshipFigure(String code, String name, String category, int found, int rectified, BigDecimal rate,
			Integer ratePosition) {

		TownshipFigure(String code, String name, String category, int found, int rectified, BigDecimal rate) {
			this(code, name, category, found, rectified, rate, null);
		}

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

	/**
	 * A township that entered or left a published list since the previous snapshot.
	 *
	 * @param entered {@code top}, {@code bottom} or null; likewise {@code left}
	 */
	record Change(String category, String metric, String code, String name, BigDecimal value, BigDecimal previous,
			String entered, String left) {
	}

	record Flag(String townshipCode, String townshipName, String kind, int hazards, int base, BigDecimal share,
			String detail) {
	}

	/** A hazard behind a flag, without personal data. */
	record FlaggedHazard(String townshipName, String kind, long hazardId, String villageName, String category,
			String address, String description, LocalDate foundOn, String status, LocalDate rectifiedOn) {
	}

	List<Ranked> ranking(String category, String metric, String side) {
		return this.rankings.stream()
			.filter((r) -> r.category().equals(category) && r.metric().equals(metric) && r.side().equals(side))
			.toList();
	}

	List<Lagging> lagging(String kind) {
		return this.lagging.stream().filter((l) -> l.kind().equals(kind)).toList();
	}

	List<TownshipFigure> townships(String category) {
		return this.townships.stream().filter((t) -> t.category().equals(category)).toList();
	}

}
