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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
	void mergedCellsAfterTheCellsFillDownWithOrWithoutAPrefix() throws Exception {
		for (String p : new String[] { "", "x:" }) {
			String ns = p.isEmpty() ? "xmlns" : "xmlns:x";
			Path xlsx = workbook("<workbookPr/>",
					"""
							<%1$sworksheet %2$s="%3$s"><%1$ssheetData>
							<%1$srow r="1"><%1$sc r="A1" t="inlineStr"><%1$sis><%1$st>园丁社区</%1$st></%1$sis></%1$sc>					<%1$sc r="B1"><%1$sv>1</%1$sv></%1$sc></%1$srow>
							<%1$srow r="2"><%1$sc r="B2"><%1$sv>2</%1$sv></%1$sc></%1$srow>
							</%1$ssheetData><%1$smergeCells count="1"><%1$smergeCell ref="A1:A2"/></%1$smergeCells></%1$sworksheet>"""
						.formatted(p, ns, MAIN));
			RecordingSheetVisitor visitor = new RecordingSheetVisitor();
			new XlsxWorkbookReader().read(xlsx, visitor);
			assertThat(visitor.rows).as(p).hasSize(2);
			assertThat(visitor.rows.get(1).cells()).as(p).containsExactly("园丁社区", "2");
		}
	}

	@Test
	void rowNumbersOutsideExcelOrNotNumbersRefuseTheFile() throws Exception {
		for (String row : new String[] { "0", "1048577", "abc" }) {
			Path xlsx = workbook("<workbookPr/>", "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"" + row
					+ "\"><c r=\"A1\" t=\"inlineStr\"><is><t>乡镇（街道）</t></is></c></row></sheetData></worksheet>");
			assertThatThrownBy(() -> LedgerFiles.read(xlsx, true, (raw) -> {
			})).as(row)
				.hasMessage(row.equals("abc") ? FileProblems.CORRUPT : "工作表“台账”中有行号" + row
						+ "，超出Excel的行数范围（1至1048576），文件可能已损坏或被其他软件改写。请在Excel或WPS中打开，另存为.xlsx后重新上传");
		}
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

	@Test
	void cellsOfEveryKindGiveTheTextExcelShows() throws Exception {
		// A formula's cached value, a formula's string, a boolean, an error, an ISO date
		// cell, an escaped inline string, CDATA and a comment inside a value, a rich
		// inline string in runs, and a number cell whose style is a date.
		Path xlsx = workbook("<workbookPr/>",
				"""
						<worksheet xmlns="%s" xmlns:mc="urn:other"><sheetData>
						<row r="1"><c r="A1"><f>1+2</f><v>3</v></c><c r="B1" t="str"><f>A1&amp;"x"</f><v>3x</v></c>				<c r="C1" t="b"><v>0</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d"><v>2022-10-04T00:00:00</v></c>				<c r="F1" t="inlineStr"><is><t>A_x0042_C</t></is></c><c r="G1"><v><![CDATA[1]]><!-- two -->2</v></c>				<c r="H1" t="inlineStr"><is><r><t>东城</t></r><r><t xml:space="preserve">街道 </t></r></is></c>				<c r="I1" s="1"><v>44838</v></c><mc:c r="J1"><mc:v>9</mc:v></mc:c></row>
						</sheetData></worksheet>"""
					.formatted(MAIN));
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new XlsxWorkbookReader().read(xlsx, visitor);
		assertThat(visitor.rows).singleElement()
			.satisfies((row) -> assertThat(row.cells()).containsExactly("3", "3x", "FALSE", "ERROR:#N/A",
					"2022-10-04T00:00:00", "ABC", "12", "东城街道 ", "2022-10-04"));
	}

	@Test
	void aSheetInUtf16IsReadToo() throws Exception {
		String sheet = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>东城街道</t></is></c></row></sheetData></worksheet>";
		Path xlsx = workbook("<workbookPr/>", Map.of("xl/worksheets/sheet1.xml",
				concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, sheet.getBytes(StandardCharsets.UTF_16LE))));
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new XlsxWorkbookReader().read(xlsx, visitor);
		assertThat(visitor.rows).singleElement().satisfies((row) -> assertThat(row.cells()).containsExactly("东城街道"));
	}

	@Test
	void entitiesOfADoctypeMakeTheFileUnreadableAndReadNothing() throws Exception {
		Path secret = Files.writeString(this.dir.resolve("secret.txt"), "机密");
		String external = "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>";
		String laughs = "<!DOCTYPE worksheet [<!ENTITY a \"哈哈哈哈哈哈哈哈哈哈\">"
				+ "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
				+ "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>";
		for (String[] attack : new String[][] { { external, "&x;" }, { laughs, "&e;" } }) {
			Path xlsx = workbook("<workbookPr/>",
					attack[0] + "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">"
							+ "<c r=\"A1\" t=\"inlineStr\"><is><t>" + attack[1]
							+ "</t></is></c></row></sheetData></worksheet>");
			RecordingSheetVisitor visitor = new RecordingSheetVisitor();
			assertThatThrownBy(() -> new XlsxWorkbookReader().read(xlsx, visitor))
				.isInstanceOf(UnreadableFileException.class)
				.hasMessage(FileProblems.CORRUPT);
			assertThat(visitor.rows).isEmpty();
		}
	}

	@Test
	void aCellOfMillionsOfCharactersKeepsWhatACellMayHold() throws Exception {
		// Random text: POI refuses a part that compresses like a zip bomb.
		java.util.Random random = new java.util.Random(7);
		StringBuilder sheet = new StringBuilder(
				"<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">" + "<c r=\"A1\" t=\"inlineStr\"><is><t>");
		random.ints(3_000_000, 0x4E00, 0x9FA5).forEach(sheet::appendCodePoint);
		sheet.append("&amp;</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t><![CDATA[");
		random.ints(100_000, 'a', 'z' + 1).forEach(sheet::appendCodePoint);
		sheet.append("]]><!--");
		random.ints(100_000, 'a', 'z' + 1).forEach(sheet::appendCodePoint);
		sheet.append("--></t></is></c><c r=\"C1\"><v>7</v></c></row></sheetData></worksheet>");
		Path xlsx = workbook("<workbookPr/>", sheet.toString());
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new XlsxWorkbookReader().read(xlsx, visitor);
		assertThat(visitor.rows).singleElement().satisfies((row) -> {
			assertThat(row.cells().get(0)).hasSize(CellValues.MAX_KEPT).matches("[\\u4E00-\\u9FA5]+");
			assertThat(row.cells().get(1)).hasSize(CellValues.MAX_KEPT).matches("[a-z]+");
			assertThat(row.cells().get(2)).isEqualTo("7");
		});
	}

	@Test
	void aTagLongerThanAnySpreadsheetWritesMakesTheFileUnreadable() throws Exception {
		java.util.Random random = new java.util.Random(11);
		StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\" x=\"");
		random.ints(BoundedXml.MAX_MARKUP, 'a', 'z' + 1).forEach(sheet::appendCodePoint);
		sheet.append("\"/></sheetData></worksheet>");
		Path xlsx = workbook("<workbookPr/>", sheet.toString());
		assertThatThrownBy(() -> new XlsxWorkbookReader().read(xlsx, new RecordingSheetVisitor()))
			.isInstanceOf(UnreadableFileException.class)
			.hasMessage(FileProblems.CORRUPT);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private Path workbook(String workbookProperties, String sheet) throws Exception {
		return workbook(workbookProperties, Map.of("xl/worksheets/sheet1.xml",
				("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sheet).getBytes(StandardCharsets.UTF_8)));
	}

	private Path workbook(String workbookProperties, Map<String, byte[]> sheets) throws Exception {
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
				"xl/styles.xml", xml + "<styleSheet xmlns=\"" + MAIN + "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
						+ "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
		try (OutputStream out = Files.newOutputStream(xlsx); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			for (Map.Entry<String, byte[]> part : sheets.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue());
				zip.closeEntry();
			}
		}
		return xlsx;
	}

}
