package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams .xlsx sheets: POI opens the package, its styles and workbook part, the shared
 * strings go to a temporary file, and the sheet parts are pulled through
 * {@link SheetCells}: cached values of formulas, dates as ISO text (1900 or 1904 system),
 * vertically merged cells filled down from their first row. Each sheet is parsed twice:
 * once for its merged ranges (stored after the cells in the file), once for the cells.
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
		catch (NotOfficeXmlFileException | POIXMLException | OpenXML4JException | SAXException | XMLStreamException
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
			throws IOException, InvalidFormatException, XMLStreamException, UnreadableFileException {
		MergedCells merged = new MergedCells();
		try (InputStream in = reader.getSheet(sheet.relationId())) {
			SheetCells.mergedRanges(in, merged);
		}
		catch (XMLStreamException ex) {
			throw readFailure(ex);
		}
		visitor.startSheet(sheet.name());
		try (InputStream in = reader.getSheet(sheet.relationId())) {
			new SheetCells(styles, strings, cellText).read(in, (index, cells) -> {
				merged.fill(index, cells, visitor::countsAsValue);
				visitor.row(index + 1, cells);
			});
		}
		catch (SheetVisitor.SkipSheet skip) {
			return false;
		}
		catch (XMLStreamException ex) {
			throw readFailure(ex);
		}
		return visitor.endSheet();
	}

	/**
	 * The parser reports a failure to read its input (a zip bomb POI stopped, an entry
	 * cut short, a tag over the bound) as a parse error: its cause says what it was.
	 */
	private static XMLStreamException readFailure(XMLStreamException ex) throws IOException, UnreadableFileException {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof BoundedXml.TooLong) {
				throw new UnreadableFileException(FileProblems.CORRUPT, ex);
			}
			if (cause instanceof IOException io) {
				throw io;
			}
		}
		return ex;
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

}
