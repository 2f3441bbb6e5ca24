package cn.yongkang.campaign.ingest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Turns numeric cells into the text validation expects: date-formatted cells become ISO
 * dates (whatever the display format or locale), other numbers their plain digits (a
 * phone number stored as a number must not come out as 1.38E10 or with thousands
 * separators).
 */
final class CellText extends DataFormatter {

	/**
	 * Date formats built into East Asian Excel (a zh-CN 2022年10月4日 is format 31): files
	 * refer to them by number without spelling them out, and POI does not know them.
	 */
	private static final Set<Integer> EAST_ASIAN_DATE_FORMATS = Set.of(27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57,
			58);

	private static final Pattern SCIENTIFIC = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?[eE][+-]?\\d{1,3}");

	/**
	 * Written out, a number keeps at most this many digits around the point: a phone
	 * number has 11 or 12, and {@code 1E999999999} must stay text, not become a billion
	 * zeros.
	 */
	private static final int MAX_PLAIN_EXPONENT = 30;

	/** More distinct days than a ledger's dates span are worked out each time. */
	private static final int MAX_DAYS = 100_000;

	private final boolean date1904;

	private final Map<Long, String> days = new HashMap<>();

	CellText() {
		this(false);
	}

	/**
	 * @param date1904 whether the workbook counts dates from 1904 (.xlsx readers ask)
	 */
	CellText(boolean date1904) {
		this.date1904 = date1904;
	}

	/** The form POI's .xlsx handler calls, which knows nothing of the 1904 system. */
	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString) {
		return formatRawCellContents(value, formatIndex, formatString, this.date1904);
	}

	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
		return number(value, isDateFormat(formatIndex, formatString), use1904Windowing);
	}

	/** Whether a number format shows a date (asked once per style, not per cell). */
	static boolean isDateFormat(int formatIndex, String formatString) {
		return DateUtil.isADateFormat(formatIndex, formatString) || EAST_ASIAN_DATE_FORMATS.contains(formatIndex);
	}

	/**
	 * A number as validation reads it: an ISO date when its format shows a date. Whole
	 * numbers, which are most of a ledger's (phone numbers, dates without a time), take a
	 * shorter way to the same text; a day's date is worked out once.
	 */
	String number(double value, boolean dateFormat) {
		// Negative zero is POI's "-0", not a whole number here.
		boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15
				&& Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0);
		if (!whole) {
			return number(value, dateFormat, this.date1904);
		}
		if (!dateFormat) {
			return Long.toString((long) value);
		}
		if (this.days.size() >= MAX_DAYS) {
			return number(value, true, this.date1904);
		}
		return this.days.computeIfAbsent((long) value, (day) -> number(value, true, this.date1904));
	}

	private static String number(double value, boolean dateFormat, boolean use1904Windowing) {
		if (dateFormat && DateUtil.isValidExcelDate(value)) {
			return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
		}
		return NumberToTextConverter.toText(value);
	}

	/**
	 * A raw number written without a style may still use exponent notation; spell it out.
	 */
	static String plainNumber(String text) {
		if (text != null && text.length() <= 50 && (text.indexOf('E') > 0 || text.indexOf('e') > 0)
				&& SCIENTIFIC.matcher(text).matches()) {
			BigDecimal number = new BigDecimal(text);
			int digitsBeforePoint = number.precision() - number.scale();
			if (Math.abs(digitsBeforePoint) <= MAX_PLAIN_EXPONENT && number.scale() <= MAX_PLAIN_EXPONENT) {
				return number.toPlainString();
			}
		}
		return text;
	}

}
