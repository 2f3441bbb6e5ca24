package cn.yongkang.campaign.ingest;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import cn.yongkang.campaign.registry.Registry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SheetXml} gives every cell the text POI's {@code XSSFSheetXMLHandler} gives, on
 * every .xlsx the project has: the sample inbox (written the way Excel, WPS and
 * LibreOffice write), the bad-file fixtures that are workbooks, and messy nights of
 * generated ledgers (date styles, formulas, merged cells, hidden sheets, numbers as
 * text).
 */
class SheetXmlTests {

	@TempDir
	Path dir;

	@Test
	void readsEveryWorkbookAsPoisHandlerDoes() throws Exception {
		List<Path> workbooks = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("sample-input"))) {
			files.filter((file) -> file.toString().endsWith(".xlsx")).forEach(workbooks::add);
		}
		for (String fixture : List.of("good-ledger.xlsx", "missing-required-columns.xlsx", "no-header.xlsx")) {
			workbooks.add(Path.of("src/test/resources/badfiles", fixture));
		}
		Registry registry = Registry.load(Path.of("jobs"));
		for (long seed = 1; seed <= 4; seed++) {
			MessyLedgers.write(seed, registry, LocalDate.of(2022, 10, 4), this.dir.resolve("night" + seed));
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.filter((file) -> file.toString().endsWith(".xlsx")).forEach(workbooks::add);
		}
		int sheets = 0;
		int cells = 0;
		for (Path workbook : workbooks) {
			OPCPackage pkg;
			try {
				pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ);
			}
			catch (Exception notAWorkbook) {
				continue;
			}
			try (pkg; TempFileSharedStrings strings = TempFileSharedStrings.read(pkg, this.dir)) {
				XSSFReader reader;
				try {
					reader = new XSSFReader(pkg);
				}
				catch (Exception damaged) {
					continue;
				}
				StylesTable styles = reader.getStylesTable();
				CellText cellText = new CellText(false);
				for (Iterator<InputStream> it = reader.getSheetsData(); it.hasNext();) {
					try (InputStream in = it.next()) {
						byte[] xml = in.readAllBytes();
						List<String> expected = new ArrayList<>();
						XMLReader parser = XMLHelper.newXMLReader();
						parser.setContentHandler(
								new XSSFSheetXMLHandler(styles, strings, new Recorder(expected), cellText, false));
						parser.parse(new InputSource(new java.io.ByteArrayInputStream(xml)));
						List<String> actual = new ArrayList<>();
						SheetXml.cells(new java.io.ByteArrayInputStream(xml), styles, strings, cellText,
								(rowIndex, row) -> {
									for (int column = 0; column < row.size(); column++) {
										if (row.get(column) != null) {
											actual.add(new CellReference(rowIndex, column).formatAsString() + "="
													+ row.get(column));
										}
									}
								});
						assertThat(actual).as(workbook.toString()).containsExactlyElementsOf(expected);
						sheets++;
						cells += actual.size();
					}
				}
			}
		}
		assertThat(sheets).isGreaterThan(100);
		assertThat(cells).isGreaterThan(10_000);
	}

	/** POI's cells in the same form: reference and plain text. */
	private record Recorder(List<String> cells) implements XSSFSheetXMLHandler.SheetContentsHandler {

		@Override
		public void startRow(int rowNum) {
		}

		@Override
		public void endRow(int rowNum) {
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			String text = CellText.plainNumber(formattedValue);
			if (text != null) {
				this.cells.add(new CellReference(reference).formatAsString() + "=" + text);
			}
		}

	}

}
