package cn.yongkang.campaign.ingest;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The workbook's shared strings, kept in a temporary file instead of on the heap. Excel
 * puts every text cell in {@code xl/sharedStrings.xml}: a million-row ledger holds
 * millions of mostly unique strings, which POI's {@code ReadOnlySharedStringsTable} keeps
 * as {@code String}s, so the heap would grow with the file. Here each string is written
 * as UTF-8 to the file and only its offset stays on the heap (4 bytes a string); the file
 * is memory-mapped, which is not heap, and decoded on demand.
 * <p>
 * Gives exactly what {@code new ReadOnlySharedStringsTable(pkg, false)} gives: the text
 * of the {@code <t>} elements of each {@code <si>}, plain or in rich text runs, without
 * phonetic runs ({@code <rPh>}); {@code _xHHHH_} escapes are left in the text and decoded
 * by {@link XSSFRichTextString#getString()}, as POI does. Only the {@code count} and
 * {@code uniqueCount} attributes differ when missing: they fall back to the number of
 * strings instead of 0.
 */
final class TempFileSharedStrings implements SharedStrings, Closeable {

	/**
	 * Bounds on what a workbook may make this reader hold: the strings' UTF-8 on disk
	 * (one mapping holds at most 2 GB) and their number, whose offsets stay on the heap
	 * (4 bytes each: 32 MB for the most). A million-row ledger has a few million strings.
	 */
	static final long MAX_BYTES = 512L << 20;

	static final int MAX_STRINGS = 8_000_000;

	static final String TOO_MANY = "文件中的文字（共享字符串）超过" + MAX_STRINGS / 10_000
			+ "万条或总量超过512MB，远超台账所需，可能已损坏或被篡改，已拒收。请删除无关的工作表和内容，另存为.xlsx后重新上传";

	private final Path file;

	/**
	 * String {@code i} is bytes {@code [offsets[i], offsets[i + 1])} of the file; one
	 * mapping holds at most 2 GB, so ints do.
	 */
	private final int[] offsets;

	private final int size;

	private final int count;

	private final int uniqueCount;

	private volatile ByteBuffer bytes;

	private TempFileSharedStrings(Path file, int[] offsets, int size, int count, int uniqueCount, ByteBuffer bytes) {
		this.file = file;
		this.offsets = offsets;
		this.size = size;
		this.count = count;
		this.uniqueCount = uniqueCount;
		this.bytes = bytes;
	}

	/**
	 * Reads the package's shared strings part, as POI does the first one; a workbook
	 * without one has no strings.
	 * @param pkg the open package
	 * @return the strings, to be closed (which deletes the temporary file)
	 * @throws IOException if the part cannot be read or the temporary file written
	 * @throws SAXException if the part is not well-formed XML
	 */
	static TempFileSharedStrings read(OPCPackage pkg) throws IOException, SAXException {
		return read(pkg, null);
	}

	/**
	 * As {@link #read(OPCPackage)}, with the temporary file in the given directory.
	 * @param pkg the open package
	 * @param directory where to create the temporary file, {@code null} for the default
	 * temporary-file directory
	 * @return the strings, to be closed (which deletes the temporary file)
	 * @throws IOException if the part cannot be read or the temporary file written
	 * @throws SAXException if the part is not well-formed XML
	 */
	static TempFileSharedStrings read(OPCPackage pkg, Path directory) throws IOException, SAXException {
		List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		Path file = (directory != null) ? Files.createTempFile(directory, "campaign-sst", ".bin")
				: Files.createTempFile("campaign-sst", ".bin");
		try {
			Collector collector;
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
				collector = new Collector(out);
				if (!parts.isEmpty()) {
					try (InputStream in = parts.get(0).getInputStream()) {
						parse(in, collector);
					}
				}
			}
			ByteBuffer bytes;
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				// The mapping outlives the channel; its pages live in the page cache.
				bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, collector.position);
			}
			int size = collector.size;
			return new TempFileSharedStrings(file, collector.offsets, size,
					(collector.count != null) ? collector.count : size,
					(collector.uniqueCount != null) ? collector.uniqueCount : size, bytes);
		}
		catch (Throwable ex) {
			delete(file);
			throw ex;
		}
	}

	private static void parse(InputStream in, Collector collector) throws IOException, SAXException {
		// An empty part has no strings, as for POI (the parser would call it broken).
		PushbackInputStream pushback = new PushbackInputStream(in, 1);
		int first = pushback.read();
		if (first < 0) {
			return;
		}
		pushback.unread(first);
		try {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(collector);
			parser.parse(new InputSource(pushback));
		}
		catch (ParserConfigurationException ex) {
			throw new SAXException("SAX parser appears to be broken - " + ex.getMessage(), ex);
		}
		catch (SAXException ex) {
			// Writing the temporary file failed inside the handler.
			if (ex.getException() instanceof IOException io) {
				throw io;
			}
			throw ex;
		}
	}

	@Override
	public RichTextString getItemAt(int idx) {
		ByteBuffer buffer = this.bytes;
		if (buffer == null) {
			throw new IllegalStateException("Shared strings already closed");
		}
		if (idx < 0 || idx >= this.size) {
			throw new MissingString(
					"Cannot get shared string at index " + idx + ": the workbook has " + this.size + " shared strings");
		}
		int start = this.offsets[idx];
		byte[] utf8 = new byte[this.offsets[idx + 1] - start];
		buffer.get(start, utf8);
		String text = new String(utf8, StandardCharsets.UTF_8);
		// POI's rich text (an XML bean per string) is needed only to decode _xHHHH_
		// escapes; a plain text is a hundred times cheaper to make.
		return text.contains("_x") ? new XSSFRichTextString(text) : new PlainText(text);
	}

	/**
	 * A shared string without formatting runs or escapes, as the sheet handler reads it.
	 */
	private record PlainText(String text) implements RichTextString {

		@Override
		public String getString() {
			return this.text;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public String toString() {
			return this.text;
		}

		@Override
		public int numFormattingRuns() {
			return 0;
		}

		@Override
		public int getIndexOfFormattingRun(int index) {
			return 0;
		}

		@Override
		public void applyFont(int startIndex, int endIndex, short fontIndex) {
			throw new UnsupportedOperationException("shared strings are read only");
		}

		@Override
		public void applyFont(int startIndex, int endIndex, org.apache.poi.ss.usermodel.Font font) {
			throw new UnsupportedOperationException("shared strings are read only");
		}

		@Override
		public void applyFont(org.apache.poi.ss.usermodel.Font font) {
			throw new UnsupportedOperationException("shared strings are read only");
		}

		@Override
		public void applyFont(short fontIndex) {
			throw new UnsupportedOperationException("shared strings are read only");
		}

		@Override
		public void clearFormatting() {
			throw new UnsupportedOperationException("shared strings are read only");
		}

	}

	@Override
	public int getCount() {
		return this.count;
	}

	@Override
	public int getUniqueCount() {
		return this.uniqueCount;
	}

	@Override
	public void close() {
		if (this.bytes != null) {
			// The mapping goes when the buffer is collected; Linux deletes a mapped file.
			this.bytes = null;
			delete(this.file);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Windows refuses to delete a file that is still mapped.
			file.toFile().deleteOnExit();
		}
	}

	/**
	 * Writes each {@code <si>}'s text to the file as it ends, following
	 * {@code ReadOnlySharedStringsTable}'s handler without phonetic runs.
	 */
	private static final class Collector extends DefaultHandler {

		private final OutputStream out;

		private final StringBuilder text = new StringBuilder(64);

		private int[] offsets = new int[1024];

		private int size;

		private int position;

		private boolean inSst;

		private boolean inT;

		private boolean inRPh;

		private Integer count;

		private Integer uniqueCount;

		Collector(OutputStream out) {
			this.out = out;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			if (uri != null && !uri.equals(XSSFRelation.NS_SPREADSHEETML)) {
				return;
			}
			switch (localName) {
				case "sst" -> {
					// Like POI, a (nested) <sst> starts the list afresh.
					this.inSst = true;
					this.size = 0;
					this.count = intAttribute(attributes, "count");
					this.uniqueCount = intAttribute(attributes, "uniqueCount");
					if (this.uniqueCount != null) {
						// Presize, but not to whatever a damaged file claims.
						this.offsets = new int[Math.max(this.offsets.length, Math.min(this.uniqueCount, 100_000) + 1)];
					}
					this.offsets[0] = this.position;
				}
				case "si" -> this.text.setLength(0);
				case "t" -> this.inT = true;
				case "rPh" -> this.inRPh = true;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			if (uri != null && !uri.equals(XSSFRelation.NS_SPREADSHEETML)) {
				return;
			}
			switch (localName) {
				case "si" -> {
					if (this.inSst) {
						add();
					}
				}
				case "t" -> this.inT = false;
				case "rPh" -> this.inRPh = false;
				default -> {
				}
			}
		}

		/**
		 * A string longer than a cell can hold is cut one character past the limit:
		 * validation rejects its row, naming the column.
		 */
		@Override
		public void characters(char[] ch, int start, int length) {
			if (this.inT && !this.inRPh) {
				int room = CellValues.MAX_KEPT - this.text.length();
				if (room > 0) {
					this.text.append(ch, start, Math.min(room, length));
				}
			}
		}

		private void add() throws SAXException {
			byte[] utf8 = this.text.toString().getBytes(StandardCharsets.UTF_8);
			if ((long) this.position + utf8.length > MAX_BYTES || this.size >= MAX_STRINGS) {
				throw new RefusedFileException(TOO_MANY);
			}
			try {
				this.out.write(utf8);
			}
			catch (IOException ex) {
				throw new SAXException(ex);
			}
			if (this.size + 2 > this.offsets.length) {
				this.offsets = Arrays.copyOf(this.offsets,
						(int) Math.min(MAX_STRINGS + 1L, this.offsets.length + (this.offsets.length >> 1)));
			}
			this.offsets[this.size] = this.position;
			this.position += utf8.length;
			this.size++;
			this.offsets[this.size] = this.position;
		}

		/** A count that is no number (count="abc"), as damaged files have, is ignored. */
		private static Integer intAttribute(Attributes attributes, String name) {
			String value = attributes.getValue(name);
			if (value == null) {
				return null;
			}
			try {
				long number = Long.parseLong(value.trim());
				return (number >= 0 && number <= Integer.MAX_VALUE) ? (int) number : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	/**
	 * A cell refers to a shared string the workbook does not have: the file is damaged.
	 */
	static final class MissingString extends IllegalStateException {

		MissingString(String message) {
			super(message);
		}

	}

}
