package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link TempFileSharedStrings}: for every index it must give what POI's
 * {@code new ReadOnlySharedStringsTable(pkg, false)} gives, and leave no temporary file
 * behind. Workbooks are written with POI's {@code XSSFWorkbook} (which puts text in
 * {@code sharedStrings.xml}, as Excel does) and, for phonetic runs and escapes, with a
 * hand-written {@code sharedStrings.xml} swapped into such a file.
 */
class TempFileSharedStringsTests {

	private static final String SHARED_STRINGS = "xl/sharedStrings.xml";

	@TempDir
	Path dir;

	@TempDir
	Path tempFiles;

	@Test
	void givesWhatPoiGivesForTextWrittenByXssf() throws Exception {
		Path xlsx = this.dir.resolve("ledger.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
			XSSFSheet sheet = workbook.createSheet("东城街道台账");
			XSSFFont bold = workbook.createFont();
			bold.setBold(true);
			XSSFRichTextString rich = new XSSFRichTextString("园丁社区（整改中）");
			rich.applyFont(0, 4, bold);
			XSSFRow row = sheet.createRow(0);
			row.createCell(0).setCellValue("永康市消防安全隐患排查整治台账");
			row.createCell(1).setCellValue(rich);
			row.createCell(2).setCellValue("");
			row.createCell(3).setCellValue("居住出租房");
			row.createCell(4).setCellValue("𠀀𠀁 扩展B区");
			row.createCell(5).setCellValue("  leading and trailing  ");
			row.createCell(6).setCellValue("A&B <C> \"D\"");
			XSSFRow next = sheet.createRow(1);
			next.createCell(0).setCellValue("居住出租房");
			next.createCell(1).setCellValue(42);
			next.createCell(2).setCellValue("第二行\n换行");
			workbook.write(out);
		}
		List<String> strings = assertSameAsPoi(xlsx);
		assertThat(strings).containsExactly("永康市消防安全隐患排查整治台账", "园丁社区（整改中）", "", "居住出租房", "𠀀𠀁 扩展B区",
				"  leading and trailing  ", "A&B <C> \"D\"", "第二行\n换行");
	}

	@Test
	void skipsPhoneticRunsAndKeepsEscapesAsPoiDoes() throws Exception {
		Path xlsx = withSharedStrings("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="6">\
				<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>\
				<si><r><rPr><b/><sz val="11"/></rPr><t>永康</t></r><r><t xml:space="preserve"> 市 </t></r>\
				<rPh sb="0" eb="2"><t>ヨンカン</t></rPh></si>\
				<si><t>回车_x000D_换行_x0041_</t></si>\
				<si><t/></si>\
				<si><t>&#x20000;&amp;&lt;</t></si>\
				<si><rPh sb="0" eb="1"><t>only phonetic</t></rPh></si>\
				</sst>""");
		List<String> strings = assertSameAsPoi(xlsx);
		assertThat(strings).containsExactly("東京", "永康 市 ", "回车\r换行A", "", "𠀀&<", "");
		try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
				TempFileSharedStrings table = TempFileSharedStrings.read(pkg, this.tempFiles)) {
			assertThat(table.getCount()).isEqualTo(9);
			assertThat(table.getUniqueCount()).isEqualTo(6);
		}
	}

	@Test
	void countsFallBackToTheNumberOfStrings() throws Exception {
		Path xlsx = withSharedStrings("""
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
				<si><t>甲</t></si><si><t>乙</t></si></sst>""");
		try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
				TempFileSharedStrings strings = TempFileSharedStrings.read(pkg, this.tempFiles)) {
			assertThat(texts(strings)).containsExactly("甲", "乙");
			assertThat(strings.getCount()).isEqualTo(2);
			assertThat(strings.getUniqueCount()).isEqualTo(2);
		}
	}

	@Test
	void countsThatAreNoNumbersAreIgnored() throws Exception {
		Path xlsx = withSharedStrings(
				"""
						<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="abc" uniqueCount="99999999999">\
						<si><t>甲</t></si></sst>""");
		try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
				TempFileSharedStrings strings = TempFileSharedStrings.read(pkg, this.tempFiles)) {
			assertThat(texts(strings)).containsExactly("甲");
			assertThat(strings.getCount()).isEqualTo(1);
			assertThat(strings.getUniqueCount()).isEqualTo(1);
		}
	}

	@Test
	void aStringLongerThanACellIsCutOnePastTheLimit() throws Exception {
		StringBuilder varied = new StringBuilder();
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < 100_000; i++) {
			// Varied, or POI would take the part for a zip bomb.
			varied.append((char) ('一' + random.nextInt(2000)));
		}
		Path xlsx = withSharedStrings("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>"
				+ varied + "</t></si><si><t>乙</t></si></sst>");
		try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
				TempFileSharedStrings strings = TempFileSharedStrings.read(pkg, this.tempFiles)) {
			assertThat(strings.getItemAt(0).getString()).hasSize(CellValues.MAX_KEPT);
			assertThat(strings.getItemAt(1).getString()).isEqualTo("乙");
		}
	}

	@Test
	void emptyPartHasNoStrings() throws Exception {
		Path xlsx = withSharedStrings("");
		assertThat(assertSameAsPoi(xlsx)).isEmpty();
	}

	@Test
	void workbookWithoutSharedStringsPartHasNoStringsAndStillReads() throws Exception {
		Path xlsx = this.dir.resolve("no-sst.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
			XSSFRow row = workbook.createSheet("数字").createRow(0);
			row.createCell(0).setCellValue(1);
			row.createCell(1).setCellValue(2.5);
			workbook.write(out);
		}
		rewrite(xlsx, (name) -> !name.equals(SHARED_STRINGS), (name, xml) -> switch (name) {
			case "[Content_Types].xml" -> xml.replaceAll("<Override[^>]*sharedStrings[^>]*/>", "");
			case "xl/_rels/workbook.xml.rels" -> xml.replaceAll("<Relationship[^>]*sharedStrings[^>]*/>", "");
			default -> xml;
		});
		try (ZipFile zip = new ZipFile(xlsx.toFile())) {
			assertThat(zip.getEntry(SHARED_STRINGS)).isNull();
		}
		assertThat(assertSameAsPoi(xlsx)).isEmpty();
		try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
				TempFileSharedStrings strings = TempFileSharedStrings.read(pkg, this.tempFiles)) {
			assertThat(strings.getCount()).isZero();
			assertThat(strings.getUniqueCount()).isZero();
		}
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new XlsxWorkbookReader().read(xlsx, visitor);
		assertThat(visitor.rows).singleElement()
			.satisfies((row) -> assertThat(row.cells()).containsExactly("1", "2.5"));
	}

	@Test
	void aCellPointingPastTheSharedStringsMakesTheFileUnreadable() throws Exception {
		Path xlsx = withSharedStrings("""
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">\
				<si><t>甲</t></si></sst>""");
		rewrite(xlsx, (name) -> true,
				(name, xml) -> name.equals("xl/worksheets/sheet1.xml") ? xml.replace("<v>0</v>", "<v>99</v>") : xml);
		assertThatThrownBy(() -> new XlsxWorkbookReader().read(xlsx, new RecordingSheetVisitor()))
			.isInstanceOf(UnreadableFileException.class);
	}

	@Test
	void brokenPartLeavesNoTemporaryFile() throws Exception {
		Path xlsx = withSharedStrings("""
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>甲</t></si><si>""");
		try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
			assertThatThrownBy(() -> TempFileSharedStrings.read(pkg, this.tempFiles)).isInstanceOf(SAXException.class);
		}
		assertThat(temporaryFiles()).isEmpty();
	}

	@Test
	void closedTableRefusesLookups() throws Exception {
		Path xlsx = withSharedStrings("""
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>甲</t></si></sst>""");
		TempFileSharedStrings strings;
		try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
			strings = TempFileSharedStrings.read(pkg, this.tempFiles);
		}
		assertThat(strings.getItemAt(0).getString()).isEqualTo("甲");
		strings.close();
		strings.close();
		assertThat(temporaryFiles()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> strings.getItemAt(0)).withMessageContaining("closed");
	}

	/**
	 * Asserts that {@link TempFileSharedStrings} gives what POI gives for every index,
	 * throws past the end, and deletes its temporary file on close.
	 * @return the strings
	 */
	private List<String> assertSameAsPoi(Path xlsx) throws Exception {
		try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
			ReadOnlySharedStringsTable poi = new ReadOnlySharedStringsTable(pkg, false);
			List<String> expected = texts(poi);
			try (TempFileSharedStrings strings = TempFileSharedStrings.read(pkg, this.tempFiles)) {
				assertThat(temporaryFiles()).hasSize(1);
				assertThat(texts(strings)).containsExactlyElementsOf(expected);
				for (int i = 0; i < expected.size(); i++) {
					RichTextString ours = strings.getItemAt(i);
					RichTextString theirs = poi.getItemAt(i);
					assertThat(ours.toString()).isEqualTo(theirs.toString());
					assertThat(ours.getString()).isEqualTo(theirs.getString());
					assertThat(ours.length()).isEqualTo(theirs.length());
					// A string with escapes is POI's own rich text, decoded by POI.
					if (((XSSFRichTextString) theirs).getCTRst().getT().contains("_x")) {
						assertThat(ours).isInstanceOf(XSSFRichTextString.class);
					}
				}
				assertThat(strings.getCount()).isEqualTo(poi.getCount());
				assertThat(strings.getUniqueCount()).isEqualTo(poi.getUniqueCount());
				assertThatIllegalStateException().isThrownBy(() -> strings.getItemAt(expected.size()))
					.withMessageContaining("index " + expected.size());
				assertThatIllegalStateException().isThrownBy(() -> strings.getItemAt(-1));
			}
			assertThat(temporaryFiles()).isEmpty();
			return expected;
		}
	}

	/** The strings at 0, 1, … until the table says there are no more. */
	private static List<String> texts(SharedStrings strings) {
		List<String> texts = new ArrayList<>();
		while (true) {
			try {
				texts.add(strings.getItemAt(texts.size()).getString());
			}
			catch (IllegalStateException ex) {
				return texts;
			}
		}
	}

	private List<Path> temporaryFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.tempFiles)) {
			return files.toList();
		}
	}

	/** A one-sheet workbook written by POI with the given sharedStrings.xml instead. */
	private Path withSharedStrings(String xml) throws IOException {
		Path xlsx = this.dir.resolve("hand-made.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
			workbook.createSheet("台账").createRow(0).createCell(0).setCellValue("占位");
			workbook.write(out);
		}
		rewrite(xlsx, (name) -> true, (name, old) -> name.equals(SHARED_STRINGS) ? xml : old);
		return xlsx;
	}

	/**
	 * Rewrites the zip at {@code xlsx}: keeps the entries {@code keep} accepts, their
	 * text (all XML) passed through {@code edit}.
	 */
	private static void rewrite(Path xlsx, Predicate<String> keep, BiFunction<String, String, String> edit)
			throws IOException {
		Path rewritten = xlsx.resolveSibling(xlsx.getFileName() + ".new");
		try (ZipFile zip = new ZipFile(xlsx.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
			for (ZipEntry entry : zip.stream().toList()) {
				if (!keep.test(entry.getName())) {
					continue;
				}
				String text;
				try (InputStream in = zip.getInputStream(entry)) {
					text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(edit.apply(entry.getName(), text).getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		Files.move(rewritten, xlsx, StandardCopyOption.REPLACE_EXISTING);
	}

}
