package cn.yongkang.campaign.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.yongkang.campaign.ingest.RecordingSheetVisitor.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link XlsWorkbookReader}, through the real {@link LedgerTable}. Fixtures in
 * {@code src/test/resources/ingest/}, and how they were made:
 * <ul>
 * <li>{@code title-rows-and-merged-village.xls}, {@code hidden-first-sheet.xls},
 * {@code formula-cached-values.xls}, {@code dates-as-serial-and-text.xls}: written as
 * flat ODS and saved as “Excel 97–2003” by LibreOffice Calc 7.4 (driven through UNO with
 * a visible view under Xvfb, since Calc only exports a hidden first sheet when a view
 * says another sheet is active; formulas stored without results, so that Calc computed
 * them and wrote the cached values).
 * <li>{@code password-protected.xls}: saved by LibreOffice Calc with a password to open.
 * <li>{@code structure-protected.xls}: LibreOffice Calc, Protect Spreadsheet Structure
 * with a password; like Excel, Calc then encrypts the file with the default password
 * “VelvetSweatshop”, so it opens without a password.
 * <li>{@code excel95-format.xls}: Gnumeric 1.12
 * {@code ssconvert -T Gnumeric_Excel:excel_biff7} (Excel 5.0/95) from a LibreOffice .xls.
 * <li>{@code corrupt.xls}: {@code title-rows-and-merged-village.xls} with bytes 1536–6143
 * overwritten by random bytes; {@code truncated.xls}: its first 4096 bytes, as an
 * interrupted upload leaves it.
 * <li>{@code html-saved-as.xls}: LibreOffice's “HTML (StarCalc)” export renamed to .xls,
 * as web systems hand out “Excel” downloads.
 * <li>{@code cells-column-by-column.xls}: written record by record with POI's HSSF record
 * classes in a throwaway program, cells column by column as some report generators write
 * them (no office software does); LibreOffice opens it.
 * </ul>
 */
class XlsWorkbookReaderTests {

	private final List<RawRow> rows = new ArrayList<>();

	private final LedgerTable table = new LedgerTable(true, this.rows::add);

	@Test
	void findsHeaderBelowTitleRowsAndFillsMergedVillageDown() throws Exception {
		read("title-rows-and-merged-village.xls");
		assertThat(this.table.sheetName()).isEqualTo("东城街道台账");
		assertThat(this.table.headerRow()).isEqualTo(3);
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(4, 5, 6, 8, 9);
		assertThat(values(LedgerField.VILLAGE)).containsExactly("园丁社区", "园丁社区", "园丁社区", "卫星社区", "卫星社区");
		assertThat(values(LedgerField.HAZARD_REF)).containsExactly("DC-001", "DC-002", "DC-003", "DC-004", "DC-005");
		assertThat(values(LedgerField.CATEGORY)).containsExactly("居住出租房", "沿街店铺", "“三合一”企业", "居住出租房", "沿街店铺");
		assertThat(values(LedgerField.FOUND_ON)).containsExactly("2022-10-04", "2022-10-05", "2022-10-05", "2022-10-07",
				"2022-10-07");
		assertThat(values(LedgerField.RECTIFIED_ON)).containsExactly("2022-10-06", null, null, "2022-10-07",
				"2022-10-08");
		assertThat(values(LedgerField.CONTACT)).containsExactly("13800138000", "13800138001", "0579-87123456",
				"13912345678", null);
		// Row 7 is blank inside the table; rows 10 and 11 (a note in the 序号 column)
		// follow the last data row.
		assertThat(this.table.dataRows()).isEqualTo(5);
		assertThat(this.table.blankRows()).isEqualTo(1);
	}

	@Test
	void mergedCellsFillOnlyTheFirstColumnOfVerticalRanges() throws Exception {
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new XlsWorkbookReader().read(fixture("title-rows-and-merged-village.xls"), visitor);
		// The title spans A1:M1 and the date J2:M2: horizontal ranges are left alone.
		assertThat(visitor.rows.get(0).cells()).startsWith("永康市消防安全隐患排查整治台账", null, null);
		assertThat(visitor.rows.get(1).cells()).containsExactly("填报单位：东城街道（盖章）", null, null, null, null, null, null,
				null, null, "填报日期：2022年10月8日", null, null, null);
		assertThat(visitor.rows).extracting(RecordingSheetVisitor.Row::number)
			.containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 11);
	}

	@Test
	void readsVisibleSheetsFirstAndStopsAtTheLedger() throws Exception {
		read("hidden-first-sheet.xls");
		assertThat(this.table.sheetName()).isEqualTo("台账");
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(2, 3);
		assertThat(values(LedgerField.HAZARD_REF)).containsExactly("DC-101", "DC-102");
		assertThat(values(LedgerField.VILLAGE)).containsExactly("望春社区", "望春社区");
	}

	@Test
	void readsHiddenSheetsAfterTheVisibleOnesInWorkbookOrder() throws Exception {
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new XlsWorkbookReader().read(fixture("hidden-first-sheet.xls"), visitor);
		assertThat(visitor.started).containsExactly("填表说明", "台账", "旧台账", "备用");
		assertThat(visitor.ended).containsExactly("填表说明", "台账", "旧台账", "备用");
		assertThat(visitor.rowsOf("旧台账")).extracting(RecordingSheetVisitor.Row::number).containsExactly(1, 2);
	}

	@Test
	void skipSheetAbandonsThatSheetOnly() throws Exception {
		RecordingSheetVisitor visitor = new RecordingSheetVisitor(Set.of("旧台账"), Set.of("填表说明", "台账"));
		new XlsWorkbookReader().read(fixture("hidden-first-sheet.xls"), visitor);
		assertThat(visitor.started).containsExactly("填表说明", "台账", "旧台账");
		assertThat(visitor.ended).containsExactly("旧台账");
		assertThat(visitor.rows).extracting(RecordingSheetVisitor.Row::sheet).containsOnly("旧台账");
	}

	@Test
	void readsCachedValuesOfFormulas() throws Exception {
		read("formula-cached-values.xls");
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(2, 3);
		RawRow first = this.rows.get(0);
		assertThat(first.get(LedgerField.TOWNSHIP)).isEqualTo("东城街道");
		assertThat(first.get(LedgerField.VILLAGE)).isEqualTo("园丁社区");
		assertThat(first.get(LedgerField.PREMISES)).isEqualTo("TRUE");
		assertThat(first.get(LedgerField.ADDRESS)).isEqualTo("园丁路12号");
		assertThat(first.get(LedgerField.FOUND_ON)).isEqualTo("2022-10-04");
		assertThat(first.get(LedgerField.STATUS)).isEqualTo("已整改");
		assertThat(first.get(LedgerField.INSPECTOR)).isEqualTo("LI");
		assertThat(first.get(LedgerField.CONTACT)).isEqualTo("13800138000");
		RawRow second = this.rows.get(1);
		assertThat(second.get(LedgerField.PREMISES)).startsWith("#");
		assertThat(second.get(LedgerField.ADDRESS)).isEqualTo("园丁路18号");
		assertThat(second.get(LedgerField.FOUND_ON)).isEqualTo("2022-10-05");
		assertThat(second.get(LedgerField.STATUS)).isEqualTo("未整改");
		assertThat(second.get(LedgerField.RECTIFIED_ON)).as("a formula returning \"\"").isNull();
		assertThat(second.get(LedgerField.CONTACT)).startsWith("#");
	}

	@Test
	void turnsDateCellsIntoIsoDatesAndKeepsOtherNumbersPlain() throws Exception {
		read("dates-as-serial-and-text.xls");
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
		assertThat(values(LedgerField.FOUND_ON)).containsExactly("2022-10-04", // date
																				// cell,
																				// yyyy-mm-dd
				"2022-10-04", // date cell, yyyy年m月d日
				"2022-10-04", // date cell, m/d/yyyy
				"44838", // serial number without a date format
				"2022/10/4", "2022.10.4", "20221004", // text
				"20221004", // number
				"2022年10月4日", // text
				"2022-10-04"); // date and time cell
		assertThat(values(LedgerField.RECTIFIED_ON).subList(0, 3)).containsOnly("2022-10-06");
		// A number, text, and a number formatted with thousands separators.
		assertThat(values(LedgerField.CONTACT).subList(0, 3)).containsOnly("13800138000");
	}

	@Test
	void buffersSheetsWhoseCellsComeColumnByColumn() throws Exception {
		read("cells-column-by-column.xls");
		assertThat(this.table.headerRow()).isEqualTo(1);
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(2, 4);
		assertThat(values(LedgerField.ADDRESS)).containsExactly("溪心路2号", "溪心路6号");
		assertThat(values(LedgerField.STATUS)).containsExactly("未整改", "已整改");
		assertThat(this.table.blankRows()).isEqualTo(1);
	}

	@Test
	void readsWorkbookEncryptedWithExcelsDefaultPassword() throws Exception {
		read("structure-protected.xls");
		assertThat(this.rows).singleElement()
			.satisfies((row) -> assertThat(row.get(LedgerField.HAZARD)).isEqualTo("电动自行车在楼道内充电"));
	}

	@Test
	void passwordToOpenIsUnreadable() {
		assertUnreadable("password-protected.xls", FileProblems.ENCRYPTED);
	}

	@Test
	void excel95IsUnreadable() {
		assertUnreadable("excel95-format.xls", FileProblems.OLD_EXCEL);
	}

	@Test
	void damagedFilesAreCorrupt() {
		assertUnreadable("corrupt.xls", FileProblems.CORRUPT);
		assertUnreadable("truncated.xls", FileProblems.CORRUPT);
	}

	@Test
	void htmlSavedAsXlsIsCaughtBeforeAndCorruptHere() {
		assertThatExceptionOfType(UnreadableFileException.class)
			.isThrownBy(() -> FileFormat.detect(fixture("html-saved-as.xls")))
			.withMessage(FileProblems.HTML);
		assertUnreadable("html-saved-as.xls", FileProblems.CORRUPT);
	}

	@Test
	void anOle2FileWithoutAWorkbookIsNamedAsNoSpreadsheet(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("台账.et");
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
			fs.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
			fs.writeFilesystem(out);
		}
		assertThat(FileFormat.detect(file)).isEqualTo(FileFormat.XLS);
		assertThatExceptionOfType(UnreadableFileException.class)
			.isThrownBy(() -> new XlsWorkbookReader().read(file, this.table))
			.withMessage(FileProblems.NOT_A_WORKBOOK);
	}

	@Test
	void missingFileIsAnIoErrorNotAClerksProblem(@TempDir Path dir) {
		assertThatIOException().isThrownBy(() -> new XlsWorkbookReader().read(dir.resolve("gone.xls"), this.table))
			.isInstanceOf(NoSuchFileException.class);
	}

	@Test
	void failuresOfTheVisitorPassThroughUnchanged() {
		IllegalStateException failure = new IllegalStateException("database down");
		LedgerTable failing = new LedgerTable(true, (row) -> {
			throw failure;
		});
		assertThatThrownBy(() -> new XlsWorkbookReader().read(fixture("hidden-first-sheet.xls"), failing))
			.isSameAs(failure);
	}

	private void read(String fixture) throws IOException, UnreadableFileException {
		new XlsWorkbookReader().read(fixture(fixture), this.table);
		this.table.requireHeader();
	}

	private List<String> values(LedgerField field) {
		return this.rows.stream().map((row) -> row.get(field)).toList();
	}

	private void assertUnreadable(String fixture, String reason) {
		assertThatExceptionOfType(UnreadableFileException.class)
			.isThrownBy(() -> new XlsWorkbookReader().read(fixture(fixture), this.table))
			.withMessage(reason);
	}

}
