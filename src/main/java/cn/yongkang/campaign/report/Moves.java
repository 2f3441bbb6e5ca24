package cn.yongkang.campaign.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.registry.Category;

/**
 * “Why it moved”: per category, a sentence for each township that entered or left a
 * published top or bottom list since the previous snapshot, with the two values, in the
 * template's wording (e.g. 东城街道居住出租房整改率由62.1%升至70.3%，进入前三名。).
 */
final class Moves {

	private Moves() {
	}

	/**
	 * One paragraph per category with moves; the template's “none” or “first” sentence
	 * else.
	 */
	static List<String> sentences(Snapshot snapshot, Campaign campaign, BulletinTemplate template) {
		Map<String, String> common = Map.of("n", Bulletin.numeral(campaign.rankingSize()));
		if (!snapshot.hasPrevious()) {
			return List.of(template.fill(template.at("moves", "first"), common));
		}
		List<String> paragraphs = new ArrayList<>();
		for (Category category : campaign.categories()) {
			StringBuilder paragraph = new StringBuilder();
			for (Snapshot.Change change : snapshot.changes()) {
				if (change.category().equals(category.name())) {
					paragraph.append(sentence(change, template, category, campaign.rankingSize()));
				}
			}
			if (!paragraph.isEmpty()) {
				paragraphs.add(paragraph.toString());
			}
		}
		return paragraphs.isEmpty() ? List.of(template.fill(template.at("moves", "none"), common)) : paragraphs;
	}

	static String sentence(Snapshot.Change change, BulletinTemplate template, Category category, int size) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("township", change.name());
		values.put("category", template.category(category, "lagging"));
		values.put("metric", template.at("moves", "metrics", change.metric()));
		values.put("value", value(change.metric(), change.value(), template));
		String form;
		if (change.previous() == null) {
			form = "new";
		}
		else if (change.value() == null || change.value().compareTo(change.previous()) == 0) {
			form = "same";
		}
		else {
			form = "moved";
			values.put("previous", value(change.metric(), change.previous(), template));
			values.put("direction", template.at("moves",
					change.value().compareTo(change.previous()) > 0 ? "up" : "down", change.metric()));
		}
		List<String> what = new ArrayList<>();
		Map<String, String> n = Map.of("n", Bulletin.numeral(size));
		if (change.entered() != null) {
			what.add(template.fill(template.at("moves", "entered_" + change.entered()), n));
		}
		if (change.left() != null) {
			what.add(template.fill(template.at("moves", "left_" + change.left()), n));
		}
		values.put("change", String.join(template.at("moves", "joiner"), what));
		return template.fill(template.at("moves", form), values);
	}

	/** 12处, or a rate as 62.1%. */
	static String value(String metric, BigDecimal value, BulletinTemplate template) {
		if (value == null) {
			return "—";
		}
		if (metric.equals("rectification_rate")) {
			return percent(value);
		}
		return value.setScale(0, RoundingMode.HALF_UP).toPlainString() + template.atOr("", "moves", "count_unit");
	}

	static String percent(BigDecimal rate) {
		return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

}
