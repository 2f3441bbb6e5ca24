package cn.yongkang.campaign.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * The executions this process is running, so that a SIGTERM can stop them cleanly: the
 * step in hand finishes its current file, the execution ends STOPPED, and {@code restart}
 * continues it. The stop is a flag that each stage reads between files
 * ({@link StageGate}, {@link #stoppable}) rather than {@code JobOperator.stop}, whose
 * update of the step from another thread races with the step's own and can end the
 * execution FAILED on a version conflict.
 */
@Component
public class RunningExecutions implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunningExecutions.class);

	private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();

	private volatile boolean stopRequested;

	@Override
	public void beforeJob(JobExecution execution) {
		this.running.put(execution.getId(), execution);
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.running.remove(execution.getId());
	}

	/** True once the process is shutting down: no stage starts another unit of work. */
	boolean stopRequested() {
		return this.stopRequested;
	}

	/**
	 * A tasklet that, once the process is shutting down, does no further unit of work:
	 * its step ends STOPPED at its next interruption check, from its own thread.
	 */
	Tasklet stoppable(Tasklet tasklet) {
		return (contribution, chunkContext) -> {
			if (this.stopRequested) {
				contribution.getStepExecution().setTerminateOnly();
				return RepeatStatus.CONTINUABLE;
			}
			return tasklet.execute(contribution, chunkContext);
		};
	}

	/**
	 * Asks every running execution to stop, and waits for them to end (at most the
	 * timeout).
	 */
	public void stopAll(Duration timeout) {
		this.stopRequested = true;
		for (JobExecution execution : this.running.values()) {
			log.warn("Shutting down: stopping execution {} after the file in hand", execution.getId());
		}
		Instant deadline = Instant.now().plus(timeout);
		while (!this.running.isEmpty() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
