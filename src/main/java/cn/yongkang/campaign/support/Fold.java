package cn.yongkang.campaign.support;

import java.text.Normalizer;

/**
 * Text folding for matching what clerks type against known labels and names: NFKC turns
 * full-width letters, digits, brackets and spaces into their plain forms; every kind of
 * whitespace goes.
 */
public final class Fold {

	private Fold() {
	}

	/**
	 * NFKC, then without any whitespace (also U+3000, NBSP and zero-width characters).
	 */
	public static String compact(String text) {
		if (text == null) {
			return "";
		}
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(normalized.length());
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisible(c)) {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Trims whitespace of every kind at both ends; null and blank become "". */
	public static String trim(String text) {
		if (text == null) {
			return "";
		}
		int start = 0;
		int end = text.length();
		while (start < end && isBlankChar(text.charAt(start))) {
			start++;
		}
		while (end > start && isBlankChar(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	public static boolean isBlank(String text) {
		return trim(text).isEmpty();
	}

	private static boolean isBlankChar(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c);
	}

	private static boolean isInvisible(char c) {
		return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u2060';
	}

	/**
	 * The text with control characters (terminal escapes, NUL, line breaks, bidi
	 * overrides) written as {@code \\uXXXX}, for printing names that come from uploads on
	 * a terminal or in a log line.
	 */
	public static String printable(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int type = Character.getType(c);
			boolean control = type == Character.CONTROL || type == Character.FORMAT && !isInvisible(c) || c == '\u2028'
					|| c == '\u2029';
			if (control && out == null) {
				out = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (control) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return (out != null) ? out.toString() : text;
	}

}
