package cn.yongkang.campaign.selfservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.yongkang.campaign.ingest.LedgerFiles;
import cn.yongkang.campaign.ingest.LedgerFiles.LedgerRead;
import cn.yongkang.campaign.ingest.UnreadableFileException;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.validate.FeedbackWorkbook;
import cn.yongkang.campaign.validate.RowOutcome;
import cn.yongkang.campaign.validate.RowValidator;

/**
 * The night's reading and row rules on one file, now: ingest's reader finds the ledger
 * and streams its rows, validate's rules judge each, and nothing is stored. Rejected and
 * warned rows are kept (the clerk wants to see every one); accepted rows are only
 * counted.
 */
@Component
public class LedgerCheck {

	/** Upload dates are the office's calendar days. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * @param township the uploading township, as the inbox folder would name it
	 * @param date the upload date: no date in a row may be later
	 */
	public CheckReport check(Path file, Registry registry, Township township, LocalDate date) {
		RowValidator rules = new RowValidator(registry, township, date);
		List<RowOutcome> rejected = new ArrayList<>();
		List<RowOutcome> warned = new ArrayList<>();
		int[] accepted = new int[1];
		try {
			LedgerRead read = LedgerFiles.read(file, !township.isZone(), (row) -> {
				RowOutcome outcome = rules.check(row.rowNumber(), row.values());
				if (!outcome.accepted()) {
					rejected.add(outcome);
				}
				else {
					accepted[0]++;
					if (!outcome.warnings().isEmpty()) {
						warned.add(outcome);
					}
				}
			});
			return new CheckReport(township, date, read.format(), read.sheetName(), read.headerRow(), read.rowsRead(),
					accepted[0], rejected.size(), read.blankRows(), rejected, warned, null);
		}
		catch (UnreadableFileException ex) {
			return CheckReport.unreadable(township, date, ex.getMessage());
		}
		catch (RuntimeException | StackOverflowError ex) {
			// A bound exceeded or a reader's failure: the night quarantines such a file
			// too.
			return CheckReport.unreadable(township, date, LedgerFiles.quarantineReason(ex));
		}
		catch (IOException ex) {
			return CheckReport.unreadable(township, date, LedgerFiles.quarantineReason(ex));
		}
	}

	/** Writes the report's 退回清单 (atomically) to the target file. */
	public void writeFeedback(CheckReport report, String fileName, Path target) {
		String heading = FeedbackWorkbook.uploadHeading(report.township().name(), fileName, report.date(),
				report.rowsRead(), report.rowsAccepted(), report.rowsRejected(), report.rowsBlank(),
				report.quarantineReason());
		try (FeedbackWorkbook workbook = new FeedbackWorkbook(heading)) {
			if (report.quarantineReason() != null) {
				workbook.unreadable(fileName, report.quarantineReason());
			}
			for (RowOutcome row : report.rejected()) {
				workbook.rejected(fileName, row.rowNumber(), row.reasons(), row.values(), row.problems());
			}
			for (RowOutcome row : report.warned()) {
				List<String> values = row.values();
				workbook.warning(fileName, row.rowNumber(), String.join("；", row.warnings()), value(values, "premises"),
						value(values, "address"), value(values, "hazard"));
			}
			workbook.write(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the feedback workbook " + target + ": " + ex.getMessage(), ex);
		}
	}

	private static String value(List<String> values, String column) {
		return values.get(RowValidator.VALUE_COLUMNS.indexOf(column));
	}

}
