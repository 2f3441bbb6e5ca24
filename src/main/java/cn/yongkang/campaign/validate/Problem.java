package cn.yongkang.campaign.validate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One reason a row is rejected.
 *
 * @param column the value column it is about, as {@code staged_row} names it (village,
 * found_on, ...): the cell a feedback workbook highlights
 * @param reason the reason in Chinese, naming the column and the value
 * @param suggestion what the clerk may have meant or should write, null when nothing is
 * close enough to say
 */
public record Problem(String column, String reason, String suggestion) {

	/** The reasons of a rejected row as one text, as {@code rejected_row} stores them. */
	public static String join(List<Problem> problems) {
		return problems.stream().map(Problem::reason).collect(Collectors.joining(RowValidator.SEPARATOR));
	}

}
