package cn.yongkang.campaign.validate;

import java.util.List;

/**
 * The verdict on one row of a checked file: accepted when it has no problem; warnings
 * accept the row and are reported all the same.
 *
 * @param rowNumber the row number as the spreadsheet shows it
 * @param values the raw values as read, in {@link RowValidator#VALUE_COLUMNS} order
 */
public record RowOutcome(int rowNumber, List<String> values, List<Problem> problems, List<String> warnings) {

	public boolean accepted() {
		return this.problems.isEmpty();
	}

	/** The reasons joined as the night stores them in {@code rejected_row}. */
	public String reasons() {
		return Problem.join(this.problems);
	}

}
