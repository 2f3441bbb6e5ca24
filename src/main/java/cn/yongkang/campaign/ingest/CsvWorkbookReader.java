package cn.yongkang.campaign.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a .csv or .txt file as one sheet named after the file. Excel on Chinese Windows
 * saves “CSV” in GBK, “CSV UTF-8” with a byte-order mark and “Unicode text” as
 * tab-separated UTF-16LE, so the encoding comes from the BOM or, without one, from
 * whether the start of the file is valid UTF-8 (GB18030, a superset of GBK, otherwise),
 * and the delimiter from the first lines. Row numbers are record numbers, as Excel shows
 * them: a quoted field spanning lines stays one row.
 */
final class CsvWorkbookReader implements WorkbookReader {

	/** How much of the file decides the encoding and the delimiter. */
	private static final int SNIFF_BYTES = 64 * 1024;

	/** Text files hold no NUL byte here; binary files (and UTF-16 without a BOM) do. */
	private static final int BINARY_CHECK_BYTES = 1024;

	private static final int DELIMITER_LINES = 20;

	/** In order of preference when the first lines hold as many of each. */
	private static final char[] DELIMITERS = { ',', '\t', ';' };

	private static final Charset GB18030 = Charset.forName("GB18030");

	@Override
	public void read(Path file, SheetVisitor visitor) throws IOException, UnreadableFileException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(SNIFF_BYTES);
		}
		Encoding encoding = Encoding.of(head);
		char delimiter = delimiter(
				new String(head, encoding.bomLength(), head.length - encoding.bomLength(), encoding.charset()));
		CSVFormat format = CSVFormat.EXCEL.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(false)
			.setLenientEof(true)
			.setTrailingData(true)
			.get();
		try (InputStream in = Files.newInputStream(file);
				CsvBounds bounds = new CsvBounds(
						new BufferedReader(
								new InputStreamReader(skip(in, encoding.bomLength()), lenient(encoding.charset()))),
						delimiter);
				CSVParser parser = CSVParser.parse(bounds, format)) {
			visitor.startSheet(sheetName(file));
			Iterator<CSVRecord> records = parser.iterator();
			for (CSVRecord record = next(records); record != null; record = next(records)) {
				visitor.row(Math.toIntExact(record.getRecordNumber()), cells(record));
			}
			if (bounds.lastRecordCut()) {
				throw new UnreadableFileException(cutOff(bounds.lastRecord()));
			}
			visitor.endSheet();
		}
		catch (SheetVisitor.SkipSheet skip) {
			// The only sheet holds no ledger; the caller reports the missing header.
		}
		catch (CSVException ex) {
			throw new UnreadableFileException(FileProblems.CORRUPT, ex);
		}
	}

	/**
	 * A file still being written, or an interrupted upload: the row would be taken short,
	 * and the full row of the next night would count as a second hazard.
	 */
	static String cutOff(int record) {
		return "文件在第" + record + "行中途结束（最后一行不完整，可能在上传完成前被读取或上传中断），已整体退回。请确认文件完整后重新上传";
	}

	/** The next record, or null; the parser's I/O errors come out checked again. */
	private static CSVRecord next(Iterator<CSVRecord> records) throws IOException {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static List<String> cells(CSVRecord record) {
		List<String> cells = new ArrayList<>(record.size());
		for (String value : record) {
			cells.add(value.isEmpty() ? null : value);
		}
		return cells;
	}

	/**
	 * Excel names the sheet of an opened CSV file after the file, without its extension.
	 */
	static String sheetName(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	/**
	 * The delimiter found most often outside quotes in the first non-empty lines; comma
	 * by default.
	 */
	static char delimiter(String head) {
		int[] counts = new int[DELIMITERS.length];
		boolean quoted = false;
		boolean lineHasText = false;
		int lines = 0;
		for (int i = 0; i < head.length() && lines < DELIMITER_LINES; i++) {
			char c = head.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				if (lineHasText) {
					lines++;
				}
				lineHasText = false;
				continue;
			}
			else if (!quoted) {
				for (int d = 0; d < DELIMITERS.length; d++) {
					if (c == DELIMITERS[d]) {
						counts[d]++;
					}
				}
			}
			lineHasText = true;
		}
		int best = 0;
		for (int d = 1; d < DELIMITERS.length; d++) {
			if (counts[d] > counts[best]) {
				best = d;
			}
		}
		return DELIMITERS[best];
	}

	private static InputStream skip(InputStream in, int bytes) throws IOException {
		in.skipNBytes(bytes);
		return in;
	}

	/**
	 * Malformed bytes become U+FFFD: a clerk's stray byte must not stop the whole file.
	 */
	private static CharsetDecoder lenient(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
	}

	/** A file's encoding and the length of its byte-order mark. */
	record Encoding(Charset charset, int bomLength) {

		static Encoding of(byte[] head) throws UnreadableFileException {
			Encoding marked = ofMark(head);
			if (marked != null) {
				return marked;
			}
			for (int i = 0; i < Math.min(head.length, BINARY_CHECK_BYTES); i++) {
				if (head[i] == 0) {
					throw new UnreadableFileException(FileProblems.CORRUPT);
				}
			}
			return new Encoding(isUtf8(head) ? StandardCharsets.UTF_8 : GB18030, 0);
		}

		/** The encoding a byte-order mark names, or null without one. */
		static Encoding ofMark(byte[] head) {
			if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
				return new Encoding(StandardCharsets.UTF_8, 3);
			}
			if (startsWith(head, 0xFF, 0xFE)) {
				return new Encoding(StandardCharsets.UTF_16LE, 2);
			}
			if (startsWith(head, 0xFE, 0xFF)) {
				return new Encoding(StandardCharsets.UTF_16BE, 2);
			}
			return null;
		}

		/**
		 * Whether the head decodes strictly as UTF-8. When the head is not the whole
		 * file, a sequence cut off at its end is left undecided rather than called
		 * malformed.
		 */
		private static boolean isUtf8(byte[] head) {
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			boolean wholeFile = head.length < SNIFF_BYTES;
			return !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), wholeFile).isError();
		}

		private static boolean startsWith(byte[] bytes, int... prefix) {
			if (bytes.length < prefix.length) {
				return false;
			}
			for (int i = 0; i < prefix.length; i++) {
				if ((bytes[i] & 0xFF) != prefix[i]) {
					return false;
				}
			}
			return true;
		}

	}

}
