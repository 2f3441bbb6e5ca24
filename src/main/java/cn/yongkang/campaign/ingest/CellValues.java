package cn.yongkang.campaign.ingest;

/**
 * Bounds on what one cell may bring in. Excel holds at most {@value #EXCEL_MAX_CHARS}
 * characters in a cell; longer text comes only from other programs or on purpose, and is
 * cut here to one character more than that, so that validation rejects its row naming the
 * column while memory and the tables stay bounded. PostgreSQL cannot store NUL in text:
 * it is dropped (Excel shows nothing for it either). A lone surrogate (from an
 * {@code _xD800_} escape or a damaged .xls string) has no UTF-8 form: it becomes U+FFFD
 * here, so the rows validated as read and the same rows read back from {@code staged_row}
 * are the same text.
 */
final class CellValues {

	static final int EXCEL_MAX_CHARS = 32_767;

	/**
	 * What is kept of a longer cell: enough for validation to see that it is too long.
	 */
	static final int MAX_KEPT = EXCEL_MAX_CHARS + 1;

	/** Columns A to XFD. */
	static final int MAX_COLUMNS = 16_384;

	static final int MAX_ROWS = 1_048_576;

	private CellValues() {
	}

	/**
	 * The value without NUL and lone surrogates, cut to {@value #MAX_KEPT} characters;
	 * null stays null.
	 */
	static String bounded(String value) {
		if (value == null) {
			return null;
		}
		String clean = storable(value);
		if (clean.length() > MAX_KEPT) {
			clean = clean.substring(0, MAX_KEPT);
		}
		return wholeCharacters(clean);
	}

	/** The text with each lone surrogate replaced by U+FFFD. */
	static String wholeCharacters(String text) {
		int i = 0;
		while (i < text.length() && !Character.isSurrogate(text.charAt(i))) {
			i++;
		}
		if (i == text.length()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
		for (; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else {
				out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
			}
		}
		return out.toString();
	}

	/** The text without NUL characters, which PostgreSQL cannot store. */
	static String storable(String text) {
		return (text == null || text.indexOf('\0') < 0) ? text : text.replace("\0", "");
	}

}
