package cn.yongkang.campaign.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import cn.yongkang.campaign.campaign.Campaign;

/**
 * Writes the report files, named with the as-of date so that copies sent around stay
 * apart: {@code 通报-2022-10-04.md}, {@code 通报-2022-10-04.docx} and
 * {@code 统计表-2022-10-04.xlsx}. Each file is written to a temporary name and moved into
 * place, so a reader never sees half a file.
 */
final class ReportFiles {

	private ReportFiles() {
	}

	static String markdown(LocalDate date) {
		return "通报-" + date + ".md";
	}

	static String word(LocalDate date) {
		return "通报-" + date + ".docx";
	}

	static String tables(LocalDate date) {
		return "统计表-" + date + ".xlsx";
	}

	static List<String> fileNames(LocalDate date) {
		return List.of(markdown(date), word(date), tables(date));
	}

	static void write(Path folder, Bulletin bulletin, Snapshot snapshot, Campaign campaign, BulletinTemplate template)
			throws IOException {
		Files.createDirectories(folder);
		removeLeftovers(folder);
		LocalDate date = snapshot.asOf();
		atomically(folder.resolve(markdown(date)),
				(out) -> out.write(bulletin.markdown().getBytes(StandardCharsets.UTF_8)));
		atomically(folder.resolve(word(date)),
				(out) -> OfficialDocument.write(bulletin, snapshot, campaign, template, out));
		atomically(folder.resolve(tables(date)), (out) -> TablesWorkbook.write(snapshot, campaign, out));
	}

	private interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** Temporary files of a process killed while writing them. */
	private static void removeLeftovers(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().matches("\\..*\\.tmp")).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	private static void atomically(Path target, Content content) throws IOException {
		// Not Files.createTempFile, whose 0600 would hide the reports from the group: a
		// new file takes the mode the umask gives.
		Path temporary = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temporary, java.nio.file.StandardOpenOption.CREATE_NEW,
					java.nio.file.StandardOpenOption.WRITE)) {
				content.writeTo(out);
			}
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
