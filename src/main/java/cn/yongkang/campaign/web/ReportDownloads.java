package cn.yongkang.campaign.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.operations.TownshipRecord;

/**
 * The files of a date's report folder, each known by an id made from its place in the
 * folder. A download names the id only: the server lists the folder and serves the match,
 * so no path from a request ever reaches the file system.
 */
@Component
@ConditionalOnWebApplication
class ReportDownloads {

	/**
	 * One report file.
	 *
	 * @param townshipCode the township a feedback workbook is for, null for the published
	 * files (bulletin, tables)
	 */
	record ReportFile(String id, String name, Path path, boolean feedback, String townshipCode, long size) {
	}

	List<ReportFile> list(Path folder, List<TownshipRecord> townships) {
		if (folder == null || !Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder, 3)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().startsWith("."))
				.map((file) -> describe(folder, file, townships))
				.sorted(Comparator.comparing(ReportFile::feedback).thenComparing(ReportFile::name))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Optional<ReportFile> find(Path folder, List<TownshipRecord> townships, String id) {
		return list(folder, townships).stream().filter((file) -> file.id().equals(id)).findFirst();
	}

	private static ReportFile describe(Path folder, Path file, List<TownshipRecord> townships) {
		String relative = folder.relativize(file).toString().replace('\\', '/');
		boolean feedback = relative.contains("/") || relative.contains("退回清单");
		String name = file.getFileName().toString();
		// The longest registered name the file name holds: its township's.
		String township = feedback ? townships.stream()
			.filter((t) -> name.contains(t.name()) || name.contains(t.code()))
			.max(Comparator.comparing((TownshipRecord t) -> t.name().length()))
			.map(TownshipRecord::code)
			.orElse(null) : null;
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			size = -1;
		}
		return new ReportFile(id(relative), name, file, feedback, township, size);
	}

	private static String id(String relative) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(relative.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
