package cn.yongkang.campaign.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The executions this process is running, so that a SIGTERM can stop them cleanly: the
 * step in hand finishes its current file, the execution ends STOPPED, and {@code restart}
 * continues it.
 */
@Component
public class RunningExecutions implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunningExecutions.class);

	private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();

	private final JobOperator jobOperator;

	public RunningExecutions(@Lazy JobOperator jobOperator) {
		this.jobOperator = jobOperator;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.running.put(execution.getId(), execution);
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.running.remove(execution.getId());
	}

	/**
	 * Asks every running execution to stop, and waits for them to end (at most the
	 * timeout).
	 */
	public void stopAll(Duration timeout) {
		for (JobExecution execution : this.running.values()) {
			log.warn("Shutting down: stopping execution {} after the file in hand", execution.getId());
			try {
				this.jobOperator.stop(execution);
			}
			catch (JobExecutionNotRunningException | RuntimeException ex) {
				log.debug("Execution {} was not running any more", execution.getId(), ex);
			}
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
