package cn.yongkang.campaign.selfservice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The other programs that open our workbooks, where the machine has them (Debian:
 * {@code python3-openpyxl}, {@code libreoffice-calc-nogui}, {@code poppler-utils}); a
 * test that needs one is skipped, saying so, where it is missing.
 */
final class OfficeTools {

	static final Path PYTHON = Path.of("/usr/bin/python3");

	static final Path SOFFICE = Path.of("/usr/bin/soffice");

	static final Path PDFINFO = Path.of("/usr/bin/pdfinfo");

	private OfficeTools() {
	}

	static void assumeOpenpyxl() {
		assumeTrue(Files.isExecutable(PYTHON) && run(Path.of("."), 60, PYTHON.toString(), "-c", "import openpyxl") == 0,
				"python3 with openpyxl (Debian python3-openpyxl) is not installed");
	}

	static void assumeLibreOffice() {
		assumeTrue(Files.isExecutable(SOFFICE), "LibreOffice (Debian libreoffice-calc-nogui) is not installed");
	}

	/**
	 * Converts with LibreOffice headless, in a profile of its own; returns the new file.
	 */
	static Path convert(Path file, String format, Path outDir) throws IOException {
		Files.createDirectories(outDir);
		Path profile = Files.createTempDirectory("lo-profile");
		int exit = run(outDir, 240, SOFFICE.toString(), "--headless", "--norestore",
				"-env:UserInstallation=" + profile.toUri(), "--convert-to", format, "--outdir", outDir.toString(),
				file.toString());
		String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
		Path converted = outDir.resolve(base + "." + format.replaceFirst(":.*", ""));
		assertThat(converted).as("LibreOffice exit %d converting %s", exit, file).exists();
		return converted;
	}

	/** pdfinfo's lines, e.g. "Pages: 1" and "Page size: 841.89 x 595.304 pts (A4)". */
	static List<String> pdfInfo(Path pdf) throws IOException {
		Path out = Files.createTempFile("pdfinfo", ".txt");
		ProcessBuilder builder = new ProcessBuilder(PDFINFO.toString(), pdf.toString()).redirectOutput(out.toFile());
		waitFor(builder, 60);
		return Files.readAllLines(out, StandardCharsets.UTF_8);
	}

	static int run(Path directory, int seconds, String... command) {
		List<String> args = new ArrayList<>(List.of(command));
		ProcessBuilder builder = new ProcessBuilder(args).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		return waitFor(builder, seconds);
	}

	private static int waitFor(ProcessBuilder builder, int seconds) {
		try {
			Process process = builder.start();
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(builder.command() + " did not finish in " + seconds + " s");
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
