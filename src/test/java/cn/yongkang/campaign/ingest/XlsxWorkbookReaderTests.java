package cn.yongkang.campaign.ingest;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * .xlsx packages as other systems write them, built by hand: what POI's own writer never
 * produces.
 */
class XlsxWorkbookReaderTests {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	@TempDir
	Path dir;

	@Test
	void cellsWithoutReferencesKeepTheirColumnsPastEmptyCells() throws Exception {
		// As .NET exporters write it: a prefix, no r on rows or cells, empty cells as
		// <x:c/>.
		Path xlsx = workbook("<workbookPr/>",
				"""
						<x:worksheet xmlns:x="%s"><x:sheetData>
						<x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c/><x:c t="inlineStr"><x:is><x:t>丙</x:t></x:is></x:c>\
						<x:c t="n"><x:v>7</x:v></x:c></x:row>
						<x:row><x:c/><x:c/><x:c t="str"><x:v>公式结果</x:v></x:c></x:row>
						<x:row r="5"><x:c r="B5" t="b"><x:v>1</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>
						</x:sheetData></x:worksheet>"""
					.formatted(MAIN));
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new XlsxWorkbookReader().read(xlsx, visitor);
		assertThat(visitor.rows).hasSize(3);
		assertThat(visitor.rows.get(0).cells()).containsExactly("甲", null, "丙", "7");
		assertThat(visitor.rows.get(1).cells()).containsExactly(null, null, "公式结果");
		assertThat(visitor.rows.get(2).number()).isEqualTo(5);
		assertThat(visitor.rows.get(2).cells()).containsExactly(null, "TRUE", "3");
	}

	@Test
	void datesOfA1904WorkbookAreTheDatesItShows() throws Exception {
		// 2022-10-04 is 44838 in the 1900 system and 43376 in the 1904 one.
		Path xlsx = workbook("<workbookPr date1904=\"1\"/>", """
				<worksheet xmlns="%s"><sheetData>
				<row r="1"><c r="A1" s="1"><v>43376</v></c><c r="B1"><v>43376</v></c></row>
				</sheetData></worksheet>""".formatted(MAIN));
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new XlsxWorkbookReader().read(xlsx, visitor);
		assertThat(visitor.rows).singleElement()
			.satisfies((row) -> assertThat(row.cells()).containsExactly("2022-10-04", "43376"));
	}

	private Path workbook(String workbookProperties, String sheet) throws Exception {
		Path xlsx = this.dir.resolve("exported.xlsx");
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
		String relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
		Map<String, String> parts = Map.of("[Content_Types].xml", xml
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
				+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
				+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
				+ "</Types>", "_rels/.rels",
				xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"" + relationships
						+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
				"xl/workbook.xml",
				xml + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + relationships + "\">" + workbookProperties
						+ "<sheets><sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
				"xl/_rels/workbook.xml.rels",
				xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"" + relationships
						+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + "<Relationship Id=\"rId2\" Type=\""
						+ relationships + "/styles\" Target=\"styles.xml\"/></Relationships>",
				"xl/styles.xml",
				xml + "<styleSheet xmlns=\"" + MAIN + "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
						+ "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>",
				"xl/worksheets/sheet1.xml", xml + sheet);
		try (OutputStream out = Files.newOutputStream(xlsx); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return xlsx;
	}

}
