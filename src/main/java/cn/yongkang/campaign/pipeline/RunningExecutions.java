package cn.yongkang.campaign.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The executions this process is running, so that a SIGTERM can stop them cleanly: the
 * step in hand finishes its current file, the execution ends STOPPED, and {@code restart}
 * continues it. The stop is a flag that each stage reads between files
 * ({@link StageGate}) rather than {@code JobOperator.stop}, whose update of the step from
 * another thread races with the step's own and can end the execution FAILED on a version
 * conflict.
 */
@Component
public class RunningExecutions implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunningExecutions.class);

	private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();

	private final Set<Long> stopping = ConcurrentHashMap.newKeySet();

	/**
	 * Told of the execution a launch on this thread creates (the console's async start).
	 */
	private final ThreadLocal<Consumer<JobExecution>> startWatcher = new ThreadLocal<>();

	private volatile boolean stopRequested;

	@Override
	public void beforeJob(JobExecution execution) {
		this.running.put(execution.getId(), execution);
		Consumer<JobExecution> watcher = this.startWatcher.get();
		if (watcher != null) {
			watcher.accept(execution);
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.running.remove(execution.getId());
		this.stopping.remove(execution.getId());
	}

	/**
	 * True once the process is shutting down or this execution was asked to stop: no
	 * stage starts another unit of work.
	 */
	boolean stopRequested(long executionId) {
		return this.stopRequested || this.stopping.contains(executionId);
	}

	/** Whether this process runs the execution now. */
	public boolean isRunningHere(long executionId) {
		return this.running.containsKey(executionId);
	}

	/**
	 * Asks one execution of this process to stop after the unit of work in hand; false
	 * when this process does not run it.
	 */
	public boolean stop(long executionId) {
		if (!this.running.containsKey(executionId)) {
			return false;
		}
		log.warn("Stop requested: stopping execution {} after the file in hand", executionId);
		this.stopping.add(executionId);
		return true;
	}

	/**
	 * Runs a launch and tells {@code onStart} of the execution it creates, as soon as it
	 * exists (the job runs on the launching thread).
	 */
	public <T> T watchingStart(Consumer<JobExecution> onStart, Supplier<T> launch) {
		this.startWatcher.set(onStart);
		try {
			return launch.get();
		}
		finally {
			this.startWatcher.remove();
		}
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
