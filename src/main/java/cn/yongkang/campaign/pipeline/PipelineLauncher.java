package cn.yongkang.campaign.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.support.RunParameters;

/**
 * Starts, restarts and reruns the nightly job: the one way in for the command line and
 * the scheduler, so both pass the same parameters and the same guard (a date never runs
 * twice at once).
 */
@Component
public class PipelineLauncher {

	private static final Logger log = LoggerFactory.getLogger(PipelineLauncher.class);

	private final JobOperator jobOperator;

	private final Job nightlyJob;

	private final NightlyRuns runs;

	private final RunLock lock;

	public PipelineLauncher(JobOperator jobOperator, Job nightlyJob, NightlyRuns runs, RunLock lock) {
		this.jobOperator = jobOperator;
		this.nightlyJob = nightlyJob;
		this.runs = runs;
		this.lock = lock;
	}

	/**
	 * The stages in the order they run, as {@code --from-step} and the benchmark name
	 * them.
	 */
	public static List<String> stages() {
		return NightlyJobConfiguration.STAGES;
	}

	/**
	 * What a request led to: the execution that ran, or the earlier one that had already
	 * done the date.
	 */
	public record Outcome(JobExecution execution, boolean alreadyDone) {

		public boolean succeeded() {
			return this.execution.getStatus() == BatchStatus.COMPLETED;
		}

	}

	/** Where a night's inputs and outputs are. */
	public record Folders(Path inbox, Path jobs, Path reports) {
	}

	/**
	 * Runs the nightly job for a date. A date already done is left unchanged; a failed
	 * one goes on from its failed step; after an abandoned execution a new attempt starts
	 * from the beginning.
	 */
	public Outcome run(String campaignId, LocalDate date, Folders folders) {
		return run(campaignId, date, folders, null);
	}

	/**
	 * Like {@link #run(String, LocalDate, Folders)}, but stops after the given stage
	 * (null: after the last); the benchmark runs ingest and validate only.
	 */
	public Outcome run(String campaignId, LocalDate date, Folders folders, String toStep) {
		if (toStep != null) {
			checkStage(toStep);
		}
		try (RunLock.Held held = acquire(campaignId, date)) {
			Optional<JobExecution> done = this.runs.completed(campaignId, date);
			if (done.isPresent()) {
				return new Outcome(done.get(), true);
			}
			List<JobExecution> previous = this.runs.forDate(campaignId, date);
			if (!previous.isEmpty()) {
				JobExecution latest = recoverIfDead(previous.get(0));
				if (latest.getStatus() == BatchStatus.FAILED || latest.getStatus() == BatchStatus.STOPPED) {
					log.info("Date {} ended {} in execution {}: continuing it from its failed step", date,
							latest.getStatus(), latest.getId());
					return new Outcome(restart(latest), false);
				}
			}
			JobParameters parameters = parameters(campaignId, date, folders,
					this.runs.lastAttempt(campaignId, date) + 1, null, toStep);
			return new Outcome(start(parameters), false);
		}
	}

	/**
	 * Recomputes a finished date from the given stage on; the result replaces its
	 * snapshot.
	 */
	public Outcome rerun(String campaignId, LocalDate date, String fromStep, Folders folders) {
		checkStage(fromStep);
		try (RunLock.Held held = acquire(campaignId, date)) {
			JobExecution done = this.runs.completed(campaignId, date)
				.orElseThrow(() -> new LaunchException("date " + date + " of campaign " + campaignId
						+ " has not finished yet; use 'run' (or 'restart' for a failed execution) first"));
			Path inbox = Path.of(done.getJobParameters().getString(RunParameters.INBOX));
			Folders rerunFolders = new Folders(inbox, folders.jobs(), folders.reports());
			JobParameters parameters = parameters(campaignId, date, rerunFolders,
					this.runs.lastAttempt(campaignId, date) + 1, fromStep, null);
			return new Outcome(start(parameters), false);
		}
	}

	/**
	 * Continues a failed execution from its failed step; one left STARTED by a dead
	 * process is recovered first.
	 */
	public Outcome restart(long executionId) {
		return withRecovered(executionId, (execution) -> {
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				return new Outcome(execution, true);
			}
			Optional<JobExecution> done = this.runs.doneSince(execution);
			if (done.isPresent()) {
				// A later attempt has done the date since (a failed rerun has not).
				return new Outcome(done.get(), true);
			}
			if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
				throw new LaunchException("execution " + executionId + " is " + execution.getStatus()
						+ " and cannot be restarted; only FAILED or STOPPED executions can");
			}
			return new Outcome(restart(execution), false);
		});
	}

	/**
	 * Marks an execution ABANDONED (recovering it first when its process died), so its
	 * date can run afresh.
	 */
	public JobExecution abandon(long executionId) {
		return withRecovered(executionId, (execution) -> {
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				throw new LaunchException("execution " + executionId + " completed; use 'rerun --date "
						+ RunParameters.of(execution).date() + "' to recompute its date");
			}
			try {
				return this.jobOperator.abandon(execution);
			}
			catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException ex) {
				throw new LaunchException("execution " + executionId + " is still running: " + ex.getMessage());
			}
		});
	}

	/**
	 * Runs an action on an execution while holding its date's lock, after recovering the
	 * execution if its process died.
	 */
	private <T> T withRecovered(long executionId, Function<JobExecution, T> action) {
		JobExecution execution = this.runs.find(executionId)
			.orElseThrow(() -> new LaunchException("no execution " + executionId + "; 'status' lists them"));
		RunParameters run = RunParameters.of(execution);
		try (RunLock.Held held = acquire(run.campaignId(), run.date())) {
			return action.apply(recoverIfDead(execution));
		}
	}

	/**
	 * We hold the date's lock, so an execution still marked running has no process left:
	 * mark it FAILED. So is one that ended UNKNOWN, or FAILED with a step still marked
	 * running (its process lost the database while saving the step), which Spring Batch
	 * will not restart: every stage commits each unit of work with its own progress mark,
	 * so doing the step again is safe.
	 */
	private JobExecution recoverIfDead(JobExecution execution) {
		boolean unsaved = execution.getStatus() == BatchStatus.UNKNOWN || execution.getStepExecutions()
			.stream()
			.anyMatch((step) -> step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN);
		if (!execution.getStatus().isRunning() && !unsaved) {
			return execution;
		}
		log.warn("Execution {} was left {} by a process that died or lost the database; marking it FAILED",
				execution.getId(), execution.getStatus());
		// JobOperator.recover fails whatever is still marked running, but leaves UNKNOWN
		// alone: count UNKNOWN as running here.
		if (execution.getStatus() == BatchStatus.UNKNOWN) {
			execution.setStatus(BatchStatus.STARTED);
		}
		execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStatus() == BatchStatus.UNKNOWN)
			.forEach((step) -> step.setStatus(BatchStatus.STARTED));
		return this.jobOperator.recover(execution);
	}

	private JobExecution start(JobParameters parameters) {
		try {
			return this.jobOperator.start(this.nightlyJob, parameters);
		}
		catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException
				| org.springframework.batch.core.launch.JobRestartException
				| org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException
				| org.springframework.batch.core.job.parameters.InvalidJobParametersException ex) {
			throw new LaunchException("cannot start the nightly job: " + ex.getMessage());
		}
	}

	private JobExecution restart(JobExecution execution) {
		try {
			return this.jobOperator.restart(execution);
		}
		catch (org.springframework.batch.core.launch.JobRestartException ex) {
			throw new LaunchException("cannot restart execution " + execution.getId() + ": " + ex.getMessage());
		}
	}

	private static void checkStage(String step) {
		if (!NightlyJobConfiguration.STAGES.contains(step)) {
			throw new LaunchException("unknown step '" + step + "'; steps are " + NightlyJobConfiguration.STAGES);
		}
	}

	private RunLock.Held acquire(String campaignId, LocalDate date) {
		return this.lock.tryLock(campaignId, date)
			.orElseThrow(() -> new LaunchException("another process is running " + date + " right now (for campaign "
					+ campaignId + " or another campaign of that date); wait for it to finish ('status --date " + date
					+ "')"));
	}

	private static JobParameters parameters(String campaignId, LocalDate date, Folders folders, long attempt,
			String fromStep, String toStep) {
		JobParametersBuilder builder = new JobParametersBuilder().addLocalDate(RunParameters.DATE, date, true)
			.addString(RunParameters.CAMPAIGN, campaignId, true)
			.addLong(RunParameters.ATTEMPT, attempt, true)
			.addString(RunParameters.INBOX, folders.inbox().toAbsolutePath().normalize().toString(), false)
			.addString(RunParameters.JOBS, folders.jobs().toAbsolutePath().normalize().toString(), false)
			.addString(RunParameters.REPORTS, folders.reports().toAbsolutePath().normalize().toString(), false);
		if (fromStep != null) {
			builder.addString(RunParameters.FROM_STEP, fromStep, false);
		}
		if (toStep != null) {
			builder.addString(RunParameters.TO_STEP, toStep, false);
		}
		return builder.toJobParameters();
	}

}
