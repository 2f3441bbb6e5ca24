package cn.yongkang.campaign.ingest;

import java.util.List;

/**
 * Receives the rows of one sheet at a time from a streaming workbook reader. Rows arrive
 * in order; rows absent from the file (never touched) are simply not reported.
 */
interface SheetVisitor {

	void startSheet(String name);

	/**
	 * @param rowNumber the row number as the spreadsheet shows it (1-based)
	 * @param cells the cell texts by column (0-based); {@code null} or "" for empty cells
	 * @throws SkipSheet to stop reading this sheet and go on with the next one
	 */
	void row(int rowNumber, List<String> cells);

	/**
	 * @return true when this sheet held the ledger, so that no further sheet is read
	 */
	boolean endSheet();

	/**
	 * Whether a value in this column (0-based) of the current sheet makes a row a row of
	 * the table, so that vertically merged cells fill into it. A 序号 or a remark beside
	 * the table does not: a blank row inside a merged range stays blank.
	 */
	default boolean countsAsValue(int column) {
		return true;
	}

	/** Thrown by a visitor that has seen enough of a sheet to know it holds no ledger. */
	final class SkipSheet extends RuntimeException {

		SkipSheet() {
			super(null, null, false, false);
		}

	}

}
