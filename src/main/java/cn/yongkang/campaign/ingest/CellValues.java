package cn.yongkang.campaign.ingest;

/**
 * Bounds on what one cell may bring in. Excel holds at most {@value #EXCEL_MAX_CHARS}
 * characters in a cell; longer text comes only from other programs or on purpose, and is
 * cut here to one character more than that, so that validation rejects its row naming the
 * column while memory and the tables stay bounded. PostgreSQL cannot store NUL in text:
 * it is dropped (Excel shows nothing for it either).
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

	/** The value without NUL, cut to {@value #MAX_KEPT} characters; null stays null. */
	static String bounded(String value) {
		if (value == null) {
			return null;
		}
		String clean = storable(value);
		return (clean.length() > MAX_KEPT) ? clean.substring(0, MAX_KEPT) : clean;
	}

	/** The text without NUL characters, which PostgreSQL cannot store. */
	static String storable(String text) {
		return (text == null || text.indexOf('\0') < 0) ? text : text.replace("\0", "");
	}

}
