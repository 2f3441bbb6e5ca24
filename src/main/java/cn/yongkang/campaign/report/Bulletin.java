package cn.yongkang.campaign.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.registry.Category;
import cn.yongkang.campaign.registry.Village;

/**
 * The bulletin's text, composed from a snapshot with the template's wording: per category
 * one paragraph with the found and the rate rankings, then the lagging villages and
 * communities grouped by township; then “why it moved”, a sentence per township that
 * entered or left a published list since the previous snapshot.
 *
 * @param paragraphs the seed's paragraphs (intro, rankings, lagging lists, stale note)
 * @param moves the moves section: per category with moves, one paragraph; or the
 * template's sentence for nothing moved (or for a first snapshot)
 */
record Bulletin(String title, List<String> paragraphs, String movesHeading, List<String> moves) {

	Bulletin(String title, List<String> paragraphs) {
		this(title, paragraphs, "", List.of());
	}

	private static final String DIGITS = "零一二三四五六七八九";

	static Bulletin compose(Snapshot snapshot, Campaign campaign, BulletinTemplate template) {
		Map<String, String> common = Map.of("campaign", campaign.bulletinName(), "date", chineseDate(snapshot.asOf()));
		List<String> paragraphs = new ArrayList<>();
		if (!template.intro().isEmpty()) {
			paragraphs.add(template.fill(template.intro(), common));
		}
		for (Category category : campaign.categories()) {
			paragraphs.add(rankingSentence(snapshot, template, category, "hazards_found", campaign.rankingSize())
					+ rankingSentence(snapshot, template, category, "rectification_rate", campaign.rankingSize()));
		}
		Category laggingCategory = campaign.lagging().category();
		paragraphs.add(laggingSentence(snapshot, template, common, laggingCategory, Village.VILLAGE, "villages"));
		paragraphs.add(laggingSentence(snapshot, template, common, laggingCategory, Village.COMMUNITY, "communities"));
		if (!snapshot.staleTownships().isEmpty()) {
			Map<String, String> values = new LinkedHashMap<>(common);
			values.put("names", String.join("、", snapshot.staleTownships()));
			paragraphs.add(template.fill(template.sentence("stale"), values));
		}
		return new Bulletin(template.fill(template.title(), common), List.copyOf(paragraphs),
				template.at("moves", "heading"), Moves.sentences(snapshot, campaign, template));
	}

	String markdown() {
		String text = "# " + this.title + "\n\n" + String.join("\n\n", this.paragraphs) + "\n";
		if (this.movesHeading.isEmpty()) {
			return text;
		}
		return text + "\n## " + this.movesHeading + "\n\n" + String.join("\n\n", this.moves)
				+ (this.moves.isEmpty() ? "" : "\n");
	}

	private static String rankingSentence(Snapshot snapshot, BulletinTemplate template, Category category,
			String metric, int size) {
		List<Snapshot.Ranked> top = snapshot.ranking(category.name(), metric, "top");
		List<Snapshot.Ranked> bottom = snapshot.ranking(category.name(), metric, "bottom");
		Map<String, String> values = new LinkedHashMap<>();
		values.put("subject", template.category(category, "subject"));
		if (top.isEmpty()
				|| top.stream().allMatch((r) -> r.value().signum() == 0 && r.metric().equals("hazards_found"))) {
			return metric.equals("hazards_found") ? template.fill(template.sentence("no_data"), values) : "";
		}
		values.put("n", numeral(Math.min(size, top.size())));
		values.put("top", rankedNames(top, template, "tie_top"));
		values.put("bottom", rankedNames(bottom, template, "tie_bottom"));
		return template.fill(template.sentence(metric), values);
	}

	/** Names in list order; units sharing a position are joined and marked as tied. */
	private static String rankedNames(List<Snapshot.Ranked> ranked, BulletinTemplate template, String tieSentence) {
		Map<Integer, List<String>> byPosition = new LinkedHashMap<>();
		ranked.forEach((r) -> byPosition.computeIfAbsent(r.position(), (p) -> new ArrayList<>()).add(r.name()));
		List<String> parts = new ArrayList<>();
		byPosition.forEach((position, names) -> {
			if (names.size() == 1) {
				parts.add(names.get(0));
			}
			else {
				parts.add(template.fill(template.sentence(tieSentence), Map.of("names",
						joinTied(names, template.sentence("tie_joiner")), "position", numeral(position))));
			}
		});
		return String.join("、", parts);
	}

	private static String joinTied(List<String> names, String joiner) {
		return String.join("、", names.subList(0, names.size() - 1)) + joiner + names.get(names.size() - 1);
	}

	private static String laggingSentence(Snapshot snapshot, BulletinTemplate template, Map<String, String> common,
			Category category, String kind, String sentence) {
		List<Snapshot.Lagging> list = snapshot.lagging(kind)
			.stream()
			.filter((l) -> l.category().equals(category.name()))
			.toList();
		Map<String, String> values = new LinkedHashMap<>(common);
		values.put("category", template.category(category, "lagging"));
		if (list.isEmpty()) {
			return template.fill(template.sentence("no_lagging_" + sentence), values);
		}
		// Groups appear in the order of their worst member: the list is worst first.
		Map<String, List<String>> byTownship = new LinkedHashMap<>();
		list.forEach((l) -> byTownship.computeIfAbsent(l.townshipName(), (t) -> new ArrayList<>()).add(l.name()));
		values.put("count", String.valueOf(list.size()));
		values.put("list",
				byTownship.entrySet()
					.stream()
					.map((group) -> group.getKey() + String.join("、", group.getValue()))
					.collect(Collectors.joining("，")));
		return template.fill(template.sentence("lagging_" + sentence), values);
	}

	static String chineseDate(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五; larger numbers stay digits. */
	static String numeral(int n) {
		if (n < 10 && n >= 0) {
			return String.valueOf(DIGITS.charAt(n));
		}
		if (n < 100) {
			String tens = n / 10 == 1 ? "" : String.valueOf(DIGITS.charAt(n / 10));
			return tens + "十" + (n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10)));
		}
		return String.valueOf(n);
	}

}
