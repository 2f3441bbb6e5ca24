package cn.yongkang.campaign.validate;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.yongkang.campaign.support.Fold;

/**
 * Reads the date forms clerks use: ISO text (from real date cells too), 2022/10/4,
 * 2022.10.4, 20221004, 2022年10月4日 and Excel serial numbers typed into General cells. A
 * time part after the date is ignored.
 */
final class LedgerDates {

	private static final Pattern SEPARATED = Pattern.compile(
			"(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	/**
	 * A serial with a fraction is a date and time typed or copied into a General cell.
	 */
	private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:\\.\\d+)?");

	/** Excel's day 0 in the 1900 system, as the serials after February 1900 count. */
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private LedgerDates() {
	}

	/**
	 * True when the text is written as a date (2022-09-31, 2022年13月1日): when it does not
	 * {@link #parse}, the calendar lacks that day, and the clerk needs another reason
	 * than for text that is no date at all.
	 */
	static boolean looksLikeDate(String raw) {
		String text = Normalizer.normalize(Fold.trim(raw), Normalizer.Form.NFKC);
		return SEPARATED.matcher(text).matches() || COMPACT.matcher(text).matches();
	}

	static Optional<LocalDate> parse(String raw) {
		String text = Normalizer.normalize(Fold.trim(raw), Normalizer.Form.NFKC);
		try {
			Matcher separated = SEPARATED.matcher(text);
			if (separated.matches()) {
				return Optional.of(LocalDate.of(Integer.parseInt(separated.group(1)),
						Integer.parseInt(separated.group(2)), Integer.parseInt(separated.group(3))));
			}
			Matcher compact = COMPACT.matcher(text);
			if (compact.matches()) {
				return Optional.of(LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
						Integer.parseInt(compact.group(3))));
			}
			Matcher serial = SERIAL.matcher(text);
			if (serial.matches()) {
				int days = Integer.parseInt(serial.group(1));
				if (days >= 20000 && days <= 80000) {
					return Optional.of(EXCEL_EPOCH.plusDays(days));
				}
			}
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

}
