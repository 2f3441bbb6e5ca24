package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Streams .xlsx sheets with POI's SAX event API: cached values of formulas, dates as ISO
 * text (1900 or 1904 system), vertically merged cells filled down from their first row.
 * Each sheet is parsed twice: once for its merged ranges (stored after the cells in the
 * file), once for the cells.
 */
final class XlsxWorkbookReader implements WorkbookReader {

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	@Override
	public void read(Path file, SheetVisitor visitor) throws IOException, UnreadableFileException {
		// Shared strings go to a temporary file, not the heap: Excel puts every text
		// cell there, so a large ledger would otherwise fill the heap with them.
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
				TempFileSharedStrings strings = TempFileSharedStrings.read(pkg)) {
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles = reader.getStylesTable();
			Contents contents = contents(reader);
			CellText cellText = new CellText(contents.date1904());
			for (boolean hidden : new boolean[] { false, true }) {
				for (SheetEntry sheet : contents.sheets()) {
					if (sheet.hidden() == hidden && readSheet(reader, sheet, strings, styles, cellText, visitor)) {
						return;
					}
				}
			}
		}
		catch (NotOfficeXmlFileException | POIXMLException | OpenXML4JException | SAXException
				| ParserConfigurationException | TempFileSharedStrings.MissingString ex) {
			// Not a package, damaged relationships ("no core document found"), broken
			// XML, a cell pointing past the shared strings.
			throw new UnreadableFileException(FileProblems.CORRUPT, ex);
		}
		catch (IOException ex) {
			throw FileProblems.fromIo(ex);
		}
	}

	private boolean readSheet(XSSFReader reader, SheetEntry sheet, SharedStrings strings, StylesTable styles,
			CellText cellText, SheetVisitor visitor)
			throws IOException, InvalidFormatException, SAXException, ParserConfigurationException {
		MergedCells merged = new MergedCells();
		try (InputStream in = reader.getSheet(sheet.relationId())) {
			parse(in, new MergeCollector(merged));
		}
		visitor.startSheet(sheet.name());
		RowCollector rows = new RowCollector(visitor, merged);
		try (InputStream in = reader.getSheet(sheet.relationId())) {
			References references = new References();
			references.setParent(XMLHelper.newXMLReader());
			references.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, cellText, false));
			references.parse(new InputSource(in));
		}
		catch (SheetVisitor.SkipSheet skip) {
			return false;
		}
		catch (SAXException ex) {
			if (ex.getCause() instanceof SheetVisitor.SkipSheet
					|| ex.getException() instanceof SheetVisitor.SkipSheet) {
				return false;
			}
			throw ex;
		}
		return visitor.endSheet();
	}

	private static void parse(InputStream in, DefaultHandler handler)
			throws IOException, SAXException, ParserConfigurationException {
		XMLReader parser = XMLHelper.newXMLReader();
		parser.setContentHandler(handler);
		parser.parse(new InputSource(in));
	}

	/**
	 * The sheets in workbook order, with their visibility (workbook.xml's {@code state}),
	 * and whether dates count from 1904 (workbooks made on old Macs).
	 */
	private static Contents contents(XSSFReader reader)
			throws IOException, InvalidFormatException, SAXException, ParserConfigurationException {
		List<SheetEntry> sheets = new ArrayList<>();
		boolean[] date1904 = new boolean[1];
		try (InputStream in = reader.getWorkbookData()) {
			parse(in, new DefaultHandler() {
				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes) {
					if ("sheet".equals(localName)) {
						String state = attributes.getValue("state");
						sheets.add(new SheetEntry(attributes.getValue("name"), attributes.getValue(RELATIONSHIPS, "id"),
								state != null && !"visible".equals(state)));
					}
					else if ("workbookPr".equals(localName)) {
						String value = attributes.getValue("date1904");
						date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
					}
				}
			});
		}
		return new Contents(sheets, date1904[0]);
	}

	private record Contents(List<SheetEntry> sheets, boolean date1904) {
	}

	private record SheetEntry(String name, String relationId, boolean hidden) {
	}

	/**
	 * Gives every row and cell its reference. Exporters of other systems often leave
	 * {@code r} out; POI then places a cell after the last one it reported, and as it
	 * reports no empty cell ({@code <c/>}), every value after one would shift left.
	 */
	private static final class References extends XMLFilterImpl {

		private int row;

		private int column;

		/** Characters passed on for the current element: a cell keeps a bounded text. */
		private int characters;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			Attributes given = attributes;
			if ("c".equals(localName) || "row".equals(localName)) {
				this.characters = 0;
			}
			try {
				if ("row".equals(localName)) {
					String reference = attributes.getValue("r");
					this.row = (reference != null) ? Integer.parseInt(reference.trim()) : this.row + 1;
					this.column = 0;
					if (this.row < 1 || this.row > CellValues.MAX_ROWS) {
						throw new RefusedFileException("工作表中有行号" + this.row + "，超出Excel的行数范围（1至" + CellValues.MAX_ROWS
								+ "），文件可能已损坏或被其他软件改写。请在Excel或WPS中打开，另存为.xlsx后重新上传");
					}
					given = (reference != null) ? attributes : with(attributes, String.valueOf(this.row));
				}
				else if ("c".equals(localName)) {
					String reference = attributes.getValue("r");
					if (reference == null) {
						if (this.column >= CellValues.MAX_COLUMNS) {
							throw outsideSheet(CellReference.convertNumToColString(this.column) + this.row);
						}
						given = with(attributes, CellReference.convertNumToColString(this.column) + this.row);
						this.column++;
					}
					else {
						int index = columnOf(reference);
						if (index < 0 || index >= CellValues.MAX_COLUMNS) {
							throw outsideSheet(reference);
						}
						this.column = index + 1;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				throw new SAXException("bad row or cell reference in the sheet", ex);
			}
			super.startElement(uri, localName, qName, given);
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			int room = CellValues.MAX_KEPT - this.characters;
			if (room > 0) {
				int passed = Math.min(room, length);
				this.characters += passed;
				super.characters(ch, start, passed);
			}
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
				throw new IllegalArgumentException("no column in cell reference " + reference);
			}
			return (int) column - 1;
		}

		private static RefusedFileException outsideSheet(String reference) {
			String shown = (reference.length() > 40) ? reference.substring(0, 40) + "…" : reference;
			return new RefusedFileException("单元格引用“" + shown + "”超出Excel的最大列XFD（" + CellValues.MAX_COLUMNS
					+ "列），文件可能已损坏或被其他软件改写。请在Excel或WPS中打开，另存为.xlsx后重新上传");
		}

		private static Attributes with(Attributes attributes, String reference) {
			AttributesImpl copy = new AttributesImpl(attributes);
			copy.addAttribute("", "r", "r", "CDATA", reference);
			return copy;
		}

	}

	/** Collects the sheet's merged ranges, which the file stores after the cells. */
	private static final class MergeCollector extends DefaultHandler {

		private final MergedCells merged;

		MergeCollector(MergedCells merged) {
			this.merged = merged;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
				this.merged.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
			}
		}

	}

	/** Collects one row's cells from POI's handler and hands the row to the visitor. */
	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final SheetVisitor visitor;

		private final MergedCells merged;

		private final List<String> cells = new ArrayList<>();

		RowCollector(SheetVisitor visitor, MergedCells merged) {
			this.visitor = visitor;
			this.merged = merged;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			// References has given every cell a checked reference: its letters are the
			// column.
			int column = References.columnOf(reference);
			while (this.cells.size() <= column) {
				this.cells.add(null);
			}
			this.cells.set(column, CellText.plainNumber(formattedValue));
		}

		@Override
		public void endRow(int rowNum) {
			this.merged.fill(rowNum, this.cells, this.visitor::countsAsValue);
			this.visitor.row(rowNum + 1, this.cells);
		}

	}

}
