package cn.yongkang.campaign.operator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.yongkang.campaign.operations.NightlyOperations;
import cn.yongkang.campaign.operations.RunRecord;
import cn.yongkang.campaign.operations.TownshipRecord;
import cn.yongkang.campaign.operations.UploadRecord;

/**
 * The {@code status} command's output: executions, their steps, and a night's upload
 * ledger, printed from the operations service's records.
 */
@Component
class StatusReport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final NightlyOperations operations;

	StatusReport(NightlyOperations operations) {
		this.operations = operations;
	}

	void print(PrintStream out, LocalDate date, int limit) {
		List<RunRecord> executions = date == null ? this.operations.recent(limit) : this.operations.forDate(date);
		if (executions.isEmpty()) {
			out.println(date == null ? "No executions yet." : "No executions for " + date + ".");
		}
		executions.forEach((execution) -> printExecution(out, execution));
		if (date != null) {
			printUploads(out, date);
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
					file.fileName(), file.reason() == null ? "" : "  " + file.reason(), counts(file));
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
