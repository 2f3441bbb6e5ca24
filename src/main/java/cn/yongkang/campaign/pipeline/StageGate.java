package cn.yongkang.campaign.pipeline;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import cn.yongkang.campaign.support.RunParameters;

/**
 * Lets a rerun start at a later stage: a stage before the run's {@code fromStep}
 * completes at once with exit code NOOP, so {@code status} shows it as skipped rather
 * than done again.
 */
final class StageGate implements Tasklet {

	private final String stage;

	private final Tasklet tasklet;

	StageGate(String stage, Tasklet tasklet) {
		this.stage = stage;
		this.tasklet = tasklet;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		String fromStep = contribution.getStepExecution().getJobParameters().getString(RunParameters.FROM_STEP);
		if (fromStep != null && NightlyJobConfiguration.STAGES.indexOf(this.stage) < NightlyJobConfiguration.STAGES
			.indexOf(fromStep)) {
			contribution.setExitStatus(ExitStatus.NOOP.addExitDescription("skipped: rerun from " + fromStep));
			return RepeatStatus.FINISHED;
		}
		return this.tasklet.execute(contribution, chunkContext);
	}

}
