package cn.yongkang.campaign.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * File and folder names as the uploader's system wrote them. Linux stores names as bytes:
 * Windows tools and old zip programs write Chinese names in GBK, and a JVM started
 * without a UTF-8 locale decodes every non-ASCII byte as '?'. So names are decoded here
 * from their bytes (which {@link Path#toUri()} carries), as UTF-8 when they are valid
 * UTF-8 and as GB18030 (a superset of GBK) otherwise; the file itself is always opened
 * through its {@link Path}, which keeps the bytes.
 */
final class FileNames {

	/**
	 * How much of a name {@code upload_file} keeps: its key holds folder and name, and an
	 * index entry must stay small.
	 */
	static final int MAX_STORED = 200;

	private static final Charset GB18030 = Charset.forName("GB18030");

	private FileNames() {
	}

	/** The last element of the path, decoded from its bytes. */
	static String name(Path path) {
		String raw = path.toUri().getRawPath();
		if (raw.endsWith("/") && raw.length() > 1) {
			raw = raw.substring(0, raw.length() - 1);
		}
		return decode(raw.substring(raw.lastIndexOf('/') + 1));
	}

	/**
	 * The path of {@code file} below {@code base}, '/'-separated, each element decoded.
	 */
	static String relative(Path base, Path file) {
		StringBuilder out = new StringBuilder();
		Path current = base;
		for (Path element : base.relativize(file)) {
			current = current.resolve(element);
			if (out.length() > 0) {
				out.append('/');
			}
			out.append(name(current));
		}
		return out.toString();
	}

	/**
	 * A name cut to {@value #MAX_STORED} characters, its beginning and end kept and a
	 * note between them, so that the clerk still recognizes it.
	 */
	static String stored(String name) {
		String clean = CellValues.storable(name);
		if (clean.length() <= MAX_STORED) {
			return clean;
		}
		// The hash keeps two long names that differ only in their middle apart.
		String note = "…（名称过长，共" + clean.length() + "个字符，已截断，" + Integer.toHexString(clean.hashCode()) + "）…";
		int keep = (MAX_STORED - note.length()) / 2;
		return clean.substring(0, keep) + note + clean.substring(clean.length() - keep);
	}

	private static String decode(String percentEncoded) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(percentEncoded.length());
		for (int i = 0; i < percentEncoded.length(); i++) {
			char c = percentEncoded.charAt(i);
			if (c == '%' && i + 2 < percentEncoded.length()) {
				bytes.write(Integer.parseInt(percentEncoded.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		byte[] raw = bytes.toByteArray();
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(raw))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(raw, GB18030);
		}
	}

}
