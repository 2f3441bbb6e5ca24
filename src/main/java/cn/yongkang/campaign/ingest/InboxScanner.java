package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.support.Fold;

/**
 * Lists {@code INBOX/<date>/<township>/...}: each township folder (by registered name,
 * code or alias), the files inside it (subfolders included), in name order: a township's
 * files of one night are applied in that order. Office lock files and hidden files are
 * not uploads and are left out.
 * <p>
 * Only regular files physically inside the date folder are read: no symbolic link is
 * followed (a link is listed with a reason, so that a link to {@code /etc/shadow} or to
 * another township's ledger is never read), nor is anything that is not a regular file (a
 * pipe would block the night). An entry that cannot be read is listed with a reason,
 * never fatal. A file modified within the settle time may still be being written: it is
 * left for the next run, not half-read.
 */
final class InboxScanner {

	static final String LINK = "是符号链接（快捷方式），不是上传的文件本身，未读取。请把台账文件本身放入本单位文件夹后重新上传";

	static final String NOT_A_FILE = "不是普通文件（可能是设备、管道或套接字），未读取。请上传台账文件本身";

	static final String UNREADABLE_FILE = "文件无法读取（没有读取权限或正被其他程序占用）。请检查文件权限后重新上传";

	static final String UNREADABLE_FOLDER = "文件夹无法读取（没有读取权限），其中的文件未能处理。请检查文件夹权限后重新上传";

	private static final Logger log = LoggerFactory.getLogger(InboxScanner.class);

	private InboxScanner() {
	}

	static List<InboxFile> scan(Path dateFolder, Registry registry) {
		return scan(dateFolder, registry, Duration.ZERO);
	}

	/**
	 * @param settle how long a file must have been left alone before it is read
	 */
	static List<InboxFile> scan(Path dateFolder, Registry registry, Duration settle) {
		if (!Files.isDirectory(dateFolder)) {
			log.warn("No inbox folder {} for this date: no township uploaded anything", dateFolder);
			return List.of();
		}
		Instant settledBefore = Instant.now().minus(settle);
		List<InboxFile> files = new ArrayList<>();
		List<Path> entries;
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(dateFolder)) {
			entries = new ArrayList<>();
			stream.forEach(entries::add);
		}
		catch (IOException ex) {
			files.add(InboxFile.refused(dateFolder, "", FileNames.name(dateFolder), null, UNREADABLE_FOLDER));
			return files;
		}
		entries.sort(Comparator.comparing(FileNames::name));
		for (Path entry : entries) {
			String name = FileNames.name(entry);
			if (isIgnored(entry, name)) {
				continue;
			}
			if (Files.isSymbolicLink(entry)) {
				files.add(InboxFile.refused(entry, name, "", registry.township(name).orElse(null),
						"“" + name + "”" + LINK));
			}
			else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
				files.addAll(folder(entry, name, registry.township(name).orElse(null), settledBefore));
			}
			else {
				files.add(describe(entry, "", name, null, settledBefore));
			}
		}
		return files;
	}

	/** A township folder's files, walked without following links. */
	private static List<InboxFile> folder(Path folder, String folderName, Township township, Instant settledBefore) {
		List<InboxFile> files = new ArrayList<>();
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					String name = FileNames.relative(folder, file);
					if (isIgnored(file, FileNames.name(file))) {
						return FileVisitResult.CONTINUE;
					}
					if (attributes.isSymbolicLink()) {
						files.add(InboxFile.refused(file, folderName, name, township, "“" + name + "”" + LINK));
					}
					else if (!attributes.isRegularFile()) {
						files.add(InboxFile.refused(file, folderName, name, township, "“" + name + "”" + NOT_A_FILE));
					}
					else {
						files.add(describe(file, folderName, name, township, settledBefore));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					String name = file.equals(folder) ? "" : FileNames.relative(folder, file);
					String what = Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? UNREADABLE_FOLDER
							: UNREADABLE_FILE;
					log.warn("Cannot read {}: {}", Fold.printable(file.toString()), ex.toString());
					files.add(InboxFile.refused(file, folderName, name, township, what));
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			files.add(InboxFile.refused(folder, folderName, "", township, UNREADABLE_FOLDER));
		}
		files.sort(Comparator.comparing(InboxFile::fileName));
		return files;
	}

	private static boolean isIgnored(Path path, String name) {
		boolean ignored = name.startsWith(".") || name.startsWith("~$") || name.equalsIgnoreCase("Thumbs.db")
				|| name.equalsIgnoreCase("desktop.ini");
		if (ignored) {
			log.info("Ignoring {}: not an upload (hidden, lock or system file)", Fold.printable(path.toString()));
		}
		return ignored;
	}

	private static InboxFile describe(Path file, String folder, String fileName, Township township,
			Instant settledBefore) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				return InboxFile.refused(file, folder, fileName, township, "“" + fileName + "”" + NOT_A_FILE);
			}
			if (attributes.lastModifiedTime().toInstant().isAfter(settledBefore)) {
				return InboxFile.deferred(file, folder, fileName, township, attributes.size(),
						"文件刚被修改，可能仍在上传中，留待下次运行处理");
			}
			return InboxFile.readable(file, folder, fileName, township, attributes.size(), sha256(file));
		}
		catch (IOException ex) {
			log.warn("Cannot read {}: {}", Fold.printable(file.toString()), ex.toString());
			return InboxFile.refused(file, folder, fileName, township, UNREADABLE_FILE);
		}
	}

	static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
					digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
