package cn.yongkang.campaign.operations;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.pipeline.LaunchException;
import cn.yongkang.campaign.pipeline.RunningExecutions;

/**
 * Runs a launch on a thread of its own, so that a console request returns as soon as the
 * execution exists and the run goes on when the browser is closed. A refusal (the date's
 * lock is held, nothing to restart) still reaches the requester.
 */
@Component
class BackgroundLaunches {

	private static final Logger log = LoggerFactory.getLogger(BackgroundLaunches.class);

	private static final Duration WAIT_FOR_START = Duration.ofSeconds(10);

	private final RunningExecutions running;

	private final AtomicInteger threads = new AtomicInteger();

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "console-run-" + this.threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	BackgroundLaunches(RunningExecutions running) {
		this.running = running;
	}

	Submission submit(String what, Supplier<RunOutcome> launch) {
		CompletableFuture<Long> started = new CompletableFuture<>();
		CompletableFuture<RunOutcome> finished = new CompletableFuture<>();
		this.executor.execute(() -> {
			try {
				RunOutcome outcome = this.running.watchingStart((execution) -> started.complete(execution.getId()),
						launch);
				log.info("{}: execution {} ended {}", what, outcome.run().id(), outcome.run().status());
				finished.complete(outcome);
			}
			catch (RuntimeException ex) {
				log.warn("{} did not run: {}", what, Failures.oneLine(ex));
				finished.completeExceptionally(ex);
			}
		});
		try {
			Object first = CompletableFuture.anyOf(started, finished)
				.get(WAIT_FOR_START.toMillis(), TimeUnit.MILLISECONDS);
			if (first instanceof Long id) {
				return new Submission(id, null);
			}
			return new Submission(null, (RunOutcome) first);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new LaunchException(what + " failed: " + ex.getCause());
		}
		catch (TimeoutException ex) {
			return new Submission(null, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Submission(null, null);
		}
	}

}
