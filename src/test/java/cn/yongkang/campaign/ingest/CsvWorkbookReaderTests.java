package cn.yongkang.campaign.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.yongkang.campaign.ingest.RecordingSheetVisitor.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link CsvWorkbookReader}, through the real {@link LedgerTable}. Fixtures in
 * {@code src/test/resources/ingest/}, all exported by LibreOffice Calc 7.4 from flat ODS
 * sheets with “Text CSV” and “save cell contents as shown” (so dates come out as
 * displayed, 2022/10/4, as Excel writes them):
 * <ul>
 * <li>{@code gbk-encoded.csv}: comma, character set GBK, text unquoted: what Excel's “CSV
 * (逗号分隔)” writes on Chinese Windows (Calc ends lines with LF where Excel writes CRLF).
 * <li>{@code utf8-no-bom.csv}: comma, UTF-8.
 * <li>{@code utf8-bom.csv}: comma, UTF-8, with the byte-order mark that Excel's “CSV
 * UTF-8” writes prepended by hand (Calc 7.4 cannot write one).
 * <li>{@code utf16-tab-separated.txt}: tab, character set “Unicode” (UTF-16LE with BOM),
 * as Excel's “Unicode 文本” writes.
 * <li>{@code quoted-multiline.csv}: UTF-8, cells with line breaks (Alt+Enter), commas and
 * quotes.
 * <li>{@code pdf-renamed.csv}: Calc's PDF export of a ledger, renamed.
 * </ul>
 * Cases no office software writes on purpose (empty lines, the 64 KiB boundary) use files
 * written by the test.
 */
class CsvWorkbookReaderTests {

	private final List<RawRow> rows = new ArrayList<>();

	private final LedgerTable table = new LedgerTable(true, this.rows::add);

	@TempDir
	Path dir;

	@Test
	void readsGbkWithTitleRowsAndBlankRow() throws Exception {
		read(fixture("gbk-encoded.csv"));
		assertThat(this.table.sheetName()).isEqualTo("gbk-encoded");
		assertThat(this.table.headerRow()).isEqualTo(3);
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(4, 5, 7);
		assertThat(values(LedgerField.TOWNSHIP)).containsOnly("西城街道");
		assertThat(values(LedgerField.VILLAGE)).containsExactly("城西社区", "城西社区", "花街社区");
		assertThat(values(LedgerField.PREMISES)).containsExactly("陈某出租房", "兴旺五金店", "永康市某某电器厂");
		assertThat(values(LedgerField.FOUND_ON)).containsExactly("2022/10/4", "2022/10/5", "2022/10/6");
		assertThat(values(LedgerField.RECTIFIED_ON)).containsExactly("2022/10/6", null, null);
		assertThat(values(LedgerField.CONTACT)).containsExactly("13800138000", "13800138001", null);
		assertThat(this.table.dataRows()).isEqualTo(3);
		assertThat(this.table.blankRows()).isEqualTo(1);
	}

	@Test
	void readsUtf8WithoutBom() throws Exception {
		read(fixture("utf8-no-bom.csv"));
		assertThat(this.table.headerRow()).isEqualTo(1);
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(2, 5);
		assertThat(values(LedgerField.HAZARD)).containsExactly("楼道堆放杂物", "未配置灭火器");
		assertThat(values(LedgerField.PREMISES)).containsExactly(null, "小卖部");
		assertThat(values(LedgerField.CONTACT)).containsExactly("13800138000", null);
		assertThat(this.table.blankRows()).isEqualTo(2);
	}

	@Test
	void dropsUtf8Bom() throws Exception {
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new CsvWorkbookReader().read(fixture("utf8-bom.csv"), visitor);
		assertThat(visitor.rows.get(0).cells()).startsWith("序号", "乡镇（街道）");
		read(fixture("utf8-bom.csv"));
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(2, 3);
		assertThat(values(LedgerField.ADDRESS)).containsExactly("城西路5号,后门", "城西路7号");
	}

	@Test
	void readsExcelUnicodeTextAsTabSeparatedUtf16() throws Exception {
		read(fixture("utf16-tab-separated.txt"));
		assertThat(this.table.sheetName()).isEqualTo("utf16-tab-separated");
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(2, 3);
		assertThat(values(LedgerField.ADDRESS)).containsExactly("城西路5号,后门", "城西路7号");
		assertThat(values(LedgerField.STATUS)).containsExactly("已整改", "未整改");
		assertThat(values(LedgerField.CONTACT)).containsExactly("13800138000", "13800138001");
	}

	@Test
	void countsRecordsNotLinesForQuotedLineBreaks() throws Exception {
		read(fixture("quoted-multiline.csv"));
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(2, 3, 4, 5);
		RawRow first = this.rows.get(0);
		assertThat(first.get(LedgerField.CATEGORY)).isEqualTo("\"三合一\"企业");
		assertThat(first.get(LedgerField.PREMISES)).isEqualTo("胡某\"老字号\"小吃");
		assertThat(first.get(LedgerField.ADDRESS)).isEqualTo("城西路12号,3楼");
		assertThat(first.get(LedgerField.HAZARD)).isEqualTo("电动自行车在楼道内充电\n且占用疏散通道");
		assertThat(first.get(LedgerField.CONTACT)).isEqualTo("13800138000");
		assertThat(this.rows.get(2).get(LedgerField.HAZARD)).isEqualTo("私拉电线\n插座超负荷\n无烟感报警器");
		assertThat(this.rows.get(3).get(LedgerField.HAZARD)).isEqualTo("楼梯间堆放可燃物");
	}

	@Test
	void binaryFileIsCorrupt() {
		assertThatExceptionOfType(UnreadableFileException.class)
			.isThrownBy(() -> new CsvWorkbookReader().read(fixture("pdf-renamed.csv"), this.table))
			.withMessage(FileProblems.CORRUPT);
	}

	@Test
	void reportsEmptyLinesAsRowsOfEmptyCells() throws Exception {
		Path file = write("empty-lines.csv",
				"乡镇（街道）,村（社区）,场所类型,地址,隐患描述,排查日期,整改情况\r\n\r\n"
						+ "东城街道,园丁社区,居住出租房,园丁路1号,楼道堆放杂物,2022-10-04,未整改\r\n\r\n\r\n"
						+ "东城街道,园丁社区,沿街店铺,园丁路3号,灭火器过期,2022-10-05,已整改\r\n\r\n");
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new CsvWorkbookReader().read(file, visitor);
		assertThat(visitor.rows).extracting(RecordingSheetVisitor.Row::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
		assertThat(visitor.rows.get(1).cells()).containsOnlyNulls();
		read(file);
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(3, 6);
		assertThat(this.table.blankRows()).isEqualTo(3);
	}

	@Test
	void choosesUtf8WhenAMultibyteCharacterStraddlesTheSniffedHead() throws Exception {
		byte[] filler = new byte[64 * 1024 - 1];
		Arrays.fill(filler, (byte) 'x');
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(filler);
		bytes.write("东城街道,园丁社区\n".getBytes(StandardCharsets.UTF_8));
		Path file = this.dir.resolve("long-first-line.csv");
		Files.write(file, bytes.toByteArray());
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new CsvWorkbookReader().read(file, visitor);
		assertThat(visitor.rows).singleElement().satisfies((row) -> {
			// Longer than a cell can hold: cut one past the limit, for validation to
			// reject; the next cell shows the encoding was right.
			assertThat(row.cells().get(0).length()).isEqualTo(CellValues.MAX_KEPT);
			assertThat(row.cells().get(1)).isEqualTo("园丁社区");
		});
	}

	@Test
	void replacesMalformedBytesAfterTheSniffedHead() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write("地址,隐患描述\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 5000; i++) {
			bytes.write("园丁路1号,楼道堆放杂物\n".getBytes(StandardCharsets.UTF_8));
		}
		bytes.write(new byte[] { 'a', (byte) 0xB6, (byte) 0xAB, '\n' });
		Path file = this.dir.resolve("stray-gbk.csv");
		Files.write(file, bytes.toByteArray());
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new CsvWorkbookReader().read(file, visitor);
		assertThat(visitor.rows).hasSize(5002);
		assertThat(visitor.rows.get(5001).cells()).singleElement().asString().startsWith("a\uFFFD");
	}

	@Test
	void detectsTheDelimiterFromTheFirstLines() throws Exception {
		assertThat(CsvWorkbookReader.delimiter("标题\n序号,地址,隐患描述\n1,\"城西路5号\t后门\",x\n")).isEqualTo(',');
		assertThat(CsvWorkbookReader.delimiter("序号\t地址\t隐患描述\n1\t\"城西路5号,后门,东\"\tx\n")).isEqualTo('\t');
		assertThat(CsvWorkbookReader.delimiter("序号;地址;隐患描述\n1;城西路5号,后门;x\n")).isEqualTo(';');
		assertThat(CsvWorkbookReader.delimiter("永康市消防安全隐患排查整治台账\n")).isEqualTo(',');
		Path file = write("semicolons.csv",
				"乡镇（街道）;村（社区）;场所类型;地址;隐患描述;排查日期;整改情况\n" + "东城街道;园丁社区;居住出租房;园丁路1号,后门;楼道堆放杂物;2022-10-04;未整改\n");
		read(file);
		assertThat(values(LedgerField.ADDRESS)).containsExactly("园丁路1号,后门");
	}

	@Test
	void skipSheetEndsTheFile() throws Exception {
		RecordingSheetVisitor visitor = new RecordingSheetVisitor(Set.of(), Set.of("gbk-encoded"));
		new CsvWorkbookReader().read(fixture("gbk-encoded.csv"), visitor);
		assertThat(visitor.started).containsExactly("gbk-encoded");
		assertThat(visitor.rows).isEmpty();
		assertThat(visitor.ended).isEmpty();
	}

	@Test
	void failuresOfTheVisitorPassThroughUnchanged() {
		IllegalStateException failure = new IllegalStateException("database down");
		LedgerTable failing = new LedgerTable(true, (row) -> {
			throw failure;
		});
		assertThatThrownBy(() -> new CsvWorkbookReader().read(fixture("gbk-encoded.csv"), failing)).isSameAs(failure);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content, StandardCharsets.UTF_8);
	}

	private void read(Path file) throws IOException, UnreadableFileException {
		new CsvWorkbookReader().read(file, this.table);
		this.table.requireHeader();
	}

	private List<String> values(LedgerField field) {
		return this.rows.stream().map((row) -> row.get(field)).toList();
	}

}
