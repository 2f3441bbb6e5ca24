package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * Reads the cells of one .xlsx sheet part as POI's SAX sheet handler does (cached values
 * of formulas, shared and inline strings, numbers formatted by their style, booleans and
 * errors as text), on a pull parser several times faster. Rows and cells without a
 * reference (other systems' exporters) take the place after the one before: an empty
 * {@code <c/>} still moves the next cell on. Elements outside the spreadsheet namespace
 * are passed over, and a cell keeps at most {@link CellValues#MAX_KEPT} characters.
 */
final class SheetCells {

	/** Receives each row: its 0-based index and its cell texts by column. */
	interface Rows {

		void row(int index, List<String> cells);

	}

	private final StylesTable styles;

	private final SharedStrings strings;

	private final CellText cellText;

	/** Per style index: its number format, and whether that shows a date. */
	private final Map<Integer, NumberShown> formats = new HashMap<>();

	private final StringBuilder value = new StringBuilder(64);

	private final List<String> cells = new ArrayList<>();

	private int row;

	private int column;

	private int cellColumn;

	private String cellType;

	private NumberShown numberShown;

	private boolean inText;

	private boolean inInlineString;

	SheetCells(StylesTable styles, SharedStrings strings, CellText cellText) {
		this.styles = styles;
		this.strings = strings;
		this.cellText = cellText;
	}

	/** The sheet's merged ranges, which the part stores after its cells. */
	static void mergedRanges(InputStream part, MergedCells merged) throws IOException, XMLStreamException {
		XMLStreamReader xml = SheetXml.open(part);
		try {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())
						&& SheetXml.isMain(xml)) {
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

	void read(InputStream part, Rows rows) throws IOException, XMLStreamException {
		XMLStreamReader xml = SheetXml.open(part);
		try {
			while (xml.hasNext()) {
				switch (xml.next()) {
					case XMLStreamConstants.START_ELEMENT -> {
						if (SheetXml.isMain(xml)) {
							start(xml);
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (this.inText) {
							append(xml);
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						if (SheetXml.isMain(xml)) {
							end(xml.getLocalName(), rows);
						}
					}
					default -> {
					}
				}
			}
		}
		finally {
			xml.close();
		}
	}

	private void start(XMLStreamReader xml) {
		switch (xml.getLocalName()) {
			case "row" -> startRow(xml.getAttributeValue(null, "r"));
			case "c" -> startCell(xml);
			case "v" -> {
				this.inText = true;
				if (!this.inInlineString) {
					this.value.setLength(0);
				}
			}
			case "is" -> {
				this.inInlineString = true;
				this.value.setLength(0);
			}
			case "t" -> this.inText |= this.inInlineString;
			default -> {
			}
		}
	}

	private void end(String name, Rows rows) {
		switch (name) {
			case "v" -> {
				this.inText = false;
				if (!this.inInlineString) {
					cell(value());
				}
			}
			case "t" -> this.inText = !this.inInlineString && this.inText;
			case "is" -> {
				this.inInlineString = false;
				this.inText = false;
				cell(inlineString(this.value.toString()));
			}
			case "row" -> rows.row(this.row - 1, this.cells);
			default -> {
			}
		}
	}

	/** Row numbers out of Excel's range are refused by the ledger table, sheet named. */
	private void startRow(String reference) {
		try {
			this.row = (reference != null) ? Integer.parseInt(reference.trim()) : this.row + 1;
		}
		catch (NumberFormatException ex) {
			throw new RefusedFileException(FileProblems.CORRUPT);
		}
		this.column = 0;
		this.cells.clear();
	}

	private void startCell(XMLStreamReader xml) {
		String reference = xml.getAttributeValue(null, "r");
		if (reference == null) {
			if (this.column >= CellValues.MAX_COLUMNS) {
				throw outsideSheet(CellReference.convertNumToColString(this.column) + this.row);
			}
			this.cellColumn = this.column;
		}
		else {
			this.cellColumn = columnOf(reference);
		}
		this.column = this.cellColumn + 1;
		this.cellType = xml.getAttributeValue(null, "t");
		this.numberShown = (this.cellType == null || "n".equals(this.cellType))
				? format(xml.getAttributeValue(null, "s")) : null;
		this.value.setLength(0);
		this.inText = false;
		this.inInlineString = false;
	}

	private void append(XMLStreamReader xml) {
		int room = CellValues.MAX_KEPT - this.value.length();
		if (room > 0) {
			this.value.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(room, xml.getTextLength()));
		}
	}

	private void cell(String text) {
		while (this.cells.size() <= this.cellColumn) {
			this.cells.add(null);
		}
		this.cells.set(this.cellColumn, CellText.plainNumber(text));
	}

	/** The cell's text by its type, as POI's handler gives it. */
	private String value() {
		String raw = this.value.toString();
		if (this.cellType == null || "n".equals(this.cellType)) {
			return number(raw);
		}
		return switch (this.cellType) {
			case "s" -> sharedString(raw.trim());
			case "b" -> raw.isEmpty() ? null : (raw.charAt(0) == '0') ? "FALSE" : "TRUE";
			case "e" -> "ERROR:" + raw;
			case "inlineStr" -> inlineString(raw);
			default -> raw;
		};
	}

	private String sharedString(String index) {
		if (index.isEmpty()) {
			return null;
		}
		int idx;
		try {
			idx = Integer.parseInt(index);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		return this.strings.getItemAt(idx).toString();
	}

	/** Text with Excel's {@code _xHHHH_} escapes decoded (POI's rich text does that). */
	private static String inlineString(String text) {
		return text.contains("_x") ? new XSSFRichTextString(text).toString() : text;
	}

	private String number(String raw) {
		if (this.numberShown == NumberShown.RAW || raw.isEmpty()) {
			return raw;
		}
		double number;
		try {
			number = Double.parseDouble(raw.trim());
		}
		catch (NumberFormatException ex) {
			return raw;
		}
		return this.cellText.number(number, this.numberShown == NumberShown.DATE);
	}

	/**
	 * The number format of a style index (the first style when the cell names none):
	 * {@link NumberShown#RAW} when the workbook has no such style or format, and the cell
	 * shows its raw value.
	 */
	private NumberShown format(String styleIndex) {
		if (this.styles == null) {
			return NumberShown.RAW;
		}
		int index;
		try {
			index = (styleIndex != null) ? Integer.parseInt(styleIndex.trim()) : 0;
		}
		catch (NumberFormatException ex) {
			return NumberShown.RAW;
		}
		return this.formats.computeIfAbsent(index, (i) -> {
			XSSFCellStyle style = (i >= 0 && i < this.styles.getNumCellStyles()) ? this.styles.getStyleAt(i) : null;
			if (style == null) {
				return NumberShown.RAW;
			}
			short formatIndex = style.getDataFormat();
			String formatString = style.getDataFormatString();
			if (formatString == null) {
				formatString = BuiltinFormats.getBuiltinFormat(formatIndex);
			}
			if (formatString == null) {
				return NumberShown.RAW;
			}
			return CellText.isDateFormat(formatIndex, formatString) ? NumberShown.DATE : NumberShown.NUMBER;
		});
	}

	/** How a style shows a number: as it is stored, formatted, or as a date. */
	private enum NumberShown {

		RAW, NUMBER, DATE

	}

	/** The column of a reference such as B7, without trusting its length. */
	static int columnOf(String reference) {
		long column = 0;
		int i = 0;
		for (; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
			column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
			if (column > CellValues.MAX_COLUMNS) {
				throw outsideSheet(reference);
			}
		}
		if (i == 0) {
			throw new RefusedFileException(
					"单元格引用“" + shorten(reference) + "”无法识别，文件可能已损坏或被其他软件改写。请在Excel或WPS中打开，另存为.xlsx后重新上传");
		}
		return (int) column - 1;
	}

	private static RefusedFileException outsideSheet(String reference) {
		return new RefusedFileException("单元格引用“" + shorten(reference) + "”超出Excel的最大列XFD（" + CellValues.MAX_COLUMNS
				+ "列），文件可能已损坏或被其他软件改写。请在Excel或WPS中打开，另存为.xlsx后重新上传");
	}

	private static String shorten(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
