package cn.yongkang.campaign.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.yongkang.campaign.registry.Category;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.registry.Village;
import cn.yongkang.campaign.support.Fold;

/**
 * What a clerk probably meant when a value matches nothing registered: a registered name
 * one character off (a typo, a homophone typed by pinyin: 荆山下村 for 荆山夏村). Only a single
 * close name is suggested; two are a guess.
 */
final class Suggestions {

	/** Shorter values are one character off too many names to say which was meant. */
	private static final int MIN_LENGTH = 3;

	private Suggestions() {
	}

	static String village(Registry registry, Township township, String raw) {
		String key = Fold.compact(raw);
		Set<String> close = new LinkedHashSet<>();
		for (Village village : registry.villages()) {
			if (village.townshipCode().equals(township.code()) && isClose(key, names(village))) {
				close.add(village.name());
			}
		}
		if (close.size() == 1) {
			return "可能是“" + close.iterator().next() + "”";
		}
		if (close.isEmpty()) {
			for (Township other : registry.townships()) {
				if (!other.equals(township) && registry.village(other, raw).isPresent()) {
					return "“" + raw + "”登记在" + other.name() + "；本单位的村（社区）请从模板的下拉列表中选择";
				}
			}
		}
		return null;
	}

	static String township(Registry registry, Township uploader, String raw) {
		List<String> names = new ArrayList<>(uploader.aliases());
		names.add(uploader.name());
		return isClose(Fold.compact(raw), names) ? "可能是“" + uploader.name() + "”" : null;
	}

	static String category(String raw) {
		String key = categoryKey(raw);
		for (Category category : Category.values()) {
			List<String> names = new ArrayList<>(category.aliases());
			names.add(category.label());
			if (isClose(key, names.stream().map(Suggestions::categoryKey).toList())) {
				return "可能是“" + category.label() + "”";
			}
		}
		return null;
	}

	static String status(String raw) {
		String key = Fold.compact(raw);
		for (RectificationStatus status : RectificationStatus.values()) {
			if (isClose(key, status.words())) {
				return "可能是“" + status.label() + "”";
			}
		}
		return null;
	}

	private static List<String> names(Village village) {
		List<String> names = new ArrayList<>(village.aliases());
		names.add(village.name());
		// 荆山下 for 荆山夏村: the suffix is often left out.
		names.add(village.name().replaceFirst("(村|社区|居委会)$", ""));
		return names;
	}

	private static boolean isClose(String key, List<String> names) {
		if (key.length() < MIN_LENGTH) {
			return false;
		}
		for (String name : names) {
			String folded = Fold.compact(name);
			if (folded.length() >= MIN_LENGTH && oneEditApart(key, folded)) {
				return true;
			}
		}
		return false;
	}

	private static String categoryKey(String text) {
		return Fold.compact(text).replaceAll("[\"'“”‘’「」『』]", "");
	}

	/** True when one character replaced, added or dropped turns a into b. */
	static boolean oneEditApart(String a, String b) {
		if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
			return false;
		}
		String shorter = a.length() <= b.length() ? a : b;
		String longer = shorter == a ? b : a;
		int i = 0;
		while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
			i++;
		}
		if (shorter.length() == longer.length()) {
			return shorter.substring(i + 1).equals(longer.substring(i + 1));
		}
		return shorter.substring(i).equals(longer.substring(i + 1));
	}

}
