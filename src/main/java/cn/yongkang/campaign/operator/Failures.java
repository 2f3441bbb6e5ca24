package cn.yongkang.campaign.operator;

import java.util.Comparator;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Turns exceptions and failed executions into the one line an operator reads. */
final class Failures {

	private Failures() {
	}

	/** The deepest cause's message, which is where our own messages live. */
	static String oneLine(Throwable error) {
		Throwable cause = error;
		String message = error.getMessage();
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		if (message == null) {
			message = cause.getClass().getSimpleName();
		}
		return firstLine(message);
	}

	static Optional<StepExecution> failedStep(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((s) -> s.getStatus() == BatchStatus.FAILED || s.getStatus() == BatchStatus.STOPPED
					|| s.getStatus().isRunning())
			.max(Comparator.comparing(StepExecution::getId));
	}

	/**
	 * Why an execution failed: its failed step's exception, or what the repository
	 * recorded.
	 */
	static String reason(JobExecution execution) {
		Optional<StepExecution> step = failedStep(execution);
		if (step.isPresent()) {
			if (!step.get().getFailureExceptions().isEmpty()) {
				return oneLine(step.get().getFailureExceptions().get(0));
			}
			String description = step.get().getExitStatus().getExitDescription();
			if (description != null && !description.isBlank()) {
				return exceptionLine(description);
			}
		}
		if (!execution.getAllFailureExceptions().isEmpty()) {
			return oneLine(execution.getAllFailureExceptions().get(0));
		}
		String description = execution.getExitStatus().getExitDescription();
		return description == null || description.isBlank() ? execution.getStatus().toString()
				: exceptionLine(description);
	}

	/** A stored stack trace: the last "Caused by" line says most. */
	private static String exceptionLine(String stackTrace) {
		String line = firstLine(stackTrace);
		for (String candidate : stackTrace.lines().toList()) {
			if (candidate.startsWith("Caused by: ")) {
				line = candidate.substring("Caused by: ".length());
			}
		}
		int colon = line.indexOf(": ");
		return colon > 0 && line.substring(0, colon).matches("[\\w.$]+") ? line.substring(colon + 2) : line;
	}

	private static String firstLine(String text) {
		return text.lines().findFirst().orElse(text).strip();
	}

}
