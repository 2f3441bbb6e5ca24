package cn.yongkang.campaign;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.springframework.util.FileSystemUtils;

/**
 * What the process sets up for itself before anything else, so that a bare environment
 * (cron, {@code env -i}) runs like a login shell.
 * <ul>
 * <li>File names in UTF-8: the JVM takes the file-name encoding from the locale at
 * start-up and cannot change it later; without a UTF-8 locale every Chinese name turns to
 * '?' and cannot be created. So the process starts itself again with
 * {@code LC_ALL=C.UTF-8}, passes its exit status on and forwards SIGTERM; the second
 * process stops (like a killed one) if the first dies.
 * <li>A temporary folder of its own, {@code <tmp>/campaign-pipeline-<pid>}, for POI's and
 * the readers' temporary files: deleted at exit, and at the next start when a kill left
 * it behind.
 * </ul>
 */
final class ProcessSetup {

	static final String PARENT = "CAMPAIGN_PIPELINE_PARENT_PID";

	private static final String PREFIX = "campaign-pipeline-";

	private ProcessSetup() {
	}

	/**
	 * @return the exit status of the process started again, or empty when this process
	 * should go on itself
	 */
	static OptionalInt runWithUtf8FileNames() {
		String parent = System.getenv(PARENT);
		if (parent != null) {
			watchParent(Long.parseLong(parent));
			return OptionalInt.empty();
		}
		if ("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
			return OptionalInt.empty();
		}
		ProcessHandle.Info info = ProcessHandle.current().info();
		Optional<String> command = info.command();
		if (command.isEmpty() || info.arguments().isEmpty()) {
			System.err.println("warning: no UTF-8 locale (file names are read as "
					+ System.getProperty("sun.jnu.encoding") + "); set LANG=C.UTF-8");
			return OptionalInt.empty();
		}
		List<String> line = new ArrayList<>();
		line.add(command.get());
		line.addAll(List.of(info.arguments().get()));
		ProcessBuilder builder = new ProcessBuilder(line).inheritIO();
		builder.environment().put("LC_ALL", "C.UTF-8");
		builder.environment().put(PARENT, String.valueOf(ProcessHandle.current().pid()));
		try {
			Process child = builder.start();
			Thread forward = new Thread(() -> {
				child.destroy();
				try {
					child.waitFor();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			Runtime.getRuntime().addShutdownHook(forward);
			int status = child.waitFor();
			Runtime.getRuntime().removeShutdownHook(forward);
			return OptionalInt.of(status);
		}
		catch (IOException ex) {
			System.err.println("warning: cannot start again with a UTF-8 locale (" + ex.getMessage() + ")");
			return OptionalInt.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalInt.of(1);
		}
	}

	/** The first process died (SIGKILL): stop as abruptly, as it would have. */
	private static void watchParent(long parent) {
		Thread watch = new Thread(() -> {
			while (true) {
				Optional<ProcessHandle> current = ProcessHandle.current().parent();
				if (current.isEmpty() || current.get().pid() != parent) {
					Runtime.getRuntime().halt(137);
				}
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "parent-watch");
		watch.setDaemon(true);
		watch.start();
	}

	static void privateTemporaryFolder() {
		Path base = Path.of(System.getProperty("java.io.tmpdir"));
		removeLeftovers(base);
		try {
			Path folder = Files.createDirectories(base.resolve(PREFIX + ProcessHandle.current().pid()));
			System.setProperty("java.io.tmpdir", folder.toString());
			TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("warning: cannot create a temporary folder under " + base + ": " + ex.getMessage());
		}
	}

	/** Folders of processes that no longer run (killed, or the machine went down). */
	private static void removeLeftovers(Path base) {
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(base, PREFIX + "*")) {
			for (Path folder : folders) {
				String pid = folder.getFileName().toString().substring(PREFIX.length());
				if (pid.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
					delete(folder);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Someone else's folder, or none: nothing to clean.
		}
	}

	private static void delete(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			// Left for the next start.
		}
	}

}
