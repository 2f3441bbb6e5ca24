package cn.yongkang.campaign.registry;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.yongkang.campaign.support.Fold;

/** The premises categories of the campaign. The code is what tables store. */
public enum Category {

	RENTAL_HOUSING("居住出租房", List.of("出租房", "出租屋", "居住出租屋")), STREET_SHOP("沿街店铺", List.of("店铺", "沿街商铺", "沿街店面")),
	THREE_IN_ONE("“三合一”企业", List.of("三合一", "三合一企业", "“三合一”场所", "\"三合一\"企业"));

	private final String label;

	private final List<String> aliases;

	/** Quotes that clerks type around 三合一 in any of their shapes. */
	private static final Pattern QUOTES = Pattern.compile("[\"'“”‘’「」『』]");

	Category(String label, List<String> aliases) {
		this.label = label;
		this.aliases = aliases;
	}

	public String label() {
		return this.label;
	}

	/** The other words uploads may use for this category. */
	public List<String> aliases() {
		return this.aliases;
	}

	/**
	 * Resolves what a clerk typed: the label, an alias or the code, ignoring quotes and
	 * spaces.
	 */
	public static Optional<Category> parse(String raw) {
		String key = matchKey(raw);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		for (Category category : values()) {
			if (key.equalsIgnoreCase(category.name()) || key.equals(matchKey(category.label))) {
				return Optional.of(category);
			}
			for (String alias : category.aliases) {
				if (key.equals(matchKey(alias))) {
					return Optional.of(category);
				}
			}
		}
		return Optional.empty();
	}

	/** Accepts a code from a campaign file, e.g. {@code STREET_SHOP}; labels work too. */
	public static Category ofCode(String code) {
		return parse(code).orElseThrow(() -> new IllegalArgumentException(
				"unknown category '" + code + "' (use RENTAL_HOUSING, STREET_SHOP or THREE_IN_ONE)"));
	}

	private static String matchKey(String text) {
		return QUOTES.matcher(Fold.compact(text)).replaceAll("");
	}

}
