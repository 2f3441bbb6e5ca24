package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;

/**
 * Lists {@code INBOX/<date>/<township>/...}: each township folder (by registered name,
 * code or alias), the files inside it (subfolders included), in name order: a township's
 * files of one night are applied in that order. Office lock files and hidden files are
 * not uploads and are left out.
 */
final class InboxScanner {

	private static final Logger log = LoggerFactory.getLogger(InboxScanner.class);

	private InboxScanner() {
	}

	static List<InboxFile> scan(Path dateFolder, Registry registry) {
		if (!Files.isDirectory(dateFolder)) {
			log.warn("No inbox folder {} for this date: no township uploaded anything", dateFolder);
			return List.of();
		}
		List<InboxFile> files = new ArrayList<>();
		try (Stream<Path> entries = Files.list(dateFolder)) {
			for (Path entry : entries.sorted().toList()) {
				if (isIgnored(entry)) {
					continue;
				}
				if (Files.isDirectory(entry)) {
					String folder = entry.getFileName().toString();
					var township = registry.township(folder).orElse(null);
					for (Path file : filesUnder(entry)) {
						files.add(describe(file, folder, entry.relativize(file).toString(), township));
					}
				}
				else if (Files.isRegularFile(entry)) {
					files.add(describe(entry, "", entry.getFileName().toString(), null));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list inbox folder " + dateFolder, ex);
		}
		return files;
	}

	private static List<Path> filesUnder(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile)
				.filter((file) -> !isIgnored(file))
				.sorted(Comparator.comparing(Path::toString))
				.toList();
		}
	}

	private static boolean isIgnored(Path path) {
		String name = path.getFileName().toString();
		boolean ignored = name.startsWith(".") || name.startsWith("~$") || name.equalsIgnoreCase("Thumbs.db")
				|| name.equalsIgnoreCase("desktop.ini");
		if (ignored) {
			log.info("Ignoring {}: not an upload (hidden, lock or system file)", path);
		}
		return ignored;
	}

	private static InboxFile describe(Path file, String folder, String fileName, Township township) {
		try {
			return new InboxFile(file, folder, fileName, township, Files.size(file), sha256(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read inbox file " + file, ex);
		}
	}

	static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
