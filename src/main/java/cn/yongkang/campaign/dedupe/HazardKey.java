package cn.yongkang.campaign.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.yongkang.campaign.registry.Township;

/**
 * A hazard's identity: the township plus the township's own 隐患编号 when given; otherwise
 * the township, village, category, normalized address and normalized description. The key
 * is the SHA-256 of those parts, so it has a fixed width and says nothing personal.
 */
public final class HazardKey {

	private static final Pattern NOT_FOLDED = Pattern.compile("[\\s\\p{Z}\\p{P}\\u200B\\uFEFF]+");

	private static final List<String> CITY_PREFIXES = List.of("浙江省", "金华市", "永康市");

	private HazardKey() {
	}

	public static String of(Township township, String hazardRef, String villageCode, String category, String address,
			String description) {
		String parts;
		if (hazardRef != null && !hazardRef.isBlank()) {
			parts = "ref|" + township.code() + "|" + fold(hazardRef).toUpperCase(Locale.ROOT);
		}
		else {
			parts = "row|" + township.code() + "|" + (villageCode == null ? "" : villageCode) + "|" + category + "|"
					+ address(township, address) + "|" + fold(description);
		}
		return sha256(parts);
	}

	/**
	 * NFKC, lower case, no whitespace, no punctuation: 东城街道 , 新村路１８号 and 新村路18号。 agree.
	 */
	static String fold(String text) {
		return NOT_FOLDED.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
			.replaceAll("");
	}

	/**
	 * The folded address without a leading 永康市 or township name (or alias), stripped
	 * until none is left: many villages begin with their township's short name (古山一村 of
	 * 古山镇), so 永康市古山镇古山一村2号 and 古山一村2号 must come out the same, whatever is left of the
	 * village's name.
	 */
	static String address(Township township, String address) {
		String folded = fold(address);
		for (String prefix : CITY_PREFIXES) {
			folded = stripPrefix(folded, prefix);
		}
		List<String> names = new ArrayList<>(township.aliases());
		names.add(0, township.name());
		names.sort(Comparator.comparingInt(String::length).reversed());
		String previous;
		do {
			previous = folded;
			for (String name : names) {
				folded = stripPrefix(folded, fold(name));
			}
		}
		while (!folded.equals(previous));
		return folded;
	}

	private static String stripPrefix(String text, String prefix) {
		return text.startsWith(prefix) && text.length() > prefix.length() ? text.substring(prefix.length()) : text;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
