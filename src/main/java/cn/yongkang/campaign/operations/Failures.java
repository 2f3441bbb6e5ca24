package cn.yongkang.campaign.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import cn.yongkang.campaign.support.Fold;

/** Turns exceptions and failed executions into the one line an operator reads. */
public final class Failures {

	private static final String DATABASE = "the database is unreachable or the connection to it was lost";

	private static final String DATABASE_ADVICE = "; check that the database server runs and SPRING_DATASOURCE_URL points at it";

	private Failures() {
	}

	/**
	 * A refused or lost connection, however the driver and the pool word it: SQL state
	 * class 08, a terminated backend (57P01), Hikari's closed connection, a socket error.
	 */
	private static boolean isConnectionProblem(Throwable error) {
		if (error instanceof java.net.ConnectException || error instanceof java.net.UnknownHostException
				|| error instanceof java.sql.SQLTransientConnectionException
				|| error instanceof java.sql.SQLNonTransientConnectionException) {
			return true;
		}
		if (error instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
			// 08: connection; 57P01: terminated; 3D000: no such database; 28: refused
			// login.
			return sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
					|| sql.getSQLState().equals("3D000") || sql.getSQLState().startsWith("28");
		}
		if (error instanceof org.springframework.dao.OptimisticLockingFailureException
				&& String.valueOf(error.getMessage()).startsWith("Attempt to update step execution")) {
			// The step's state could not be saved: it was saved by a connection that
			// died.
			return true;
		}
		return error instanceof java.sql.SQLException && "Connection is closed".equals(error.getMessage());
	}

	/**
	 * Our own message, which lives in the outermost exception that is not a framework
	 * wrapper, followed by the root cause when that is another exception ("cannot write
	 * the report to ... (FileSystemException: ...)").
	 */
	public static String oneLine(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (isConnectionProblem(cause)) {
				return DATABASE + " (" + cause.getClass().getSimpleName() + ": "
						+ firstLine(String.valueOf(cause.getMessage())) + ")" + DATABASE_ADVICE;
			}
		}
		Throwable primary = null;
		Throwable root = error;
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			root = cause;
			if (primary == null && cause.getMessage() != null
					&& !cause.getClass().getName().startsWith("org.springframework.")) {
				primary = cause;
			}
		}
		if (primary == null) {
			primary = root;
		}
		String message = primary.getMessage() == null ? primary.getClass().getSimpleName() : primary.getMessage();
		if (root != primary && root.getMessage() != null) {
			message = firstLine(message) + " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage())
					+ ")";
		}
		return firstLine(message);
	}

	public static Optional<StepExecution> failedStep(JobExecution execution) {
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
	public static String reason(JobExecution execution) {
		// An exception's message may quote a whole batch of uploaded values: one short,
		// printable line.
		String reason = Fold.printable(fullReason(execution));
		return (reason.length() > 600) ? reason.substring(0, 600) + "…" : reason;
	}

	private static String fullReason(JobExecution execution) {
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
		if (description != null && !description.isBlank()) {
			return exceptionLine(description);
		}
		return execution.getStatus() == BatchStatus.UNKNOWN
				? "its last state could not be saved, mostly because the database connection was lost"
				: execution.getStatus().toString();
	}

	/**
	 * A stack trace as the repository stores it: the same choice as {@link #oneLine}
	 * among the first line and its "Caused by" lines.
	 */
	private static String exceptionLine(String stackTrace) {
		// The repository keeps the start of the stack trace only, so the first lines
		// decide.
		if (stackTrace.contains("java.net.ConnectException") || stackTrace.contains("SQLTransientConnectionException")
				|| stackTrace.contains("Connection is closed") || stackTrace.contains("terminating connection")
				|| stackTrace.contains("This connection has been closed")
				|| stackTrace.contains("An I/O error occurred while sending to the backend")
				|| stackTrace.contains("JDBC rollback failed") || stackTrace.contains("JDBC commit failed")
				|| stackTrace.contains("Could not open JDBC Connection")) {
			return DATABASE + DATABASE_ADVICE;
		}
		List<String> chain = new ArrayList<>();
		chain.add(firstLine(stackTrace));
		stackTrace.lines()
			.filter((line) -> line.startsWith("Caused by: "))
			.forEach((line) -> chain.add(line.substring("Caused by: ".length())));
		String primary = chain.stream()
			.filter((line) -> !line.startsWith("org.springframework.") && line.contains(": "))
			.findFirst()
			.orElse(chain.get(chain.size() - 1));
		String root = chain.get(chain.size() - 1);
		String message = withoutClass(primary);
		return root.equals(primary) ? message : message + " (" + simpleName(root) + ": " + withoutClass(root) + ")";
	}

	private static String withoutClass(String line) {
		int colon = line.indexOf(": ");
		return colon > 0 && line.substring(0, colon).matches("[\\w.$]+") ? line.substring(colon + 2) : line;
	}

	private static String simpleName(String line) {
		int colon = line.indexOf(": ");
		String name = colon > 0 ? line.substring(0, colon) : line;
		return name.substring(name.lastIndexOf('.') + 1);
	}

	private static String firstLine(String text) {
		return text.lines().findFirst().orElse(text).strip();
	}

}
