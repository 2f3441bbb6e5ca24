package cn.yongkang.campaign.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged application, {@code java -jar target/campaign-pipeline.jar}, as a
 * child process in a working folder, the way operators and the scheduler do.
 */
public final class CampaignJar {

	private static final Path JAR = Path.of(System.getProperty("campaign.jar", "target/campaign-pipeline.jar"))
		.toAbsolutePath();

	private final Path workDirectory;

	private final Map<String, String> environment;

	private final String heap;

	public CampaignJar(Path workDirectory, Map<String, String> environment) {
		this(workDirectory, environment, "512m");
	}

	/**
	 * @param heap the child's {@code -Xmx}
	 */
	public CampaignJar(Path workDirectory, Map<String, String> environment, String heap) {
		this.workDirectory = workDirectory;
		this.environment = environment;
		this.heap = heap;
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing: integration tests run after 'package' (./mvnw verify)");
		}
	}

	/** What a finished command printed and returned. */
	public record Result(int exitCode, String stdout, String stderr) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.stdout + "\n--- stderr\n" + this.stderr;
		}

	}

	public Result run(String... args) {
		return runWithInput(null, args);
	}

	/** Runs a command with the given text on its stdin (a password for 'user add'). */
	public Result runWithInput(String input, String... args) {
		try {
			Process process = start(input, args);
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("command did not finish in 5 minutes: " + List.of(args));
			}
			return new Result(process.exitValue(), read(this.workDirectory.resolve(".stdout")),
					read(this.workDirectory.resolve(".stderr")));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts a command without waiting; its output goes to .stdout and .stderr in the
	 * work folder.
	 */
	public Process start(String... args) {
		return start(null, args);
	}

	private Process start(String input, String... args) {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + this.heap, "-jar", JAR.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workDirectory.toFile())
			.redirectOutput(this.workDirectory.resolve(".stdout").toFile())
			.redirectError(this.workDirectory.resolve(".stderr").toFile());
		if (input != null) {
			Path stdin = this.workDirectory.resolve(".stdin");
			try {
				Files.writeString(stdin, input, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			builder.redirectInput(stdin.toFile());
		}
		Map<String, String> env = new HashMap<>(builder.environment());
		env.keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("CAMPAIGN_"));
		// Tests write their inbox just before the run: no settle time unless a test asks.
		env.put("CAMPAIGN_INBOX_SETTLE", "0s");
		env.putAll(this.environment);
		builder.environment().clear();
		builder.environment().putAll(env);
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start " + command, ex);
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
