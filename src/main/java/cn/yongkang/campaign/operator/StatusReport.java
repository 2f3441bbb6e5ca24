package cn.yongkang.campaign.operator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.operations.NightlyOperations;
import cn.yongkang.campaign.operations.RunRecord;
import cn.yongkang.campaign.operations.TownshipRecord;
import cn.yongkang.campaign.operations.UploadRecord;
import cn.yongkang.campaign.support.Fold;

/**
 * The {@code status} command's output: executions, their steps, and a night's upload
 * ledger, printed from the operations service's records.
 */
@Component
class StatusReport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final NightlyOperations operations;

	/** The notes of files and nights left for a later run (inbox_note). */
	private final JdbcTemplate jdbc;

	StatusReport(NightlyOperations operations, JdbcTemplate jdbc) {
		this.operations = operations;
		this.jdbc = jdbc;
	}

	void print(PrintStream out, LocalDate date, int limit) {
		List<RunRecord> executions = date == null ? this.operations.recent(limit) : this.operations.forDate(date);
		if (executions.isEmpty()) {
			out.println(date == null ? "No executions yet." : "No executions for " + date + ".");
		}
		executions.forEach((execution) -> printExecution(out, execution));
		if (date != null) {
			printUploads(out, date);
			printNotes(out, "Left for the next run, or not run:",
					this.jdbc.query(
							"SELECT inbox_date, township_folder, file_name, note FROM inbox_note WHERE inbox_date = ?"
									+ " ORDER BY note_id",
							StatusReport::note, date));
		}
		else {
			printNotes(out, "Nights not run:",
					this.jdbc.query(
							"SELECT inbox_date, township_folder, file_name, note FROM inbox_note WHERE file_name = ''"
									+ " ORDER BY note_id DESC FETCH FIRST " + limit + " ROWS ONLY",
							StatusReport::note));
		}
	}

	private static String note(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String where = rs.getString(3).isEmpty() ? rs.getString(1) : rs.getString(2) + "/" + rs.getString(3);
		return Fold.printable(where + ": " + rs.getString(4));
	}

	private static void printNotes(PrintStream out, String title, List<String> notes) {
		if (!notes.isEmpty()) {
			out.println();
			out.println(title);
			notes.forEach((note) -> out.println("  " + note));
		}
	}

	private void printExecution(PrintStream out, RunRecord execution) {
		out.printf("Execution %d  date %s  campaign %s  attempt %s%s  %s  started %s  took %s%n", execution.id(),
				execution.date(), execution.campaignId(), execution.attempt(),
				execution.fromStep() == null ? "" : "  rerun from " + execution.fromStep(), execution.status(),
				time(execution.started()), duration(execution.duration()));
		execution.steps()
			.forEach((step) -> out.printf("  %-10s %-9s %s read %d  written %d  filtered %d  skipped %d  %s%n",
					step.name(), step.status(), step.skipped() ? "(skipped)" : "", step.readCount(), step.writeCount(),
					step.filterCount(), step.skipCount(), duration(step.duration())));
		if (execution.failed() || execution.markedRunning()) {
			String note;
			if (execution.doneSinceBy() != null) {
				note = reason(execution) + " (the date was done since by execution " + execution.doneSinceBy() + ")";
			}
			else if (execution.markedRunning()) {
				note = "still marked " + execution.status() + " (if no process runs it, 'restart " + execution.id()
						+ "' or 'abandon " + execution.id() + "')";
			}
			else {
				note = execution.reason() + " ('restart " + execution.id() + "' after fixing it)";
			}
			out.println("  reason: " + note);
		}
	}

	private static String reason(RunRecord execution) {
		return execution.reason() == null ? execution.status() : execution.reason();
	}

	private void printUploads(PrintStream out, LocalDate date) {
		out.println();
		out.println("Uploads for " + date + ":");
		for (UploadRecord file : this.operations.uploads(date)) {
			out.printf("  %-12s %-11s %s%s  %s%n",
					file.townshipName() == null ? "(unknown folder)" : file.townshipName(), file.status(),
					Fold.printable(file.fileName()), file.reason() == null ? "" : "  " + Fold.printable(file.reason()),
					counts(file));
		}
		List<String> missing = this.operations.missingUploads(date).stream().map(TownshipRecord::name).toList();
		out.println(missing.isEmpty() ? "  Every township uploaded a readable ledger."
				: "  No readable upload from: " + String.join("、", missing));
	}

	private static String counts(UploadRecord file) {
		if (file.rowsRead() == null) {
			return "";
		}
		return "rows " + file.rowsRead() + " = accepted " + (file.rowsAccepted() == null ? "?" : file.rowsAccepted())
				+ " + rejected " + (file.rowsRejected() == null ? "?" : file.rowsRejected()) + " + blank "
				+ file.rowsBlank() + (file.rowsWarned() == null ? "" : ", warnings " + file.rowsWarned());
	}

	private static String time(LocalDateTime time) {
		return time == null ? "-" : TIME.format(time);
	}

	private static String duration(Duration duration) {
		return duration == null ? "-" : String.format("%.1fs", duration.toMillis() / 1000.0);
	}

}
