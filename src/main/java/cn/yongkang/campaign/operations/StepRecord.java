package cn.yongkang.campaign.operations;

import java.time.Duration;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.batch.core.step.StepExecution;

/**
 * One step of an execution as operators read it.
 *
 * @param skipped the step did nothing by design (a rerun's earlier stages)
 * @param trace the stack trace the repository kept for a failed step: for the operators'
 * pages only, never in JSON
 */
public record StepRecord(String name, String status, boolean skipped, long readCount, long writeCount, long filterCount,
		long skipCount, LocalDateTime started, LocalDateTime ended, String trace) {

	static StepRecord of(StepExecution step) {
		String description = step.getExitStatus().getExitDescription();
		boolean failed = !step.getExitStatus().getExitCode().equals("COMPLETED")
				&& !step.getExitStatus().getExitCode().equals("NOOP");
		return new StepRecord(step.getStepName(), step.getStatus().toString(),
				"NOOP".equals(step.getExitStatus().getExitCode()), step.getReadCount(), step.getWriteCount(),
				step.getFilterCount(), step.getSkipCount(), step.getStartTime(), step.getEndTime(),
				failed && description != null && !description.isBlank() ? description : null);
	}

	/** Until now while the step runs; null before it started. */
	public Duration duration() {
		return RunRecord.between(this.started, this.ended);
	}

}
