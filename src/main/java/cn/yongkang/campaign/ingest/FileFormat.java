package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a file really is, judged by its first bytes rather than its name: clerks rename
 * files, and an .xls may be an .xlsx, a web page or a password-protected workbook.
 */
enum FileFormat {

	XLSX, XLS, CSV;

	private static final byte[] ZIP = { 0x50, 0x4B, 0x03, 0x04 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	static FileFormat detect(Path file) throws IOException, UnreadableFileException {
		if (Files.size(file) == 0) {
			throw new UnreadableFileException(FileProblems.EMPTY);
		}
		byte[] head = new byte[512];
		int length;
		try (InputStream in = Files.newInputStream(file)) {
			length = in.readNBytes(head, 0, head.length);
		}
		head = Arrays.copyOf(head, length);
		if (startsWith(head, ZIP)) {
			return XLSX;
		}
		if (startsWith(head, OLE2)) {
			if (isEncryptedOoxml(file)) {
				throw new UnreadableFileException(FileProblems.ENCRYPTED);
			}
			return XLS;
		}
		String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
		if (text.startsWith("\u00ef\u00bb\u00bf")) {
			text = text.substring(3).stripLeading();
		}
		if (text.startsWith("<") && (text.contains("<html") || text.contains("<!doctype") || text.contains("<table")
				|| text.contains("<?xml") || text.contains("<meta"))) {
			throw new UnreadableFileException(FileProblems.HTML);
		}
		String extension = extension(file);
		return switch (extension) {
			case ".csv", ".txt" -> CSV;
			case ".xlsx", ".xls", ".xlsm" -> throw new UnreadableFileException(FileProblems.CORRUPT);
			default ->
				throw new UnreadableFileException(FileProblems.unsupported(extension.isEmpty() ? "无扩展名" : extension));
		};
	}

	static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
	}

	/**
	 * Excel stores a password-protected .xlsx as an OLE2 container holding the encrypted
	 * package.
	 */
	private static boolean isEncryptedOoxml(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			return fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

}
