package cn.yongkang.campaign.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.yongkang.campaign.registry.Category;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;

/**
 * One campaign as its file defines it. {@code townships} is empty when every registered
 * township takes part.
 *
 * @param bulletinName how the bulletin names the campaign, e.g. 消防安全“双月攻坚”
 */
public record Campaign(String id, String name, String bulletinName, LocalDate start, LocalDate end,
		List<Category> categories, List<String> townships, int rankingSize, Lagging lagging, Flags flags) {

	/** The lagging-list settings. */
	public record Lagging(Category category, int villages, int communities, int minFound) {
	}

	/**
	 * Thresholds of the gaming checks: a township's night is flagged when it reaches both
	 * the count and the share (a share of 0..1).
	 */
	public record Flags(int bulkMinHazards, double bulkMinShare, int backdatedMinHazards, int regressionMinHazards,
			int sameDayMinHazards, double sameDayMinShare) {

		/**
		 * Bulk: 30 % of the open hazards and at least 20; every backdated fix;
		 * regressions from 3 (one is a clerk's correction, several a pattern); same-day
		 * fixes when half of the night's fixes and at least 10.
		 */
		public static final Flags DEFAULTS = new Flags(20, 0.9, 1, 3, 10, 0.5);

	}

	public boolean covers(LocalDate date) {
		return !date.isBefore(this.start) && !date.isAfter(this.end);
	}

	/**
	 * Hazards found after this day do not count for an as-of date: the campaign's end
	 * caps it.
	 */
	public LocalDate lastFoundDay(LocalDate asOf) {
		return asOf.isAfter(this.end) ? this.end : asOf;
	}

	/** The townships taking part, in registry order. */
	public List<Township> participants(Registry registry) {
		if (this.townships.isEmpty()) {
			return registry.townships();
		}
		List<Township> participants = new ArrayList<>();
		for (String name : this.townships) {
			Township township = registry.township(name)
				.orElseThrow(() -> new CampaignException("campaign " + this.id + " names township '" + name
						+ "', which is not in the registry (jobs/regions/townships.csv)"));
			if (!participants.contains(township)) {
				participants.add(township);
			}
		}
		return registry.townships().stream().filter(participants::contains).toList();
	}

}
