package cn.yongkang.campaign.pipeline;

import java.time.Duration;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One log line per step (items, skips, duration) and, after each run, the Micrometer
 * timers Spring Batch keeps for jobs and steps ({@code spring.batch.job},
 * {@code spring.batch.step}), which a scheduler daemon accumulates night after night.
 */
@Component
class RunObserver implements StepExecutionListener, JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunObserver.class);

	private final ObjectProvider<MeterRegistry> meters;

	/** The registry is there in the daemons; a one-off command has none. */
	RunObserver(ObjectProvider<MeterRegistry> meters) {
		this.meters = meters;
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		log.info("Step {} {}{}: read {}, written {}, filtered {}, skipped {}, {}", step.getStepName(), step.getStatus(),
				"NOOP".equals(step.getExitStatus().getExitCode())
						? " (" + step.getExitStatus().getExitDescription() + ")" : "",
				step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getSkipCount(),
				seconds(step.getStartTime(),
						step.getEndTime() != null ? step.getEndTime() : java.time.LocalDateTime.now()));
		return null;
	}

	@Override
	public void afterJob(JobExecution execution) {
		MeterRegistry meters = this.meters.getIfAvailable();
		if (meters == null) {
			return;
		}
		String steps = meters.find("spring.batch.step")
			.timers()
			.stream()
			.map((timer) -> timer.getId().getTag("spring.batch.step.name") + " " + timer.count() + "x "
					+ String.format("%.1fs", timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000))
			.sorted()
			.collect(Collectors.joining(", "));
		Timer jobs = meters.find("spring.batch.job").timer();
		log.info("Metrics: spring.batch.job {} run(s) in this process; spring.batch.step {}",
				jobs == null ? 0 : jobs.count(), steps.isEmpty() ? "-" : steps);
	}

	private static String seconds(java.time.LocalDateTime start, java.time.LocalDateTime end) {
		return start == null ? "-" : String.format("%.1fs", Duration.between(start, end).toMillis() / 1000.0);
	}

}
