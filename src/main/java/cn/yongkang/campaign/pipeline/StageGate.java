package cn.yongkang.campaign.pipeline;

import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yongkang.campaign.support.RerunReset;
import cn.yongkang.campaign.support.RunParameters;

/**
 * Wraps a stage's step (a plain one, a partitioned one, or a partition's worker) to let a
 * rerun start at a later stage and a benchmark stop early: a stage before the run's
 * {@code fromStep} or after its {@code toStep} completes at once with exit code NOOP, so
 * {@code status} shows it as skipped rather than done. The stage a rerun starts at first
 * undoes its earlier work for the date, if it has any ({@link RerunReset}), before its
 * step splits the work. When the process shuts down, no step starts
 * ({@link RunningExecutions}): it ends STOPPED, and a restart runs it.
 */
final class StageGate implements Step {

	/** Marks the step's context once the rerun's reset is done, so a restart skips it. */
	private static final String RERUN_RESET = "rerun.reset";

	private final String stage;

	private final Step step;

	private final RerunReset reset;

	private final RunningExecutions running;

	private final JobRepository repository;

	private final TransactionTemplate transaction;

	/**
	 * @param reset what a rerun from this stage undoes first, null when nothing
	 */
	StageGate(String stage, Step step, RerunReset reset, RunningExecutions running, JobRepository repository,
			PlatformTransactionManager transactionManager) {
		this.stage = stage;
		this.step = step;
		this.reset = reset;
		this.running = running;
		this.repository = repository;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Override
	public String getName() {
		return this.step.getName();
	}

	@Override
	public boolean isAllowStartIfComplete() {
		return this.step.isAllowStartIfComplete();
	}

	@Override
	public int getStartLimit() {
		return this.step.getStartLimit();
	}

	@Override
	public void execute(StepExecution execution) throws JobInterruptedException {
		if (this.running.stopRequested(execution.getJobExecutionId())) {
			end(execution, BatchStatus.STOPPED,
					ExitStatus.STOPPED.addExitDescription("stopped: the process is shutting down"));
			return;
		}
		JobParameters parameters = execution.getJobParameters();
		String fromStep = parameters.getString(RunParameters.FROM_STEP);
		String toStep = parameters.getString(RunParameters.TO_STEP);
		int position = NightlyJobConfiguration.STAGES.indexOf(this.stage);
		if (fromStep != null && position < NightlyJobConfiguration.STAGES.indexOf(fromStep)) {
			end(execution, BatchStatus.COMPLETED,
					ExitStatus.NOOP.addExitDescription("skipped: rerun from " + fromStep));
			return;
		}
		if (toStep != null && position > NightlyJobConfiguration.STAGES.indexOf(toStep)) {
			end(execution, BatchStatus.COMPLETED,
					ExitStatus.NOOP.addExitDescription("skipped: run stops after " + toStep));
			return;
		}
		ExecutionContext context = execution.getExecutionContext();
		if (this.stage.equals(fromStep) && this.reset != null && !context.containsKey(RERUN_RESET)) {
			// Doing it again after a crash right here is harmless: it only starts the
			// stage
			// over.
			this.transaction.executeWithoutResult((status) -> this.reset.resetForRerun(RunParameters.of(execution)));
			context.put(RERUN_RESET, true);
			this.repository.updateExecutionContext(execution);
		}
		this.step.execute(execution);
	}

	private void end(StepExecution execution, BatchStatus status, ExitStatus exitStatus) {
		LocalDateTime now = LocalDateTime.now();
		execution.setStartTime(now);
		execution.setStatus(status);
		execution.setExitStatus(exitStatus);
		execution.setEndTime(now);
		this.repository.update(execution);
	}

}
