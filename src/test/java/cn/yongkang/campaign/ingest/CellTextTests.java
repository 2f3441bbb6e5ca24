package cn.yongkang.campaign.ingest;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numeric cells as validation sees them: dates in any display format become ISO dates,
 * other numbers plain digits.
 */
class CellTextTests {

	@TempDir
	Path dir;

	@Test
	void datesInAnyFormatBecomeIsoDates() {
		CellText text = new CellText();
		assertThat(text.formatRawCellContents(44838, 14, "m/d/yy", false)).isEqualTo("2022-10-04");
		assertThat(text.formatRawCellContents(44838.4375, 22, "m/d/yy h:mm", false)).isEqualTo("2022-10-04");
		assertThat(text.formatRawCellContents(44838, 176, "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", false))
			.isEqualTo("2022-10-04");
		// zh-CN Excel's built-in 2022年10月4日, referred to by number only.
		assertThat(text.formatRawCellContents(44838, 31, "reserved-0x1F", false)).isEqualTo("2022-10-04");
		assertThat(text.formatRawCellContents(44838, 57, null, false)).isEqualTo("2022-10-04");
	}

	@Test
	void otherNumbersKeepTheirDigits() {
		CellText text = new CellText();
		assertThat(text.formatRawCellContents(13812345678d, 0, "General", false)).isEqualTo("13812345678");
		assertThat(text.formatRawCellContents(20221004, 3, "#,##0", false)).isEqualTo("20221004");
		assertThat(CellText.plainNumber("1.3812345678E10")).isEqualTo("13812345678");
	}

	@Test
	void theShortWayForWholeNumbersGivesWhatPoiGives() {
		CellText text = new CellText();
		CellText mac = new CellText(true);
		for (double value : new double[] { 0, -0.0, 1, 59, 60, 61, 366, 2958465, 2958466, 44838, -3, 13812345678d,
				999999999999999d, 1e15, 123.5, 44838.99999999, 1e20 }) {
			for (boolean date : new boolean[] { false, true }) {
				String expected = date ? text.formatRawCellContents(value, 14, "m/d/yy", false)
						: text.formatRawCellContents(value, 0, "General", false);
				assertThat(text.number(value, date)).as("%s as %s", value, date ? "date" : "number")
					.isEqualTo(expected);
				assertThat(text.number(value, date)).as("%s again", value).isEqualTo(expected);
			}
			assertThat(mac.number(value, true)).as("%s in 1904", value)
				.isEqualTo(mac.formatRawCellContents(value, 14, "m/d/yy", true));
		}
	}

	@Test
	void anExponentBeyondAnyRealNumberStaysText() {
		assertThat(CellText.plainNumber("1E999999999")).isEqualTo("1E999999999");
		assertThat(CellText.plainNumber("1E2147483647")).isEqualTo("1E2147483647");
		assertThat(CellText.plainNumber("-1E-2147483648")).isEqualTo("-1E-2147483648");
		assertThat(CellText.plainNumber("5E999")).isEqualTo("5E999");
		assertThat(CellText.plainNumber("1.5E-3")).isEqualTo("0.0015");
	}

	@Test
	void anEastAsianBuiltInDateFormatIsReadAsADate() throws Exception {
		Path xlsx = this.dir.resolve("zh-date.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
			CellStyle chinese = workbook.createCellStyle();
			chinese.setDataFormat((short) 31);
			XSSFRow row = workbook.createSheet("台账").createRow(0);
			row.createCell(0).setCellValue(LocalDate.of(2022, 10, 4));
			row.getCell(0).setCellStyle(chinese);
			workbook.write(out);
		}
		RecordingSheetVisitor visitor = new RecordingSheetVisitor();
		new XlsxWorkbookReader().read(xlsx, visitor);
		assertThat(visitor.rows).singleElement()
			.satisfies((row) -> assertThat(row.cells()).containsExactly("2022-10-04"));
	}

}
