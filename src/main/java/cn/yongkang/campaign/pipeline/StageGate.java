package cn.yongkang.campaign.pipeline;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import cn.yongkang.campaign.support.RerunReset;
import cn.yongkang.campaign.support.RunParameters;

/**
 * Lets a rerun start at a later stage and a benchmark stop early: a stage before the
 * run's {@code fromStep} or after its {@code toStep} completes at once with exit code
 * NOOP, so {@code status} shows it as skipped rather than done. The stage a rerun starts
 * at first undoes its earlier work for the date, if it has any ({@link RerunReset}). When
 * the process shuts down, no stage starts another unit of work
 * ({@link RunningExecutions}).
 */
final class StageGate implements Tasklet {

	/** Marks the step's context once the rerun's reset is done, so a restart skips it. */
	private static final String RERUN_RESET = "rerun.reset";

	private final String stage;

	private final Tasklet tasklet;

	private final RunningExecutions running;

	StageGate(String stage, Tasklet tasklet, RunningExecutions running) {
		this.stage = stage;
		this.tasklet = tasklet;
		this.running = running;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		if (this.running.stopRequested(contribution.getStepExecution().getJobExecutionId())) {
			// The step ends STOPPED at its next interruption check, from its own thread.
			contribution.getStepExecution().setTerminateOnly();
			return RepeatStatus.CONTINUABLE;
		}
		JobParameters parameters = contribution.getStepExecution().getJobParameters();
		String fromStep = parameters.getString(RunParameters.FROM_STEP);
		String toStep = parameters.getString(RunParameters.TO_STEP);
		int position = NightlyJobConfiguration.STAGES.indexOf(this.stage);
		if (fromStep != null && position < NightlyJobConfiguration.STAGES.indexOf(fromStep)) {
			return skip(contribution, "rerun from " + fromStep);
		}
		if (toStep != null && position > NightlyJobConfiguration.STAGES.indexOf(toStep)) {
			return skip(contribution, "run stops after " + toStep);
		}
		ExecutionContext context = contribution.getStepExecution().getExecutionContext();
		if (this.stage.equals(fromStep) && this.tasklet instanceof RerunReset reset
				&& !context.containsKey(RERUN_RESET)) {
			reset.resetForRerun(RunParameters.of(contribution.getStepExecution()));
			context.put(RERUN_RESET, true);
		}
		return this.tasklet.execute(contribution, chunkContext);
	}

	private static RepeatStatus skip(StepContribution contribution, String why) {
		contribution.setExitStatus(ExitStatus.NOOP.addExitDescription("skipped: " + why));
		return RepeatStatus.FINISHED;
	}

}
