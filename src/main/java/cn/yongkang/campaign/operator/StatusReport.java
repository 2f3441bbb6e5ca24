package cn.yongkang.campaign.operator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.pipeline.NightlyRuns;
import cn.yongkang.campaign.support.Fold;
import cn.yongkang.campaign.support.RunParameters;

/**
 * The {@code status} command's output: executions, their steps, and a night's upload
 * ledger.
 */
@Component
class StatusReport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final NightlyRuns runs;

	private final JdbcTemplate jdbc;

	StatusReport(NightlyRuns runs, JdbcTemplate jdbc) {
		this.runs = runs;
		this.jdbc = jdbc;
	}

	void print(PrintStream out, LocalDate date, int limit) {
		List<JobExecution> executions = date == null ? this.runs.recent(limit) : this.jdbc
			.queryForList("SELECT DISTINCT parameter_value FROM batch_job_execution_params WHERE parameter_name = ?",
					String.class, RunParameters.CAMPAIGN)
			.stream()
			.flatMap((campaign) -> this.runs.forDate(campaign, date).stream())
			.sorted(Comparator.comparing(JobExecution::getId).reversed())
			.toList();
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

	private void printExecution(PrintStream out, JobExecution execution) {
		RunParameters run = RunParameters.of(execution);
		out.printf("Execution %d  date %s  campaign %s  attempt %s%s  %s  started %s  took %s%n", execution.getId(),
				run.date(), run.campaignId(), execution.getJobParameters().getLong(RunParameters.ATTEMPT),
				run.fromStep() == null ? "" : "  rerun from " + run.fromStep(), execution.getStatus(),
				time(execution.getStartTime()), duration(execution.getStartTime(), execution.getEndTime()));
		execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			// A stage's per-file partitions (ingest:partition17) add up into the stage's
			// line; only one that did not complete is worth a line of its own.
			.filter((step) -> !step.getStepName().contains(":") || step.getStatus() != BatchStatus.COMPLETED)
			.forEach((step) -> out.printf("  %-10s %-9s %s read %d  written %d  filtered %d  skipped %d  %s%n",
					step.getStepName(), step.getStatus(),
					"NOOP".equals(step.getExitStatus().getExitCode()) ? "(skipped)" : "", step.getReadCount(),
					step.getWriteCount(), step.getFilterCount(), step.getSkipCount(),
					duration(step.getStartTime(), step.getEndTime())));
		if (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.UNKNOWN
				|| execution.getStatus().isRunning()) {
			Optional<JobExecution> done = this.runs.doneSince(execution);
			String note;
			if (done.isPresent()) {
				note = Failures.reason(execution) + " (the date was done since by execution " + done.get().getId()
						+ ")";
			}
			else if (execution.getStatus().isRunning()) {
				note = "still marked " + execution.getStatus() + " (if no process runs it, 'restart "
						+ execution.getId() + "' or 'abandon " + execution.getId() + "')";
			}
			else {
				note = Failures.reason(execution) + " ('restart " + execution.getId() + "' after fixing it)";
			}
			out.println("  reason: " + note);
		}
	}

	private void printUploads(PrintStream out, LocalDate date) {
		out.println();
		out.println("Uploads for " + date + ":");
		List<String[]> files = this.jdbc.query(
				"""
						SELECT t.township_name, f.file_name, f.status, f.rows_read, f.rows_accepted, f.rows_rejected, f.rows_blank,
						       f.rows_warned, f.reason
						FROM upload_file f LEFT JOIN region_township t ON t.township_code = f.township_code
						WHERE f.inbox_date = ? ORDER BY t.sort_order, f.file_id""",
				(rs, i) -> new String[] { rs.getString(1) == null ? "(unknown folder)" : rs.getString(1),
						Fold.printable(rs.getString(2)), rs.getString(3),
						counts(rs.getObject(4), rs.getObject(5), rs.getObject(6), rs.getObject(7), rs.getObject(8)),
						rs.getString(9) == null ? "" : "  " + Fold.printable(rs.getString(9)) },
				date);
		for (String[] file : files) {
			out.printf("  %-12s %-11s %s%s  %s%n", file[0], file[2], file[1], file[4], file[3]);
		}
		List<String> missing = missingUploads(date);
		out.println(missing.isEmpty() ? "  Every township uploaded a readable ledger."
				: "  No readable upload from: " + String.join("、", missing));
	}

	/** Registered townships without a loaded (or duplicate) upload that night. */
	List<String> missingUploads(LocalDate date) {
		return this.jdbc.queryForList("""
				SELECT township_name FROM region_township t WHERE NOT EXISTS (SELECT 1 FROM upload_file f
				  WHERE f.township_code = t.township_code AND f.inbox_date = ? AND f.status IN ('LOADED', 'DUPLICATE'))
				ORDER BY sort_order""", String.class, date);
	}

	private static String counts(Object read, Object accepted, Object rejected, Object blank, Object warned) {
		if (read == null) {
			return "";
		}
		return "rows " + read + " = accepted " + (accepted == null ? "?" : accepted) + " + rejected "
				+ (rejected == null ? "?" : rejected) + " + blank " + blank
				+ (warned == null ? "" : ", warnings " + warned);
	}

	private static String time(LocalDateTime time) {
		return time == null ? "-" : TIME.format(time);
	}

	private static String duration(LocalDateTime start, LocalDateTime end) {
		if (start == null) {
			return "-";
		}
		Duration duration = Duration.between(start, end == null ? LocalDateTime.now() : end);
		return String.format("%.1fs", duration.toMillis() / 1000.0);
	}

}
