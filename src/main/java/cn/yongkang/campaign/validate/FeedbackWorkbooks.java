package cn.yongkang.campaign.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.support.RunParameters;

/**
 * Writes one feedback workbook (退回清单) per township that had rejected rows, unreadable
 * files or warnings that night: the rows with their original values, the row number the
 * clerk sees, all reasons, the offending cells and suggestions
 * ({@link FeedbackWorkbook}). The cells to highlight come from the same row rules asked
 * again on the stored original values, with the night's registry and date, so
 * {@code rejected_row} keeps one text of reasons. No cell can start a formula when opened
 * in Excel.
 */
@Component
public class FeedbackWorkbooks {

	static final String FOLDER = "feedback";

	/** Excel's limit for the text of one cell. */
	static final int MAX_CELL_CHARS = 32_767;

	private static final Logger log = LoggerFactory.getLogger(FeedbackWorkbooks.class);

	private final JdbcTemplate jdbc;

	public FeedbackWorkbooks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void write(RunParameters run) {
		Path folder = run.reportFolder().resolve(FOLDER);
		try {
			Files.createDirectories(folder);
			removePrevious(folder);
			Registry registry = Registry.load(run.jobs());
			List<Object[]> townships = this.jdbc.query(
					"""
							SELECT t.township_code, t.township_name,
							  (SELECT COALESCE(SUM(f.rows_rejected), 0) FROM upload_file f WHERE f.township_code = t.township_code AND f.inbox_date = ?),
							  (SELECT COUNT(*) FROM upload_file f WHERE f.township_code = t.township_code AND f.inbox_date = ? AND f.status = 'QUARANTINED'),
							  (SELECT COALESCE(SUM(f.rows_warned), 0) FROM upload_file f WHERE f.township_code = t.township_code AND f.inbox_date = ?)
							FROM region_township t
							WHERE EXISTS (SELECT 1 FROM upload_file f WHERE f.township_code = t.township_code AND f.inbox_date = ?
							  AND (f.status = 'QUARANTINED' OR f.rows_rejected > 0 OR f.rows_warned > 0))
							ORDER BY t.sort_order""",
					(rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
							rs.getInt(5) },
					run.date(), run.date(), run.date(), run.date());
			// Each township's workbook is its own: they are written side by side, one per
			// core (a million-row night has 16 of a few thousand rows each).
			townships.parallelStream().forEach((township) -> writeOne(township, folder, registry, run));
		}
		catch (IOException ex) {
			throw unwritable(folder, ex);
		}
	}

	private void writeOne(Object[] township, Path folder, Registry registry, RunParameters run) {
		String code = (String) township[0];
		String name = (String) township[1];
		Path file = folder.resolve(FeedbackWorkbook.fileName(name, run.date()));
		String heading = FeedbackWorkbook.nightHeading(name, run.date(), (int) township[2], (int) township[3],
				(int) township[4]);
		RowValidator rules = registry.townshipByCode(code)
			.map((uploader) -> new RowValidator(registry, uploader, run.date()))
			.orElse(null);
		try (FeedbackWorkbook workbook = new FeedbackWorkbook(heading)) {
			fill(workbook, code, rules, run);
			workbook.write(file);
		}
		catch (IOException ex) {
			throw unwritable(folder, ex);
		}
		log.info("Feedback workbook for {}: {}", name, file);
	}

	private static UncheckedIOException unwritable(Path folder, IOException ex) {
		return new UncheckedIOException("cannot write feedback workbooks to " + folder
				+ ": check that the reports folder exists and is writable, then restart", ex);
	}

	private static void removePrevious(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			// Earlier workbooks, and temporary files a killed process left behind.
			for (Path file : files
				.filter((f) -> f.getFileName().toString().endsWith(FeedbackWorkbook.SUFFIX)
						|| f.getFileName().toString().matches("\\.feedback.*\\.tmp"))
				.toList()) {
				Files.delete(file);
			}
		}
	}

	private void fill(FeedbackWorkbook workbook, String townshipCode, RowValidator rules, RunParameters run) {
		this.jdbc.query("""
				SELECT f.file_name, r.row_number, r.reasons, r.hazard_ref, r.township, r.village, r.category,
				       r.premises, r.address, r.hazard, r.found_on, r.status, r.rectified_on, r.inspector, r.contact
				FROM rejected_row r JOIN upload_file f ON f.file_id = r.file_id
				WHERE f.inbox_date = ? AND f.township_code = ? ORDER BY f.file_id, r.row_number""", (rs) -> {
			String[] values = new String[RowValidator.VALUE_COLUMNS.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = rs.getString(4 + i);
			}
			int rowNumber = rs.getInt(2);
			List<Problem> problems = rules == null ? List.of() : rules.check(rowNumber, values).problems();
			workbook.rejected(rs.getString(1), rowNumber, rs.getString(3), Arrays.asList(values), problems);
		}, run.date(), townshipCode);
		this.jdbc.query("SELECT file_name, reason FROM upload_file WHERE inbox_date = ? AND township_code = ?"
				+ " AND status = 'QUARANTINED' ORDER BY file_id", (rs) -> {
					workbook.unreadable(rs.getString(1), rs.getString(2));
				}, run.date(), townshipCode);
		this.jdbc.query("""
				SELECT f.file_name, v.row_number, v.warnings, v.premises, v.address, v.description
				FROM validated_row v JOIN upload_file f ON f.file_id = v.file_id
				WHERE f.inbox_date = ? AND f.township_code = ? AND v.warnings IS NOT NULL
				ORDER BY f.file_id, v.row_number""", (rs) -> {
			workbook.warning(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6));
		}, run.date(), townshipCode);
	}

	/**
	 * Appends rows to a sheet; text that Excel would take for a formula gets a leading
	 * apostrophe.
	 */
	static final class SafeSheet {

		private final Sheet sheet;

		private final CellStyle headerStyle;

		private int next;

		SafeSheet(Sheet sheet, CellStyle headerStyle) {
			this.sheet = sheet;
			this.headerStyle = headerStyle;
		}

		void header(String... labels) {
			Row row = this.sheet.createRow(this.next++);
			for (int i = 0; i < labels.length; i++) {
				Cell cell = row.createCell(i);
				cell.setCellValue(labels[i]);
				cell.setCellStyle(this.headerStyle);
				this.sheet.setColumnWidth(i, Math.min(60, Math.max(8, labels[i].length() * 3)) * 256);
			}
			this.sheet.createFreezePane(0, this.next);
		}

		Row row(Object... values) {
			Row row = this.sheet.createRow(this.next++);
			for (int i = 0; i < values.length; i++) {
				if (values[i] instanceof Number number) {
					row.createCell(i).setCellValue(number.doubleValue());
				}
				else if (values[i] != null) {
					row.createCell(i).setCellValue(defuse(values[i].toString()));
				}
			}
			return row;
		}

		/**
		 * OWASP's advice for CSV/formula injection: never let a cell start with = + - @
		 * or a control character.
		 */
		static String defuse(String raw) {
			String text = cellText(raw);
			if (!text.isEmpty() && "=+-@\t\r\n".indexOf(text.charAt(0)) >= 0) {
				return cellText("'" + text);
			}
			return text;
		}

		/**
		 * What a cell can hold: no character XML 1.0 forbids (NUL and other controls but
		 * tab and line breaks, lone surrogates), at most Excel's 32,767 characters, a
		 * longer value cut with a note, so that no value can stop the workbook.
		 */
		static String cellText(String text) {
			StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CELL_CHARS));
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1));
				if (pair) {
					out.append(c).append(text.charAt(++i));
				}
				else if ((c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && !Character.isSurrogate(c)
						&& c != '\uFFFE' && c != '\uFFFF') {
					out.append(c);
				}
			}
			if (out.length() <= MAX_CELL_CHARS) {
				return out.toString();
			}
			String note = "…（共" + out.length() + "个字符，超出单元格上限，以下省略）";
			int keep = MAX_CELL_CHARS - note.length();
			if (Character.isHighSurrogate(out.charAt(keep - 1))) {
				keep--;
			}
			return out.substring(0, keep) + note;
		}

	}

}
