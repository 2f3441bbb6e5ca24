package cn.yongkang.campaign.ingest;

/**
 * One data row as read: its row number as the spreadsheet shows it, and the trimmed text
 * of each ledger field ({@code null} when the cell is empty or the column is absent),
 * indexed by {@link LedgerField#ordinal()}, which is also the order of the raw value
 * columns of {@code staged_row}.
 */
public record RawRow(int rowNumber, String[] values) {

	public String get(LedgerField field) {
		return this.values[field.ordinal()];
	}

}
