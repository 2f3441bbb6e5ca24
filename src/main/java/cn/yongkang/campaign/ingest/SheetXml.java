package cn.yongkang.campaign.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * Reads a worksheet's XML with Aalto's StAX parser, giving each cell the text POI's
 * {@code XSSFSheetXMLHandler} gives (cached values of formulas, numbers formatted by
 * their style, shared and inline strings, booleans, errors) at a fraction of its cost:
 * the JDK's SAX parser and POI's handler took most of a million-row night's reading.
 * Cells without references keep their columns; references are checked against Excel's
 * bounds; a cell keeps at most {@link CellValues#MAX_KEPT} characters. Aalto expands no
 * entity declared in a DTD, so a file that declares one is refused as damaged.
 */
final class SheetXml {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final XMLInputFactory FACTORY = factory();

	private SheetXml() {
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = new InputFactoryImpl();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		return factory;
	}

	/** Receives a sheet's rows: 0-based row index and cell texts by column. */
	interface Rows {

		void row(int rowIndex, List<String> cells);

	}

	/** The sheet's merged ranges, which the file stores after its cells. */
	static void mergedCells(InputStream in, MergedCells merged) throws XMLStreamException {
		XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
		try {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())
						&& MAIN.equals(xml.getNamespaceURI())) {
					String ref = xml.getAttributeValue(null, "ref");
					if (ref != null) {
						merged.add(CellRangeAddress.valueOf(ref));
					}
				}
			}
		}
		finally {
			xml.close();
		}
	}

	/** Streams the sheet's rows to {@code rows}. */
	static void cells(InputStream in, StylesTable styles, SharedStrings strings, CellText cellText, Rows rows)
			throws XMLStreamException {
		XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
		try {
			new Cells(styles, strings, cellText, rows).read(xml);
		}
		finally {
			xml.close();
		}
	}

	private enum Kind {

		BOOLEAN, ERROR, FORMULA, INLINE_STRING, SST_STRING, NUMBER

	}

	/** A style's number format, looked up once per style. */
	private record Format(short index, String pattern) {
	}

	/** The state of the walk through one sheet, as POI's handler keeps it. */
	private static final class Cells {

		private static final Format NONE = new Format((short) -1, null);

		private final StylesTable styles;

		private final SharedStrings strings;

		private final CellText cellText;

		private final Rows rows;

		private final Map<Integer, Format> formats = new HashMap<>();

		private final StringBuilder value = new StringBuilder();

		private final List<String> cells = new ArrayList<>();

		private boolean valueOpen;

		private boolean inlineOpen;

		private Kind kind = Kind.NUMBER;

		private Format format = NONE;

		/** 1-based row number; the next row without a reference follows it. */
		private int row;

		/** 0-based column the next cell without a reference takes. */
		private int column;

		private int cellColumn;

		/** Characters passed on for the current cell. */
		private int characters;

		Cells(StylesTable styles, SharedStrings strings, CellText cellText, Rows rows) {
			this.styles = styles;
			this.strings = strings;
			this.cellText = cellText;
			this.rows = rows;
		}

		void read(XMLStreamReader xml) throws XMLStreamException {
			while (xml.hasNext()) {
				switch (xml.next()) {
					case XMLStreamConstants.START_ELEMENT -> start(xml);
					case XMLStreamConstants.END_ELEMENT -> end(xml);
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
						characters(xml);
					default -> {
					}
				}
			}
		}

		private void start(XMLStreamReader xml) {
			if (!MAIN.equals(xml.getNamespaceURI())) {
				return;
			}
			String name = xml.getLocalName();
			if ("c".equals(name) || "row".equals(name)) {
				this.characters = 0;
			}
			if (isText(name)) {
				this.valueOpen = true;
				if (!this.inlineOpen) {
					this.value.setLength(0);
				}
			}
			else if ("is".equals(name)) {
				this.inlineOpen = true;
			}
			else if ("f".equals(name)) {
				if (this.kind == Kind.NUMBER) {
					this.kind = Kind.FORMULA;
				}
			}
			else if ("row".equals(name)) {
				startRow(xml.getAttributeValue(null, "r"));
			}
			else if ("c".equals(name)) {
				startCell(xml.getAttributeValue(null, "r"), xml.getAttributeValue(null, "t"),
						xml.getAttributeValue(null, "s"));
			}
		}

		private boolean isText(String name) {
			return "v".equals(name) || "inlineStr".equals(name) || ("t".equals(name) && this.inlineOpen);
		}

		private void startRow(String reference) {
			try {
				this.row = (reference != null) ? Integer.parseInt(reference.trim()) : this.row + 1;
			}
			catch (NumberFormatException ex) {
				throw new UnreadableSheet("bad row reference in the sheet", ex);
			}
			this.column = 0;
			if (this.row < 1 || this.row > CellValues.MAX_ROWS) {
				throw new RefusedFileException("工作表中有行号" + this.row + "，超出Excel的行数范围（1至" + CellValues.MAX_ROWS
						+ "），文件可能已损坏或被其他软件改写。请在Excel或WPS中打开，另存为.xlsx后重新上传");
			}
			this.cells.clear();
		}

		private void startCell(String reference, String type, String style) {
			if (reference == null) {
				if (this.column >= CellValues.MAX_COLUMNS) {
					throw outsideSheet(CellReference.convertNumToColString(this.column) + this.row);
				}
				this.cellColumn = this.column++;
			}
			else {
				int index = columnOf(reference);
				if (index < 0 || index >= CellValues.MAX_COLUMNS) {
					throw outsideSheet(reference);
				}
				this.cellColumn = index;
				this.column = index + 1;
			}
			this.format = NONE;
			if ("b".equals(type)) {
				this.kind = Kind.BOOLEAN;
			}
			else if ("e".equals(type)) {
				this.kind = Kind.ERROR;
			}
			else if ("inlineStr".equals(type)) {
				this.kind = Kind.INLINE_STRING;
			}
			else if ("s".equals(type)) {
				this.kind = Kind.SST_STRING;
			}
			else if ("str".equals(type)) {
				this.kind = Kind.FORMULA;
			}
			else {
				this.kind = Kind.NUMBER;
				this.format = format(style);
			}
		}

		/** The number format of a cell's style, as POI's handler finds it. */
		private Format format(String style) {
			if (this.styles == null || (style == null && this.styles.getNumCellStyles() == 0)) {
				return NONE;
			}
			int index;
			try {
				index = (style != null) ? Integer.parseInt(style) : 0;
			}
			catch (NumberFormatException ex) {
				throw new UnreadableSheet("bad style reference in the sheet", ex);
			}
			return this.formats.computeIfAbsent(index, (i) -> {
				XSSFCellStyle cellStyle = this.styles.getStyleAt(i);
				if (cellStyle == null) {
					return NONE;
				}
				short formatIndex = cellStyle.getDataFormat();
				String pattern = cellStyle.getDataFormatString();
				return new Format(formatIndex,
						(pattern != null) ? pattern : BuiltinFormats.getBuiltinFormat(formatIndex));
			});
		}

		private void end(XMLStreamReader xml) {
			if (!MAIN.equals(xml.getNamespaceURI())) {
				return;
			}
			String name = xml.getLocalName();
			if (isText(name)) {
				this.valueOpen = false;
				if (!this.inlineOpen) {
					cell();
					this.value.setLength(0);
				}
			}
			else if ("is".equals(name)) {
				this.inlineOpen = false;
				cell();
				this.value.setLength(0);
			}
			else if ("row".equals(name)) {
				this.rows.row(this.row - 1, this.cells);
			}
		}

		private void characters(XMLStreamReader xml) {
			int room = CellValues.MAX_KEPT - this.characters;
			if (room <= 0) {
				return;
			}
			int length = Math.min(room, xml.getTextLength());
			this.characters += length;
			if (this.valueOpen) {
				this.value.append(xml.getTextCharacters(), xml.getTextStart(), length);
			}
		}

		/** The cell's text, as {@code XSSFSheetXMLHandler.outputCell} makes it. */
		private void cell() {
			String text = switch (this.kind) {
				case BOOLEAN -> (this.value.charAt(0) == '0') ? "FALSE" : "TRUE";
				case ERROR -> "ERROR:" + this.value;
				case FORMULA, NUMBER -> number(this.value.toString());
				case INLINE_STRING -> inline(this.value.toString());
				case SST_STRING -> shared(this.value.toString());
			};
			while (this.cells.size() <= this.cellColumn) {
				this.cells.add(null);
			}
			this.cells.set(this.cellColumn, CellText.plainNumber(text));
		}

		private String number(String raw) {
			if (this.format.pattern() == null || raw.isEmpty()) {
				return raw;
			}
			try {
				return this.cellText.formatRawCellContents(Double.parseDouble(raw), this.format.index(),
						this.format.pattern());
			}
			catch (NumberFormatException ex) {
				// POI's handler keeps the raw value of a number it cannot parse (an ISO
				// date of t="d", say).
				return raw;
			}
		}

		private static String inline(String raw) {
			return raw.contains("_x") ? new XSSFRichTextString(raw).toString() : raw;
		}

		private String shared(String raw) {
			if (raw.isEmpty()) {
				return null;
			}
			int index;
			try {
				index = Integer.parseInt(raw);
			}
			catch (NumberFormatException ex) {
				return null;
			}
			return this.strings.getItemAt(index).toString();
		}

		/** The column of a reference such as B7, without trusting its length. */
		private static int columnOf(String reference) {
			long column = 0;
			int i = 0;
			for (; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
				column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
				if (column > CellValues.MAX_COLUMNS) {
					return -1;
				}
			}
			if (i == 0) {
				throw new UnreadableSheet("no column in cell reference " + reference, null);
			}
			return (int) column - 1;
		}

		private static RefusedFileException outsideSheet(String reference) {
			String shown = (reference.length() > 40) ? reference.substring(0, 40) + "…" : reference;
			return new RefusedFileException("单元格引用“" + shown + "”超出Excel的最大列XFD（" + CellValues.MAX_COLUMNS
					+ "列），文件可能已损坏或被其他软件改写。请在Excel或WPS中打开，另存为.xlsx后重新上传");
		}

	}

	/** A sheet whose XML is well formed but not a worksheet's: read as damaged. */
	static final class UnreadableSheet extends RuntimeException {

		UnreadableSheet(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
