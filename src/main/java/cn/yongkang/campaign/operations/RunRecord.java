package cn.yongkang.campaign.operations;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import cn.yongkang.campaign.support.RunParameters;

/**
 * One execution of the nightly job, with what an operator needs to judge it.
 *
 * @param attempt the attempt number of its date (a new one after an abandoned run, for a
 * rerun)
 * @param fromStep the stage a rerun started at, null for a whole run
 * @param failedStep the step that failed, stopped or still runs, null when none
 * @param reason the one-line failure reason, null unless failed, stopped, unknown or left
 * running
 * @param doneSinceBy the later execution that did the date since, null when none did
 * @param runningHere this process runs it now (so the console can stop it)
 * @param parameters its job parameters by name
 */
public record RunRecord(long id, LocalDate date, String campaignId, Long attempt, String fromStep, String status,
		LocalDateTime started, LocalDateTime ended, List<StepRecord> steps, String failedStep, String reason,
		Long doneSinceBy, boolean runningHere, Map<String, String> parameters) {

	static RunRecord of(JobExecution execution, Long doneSinceBy, boolean runningHere) {
		RunParameters run = RunParameters.of(execution);
		BatchStatus status = execution.getStatus();
		boolean troubled = status == BatchStatus.FAILED || status == BatchStatus.STOPPED
				|| status == BatchStatus.UNKNOWN || status.isRunning();
		Map<String, String> parameters = new LinkedHashMap<>();
		execution.getJobParameters()
			.parameters()
			.forEach((parameter) -> parameters.put(parameter.name(), String.valueOf(parameter.value())));
		return new RunRecord(execution.getId(), run.date(), run.campaignId(),
				execution.getJobParameters().getLong(RunParameters.ATTEMPT), run.fromStep(), status.toString(),
				execution.getStartTime(), execution.getEndTime(),
				execution.getStepExecutions()
					.stream()
					.sorted(Comparator.comparing((step) -> step.getId()))
					.map(StepRecord::of)
					.toList(),
				Failures.failedStep(execution).map((step) -> step.getStepName()).orElse(null),
				troubled && !status.isRunning() ? Failures.reason(execution) : null, doneSinceBy, runningHere,
				parameters);
	}

	/**
	 * The same record without the failure reason, whose text may quote a file path or a
	 * database error: for those who are not operators.
	 */
	public RunRecord withoutReason() {
		return new RunRecord(this.id, this.date, this.campaignId, this.attempt, this.fromStep, this.status,
				this.started, this.ended, this.steps, this.failedStep, null, this.doneSinceBy, this.runningHere,
				this.parameters);
	}

	public boolean completed() {
		return "COMPLETED".equals(this.status);
	}

	public boolean failed() {
		return "FAILED".equals(this.status) || "UNKNOWN".equals(this.status);
	}

	public boolean stopped() {
		return "STOPPED".equals(this.status);
	}

	/** Marked running in the repository (by this or another process, or a dead one). */
	public boolean markedRunning() {
		return "STARTING".equals(this.status) || "STARTED".equals(this.status) || "STOPPING".equals(this.status);
	}

	/** Marked running but no process of ours runs it: a dead process, or another one. */
	public boolean stuck() {
		return markedRunning() && !this.runningHere;
	}

	/** What an operator can still do about it: restart or abandon. */
	public boolean restartable() {
		return this.doneSinceBy == null && (failed() || stopped() || stuck());
	}

	/** Where the run writes its reports: {@code reports/<campaign>/<date>/}. */
	public java.nio.file.Path reportFolder() {
		return java.nio.file.Path.of(this.parameters.get(RunParameters.REPORTS))
			.resolve(this.campaignId)
			.resolve(this.date.toString());
	}

	public Duration duration() {
		return between(this.started, this.ended);
	}

	/** The step in hand while it runs. */
	public String currentStep() {
		return this.steps.stream()
			.filter((step) -> step.ended() == null)
			.map(StepRecord::name)
			.reduce((first, second) -> second)
			.orElse(null);
	}

	/** Rows read so far by its steps, for progress. */
	public long rowsRead() {
		return this.steps.stream().mapToLong(StepRecord::readCount).sum();
	}

	static Duration between(LocalDateTime start, LocalDateTime end) {
		if (start == null) {
			return null;
		}
		return Duration.between(start, end == null ? LocalDateTime.now() : end);
	}

}
