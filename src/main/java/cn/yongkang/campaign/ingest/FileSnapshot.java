package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A private copy of an upload, read instead of the inbox file: what is read is exactly
 * what was fingerprinted at the scan, even if the uploader is still writing, and the copy
 * has a plain name whatever bytes the upload's name holds. The copy lives in the
 * process's own temporary folder and is deleted on close.
 */
final class FileSnapshot implements AutoCloseable {

	private final Path copy;

	private final boolean unchanged;

	private FileSnapshot(Path copy, boolean unchanged) {
		this.copy = copy;
		this.unchanged = unchanged;
	}

	/**
	 * Copies the file, hashing it on the way.
	 * @throws IOException if the file cannot be read or the copy written
	 */
	static FileSnapshot of(InboxFile file) throws IOException {
		Path folder = Files.createTempDirectory("campaign-upload");
		Path copy = copyPath(folder, FileNames.name(file.path()));
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file.path(), LinkOption.NOFOLLOW_LINKS),
					digest); OutputStream out = Files.newOutputStream(copy)) {
				in.transferTo(out);
			}
			String sha256 = HexFormat.of().formatHex(digest.digest());
			return new FileSnapshot(copy, sha256.equals(file.sha256()) && Files.size(copy) == file.size());
		}
		catch (NoSuchAlgorithmException ex) {
			delete(copy);
			throw new IllegalStateException(ex);
		}
		catch (IOException | RuntimeException ex) {
			delete(copy);
			throw ex;
		}
	}

	/**
	 * The copy keeps the upload's name, which readers use (a CSV sheet is named after its
	 * file; the extension decides between CSV and text); a name the file system cannot
	 * take again keeps only its extension.
	 */
	private static Path copyPath(Path folder, String name) {
		try {
			Path copy = folder.resolve(name);
			Files.createFile(copy);
			return copy;
		}
		catch (IOException | RuntimeException ex) {
			return folder.resolve("upload" + FileFormat.extension(Path.of(name.replaceAll("[^\\p{ASCII}]|/", "_"))));
		}
	}

	Path path() {
		return this.copy;
	}

	/** Whether the content is still what the scan fingerprinted. */
	boolean unchanged() {
		return this.unchanged;
	}

	@Override
	public void close() {
		delete(this.copy);
	}

	private static void delete(Path copy) {
		try {
			Files.deleteIfExists(copy);
			Files.deleteIfExists(copy.getParent());
		}
		catch (IOException ignored) {
			// In the process's temporary folder, which goes at exit or the next start.
		}
	}

}
