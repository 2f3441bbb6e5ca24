package cn.yongkang.campaign.validate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.yongkang.campaign.registry.Registry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 退回清单 a clerk can act on: a first line saying what it is about, the reasons wrapped in
 * a wide column, the offending cells highlighted, suggestions, no empty sheets, one page
 * wide when printed with the header on every page, and no cell Excel would run.
 */
class FeedbackWorkbookTests {

	private static final Registry REGISTRY = Registry.load(Path.of("jobs"));

	private static final LocalDate DATE = LocalDate.of(2022, 10, 4);

	private final RowValidator rules = new RowValidator(REGISTRY, REGISTRY.township("东城街道").orElseThrow(), DATE);

	@TempDir
	Path folder;

	@Test
	void rejectedRowsWithHeadingHighlightsAndSuggestions() throws Exception {
		String[] values = { null, "东城街道", "荆山下村", "出租户", "=HYPERLINK(\"http://x\")", "古山一村2号", "电动车室内充电", "2022-09-15",
				"未整改", null, null, "+86 138 0013 8000" };
		RowOutcome outcome = this.rules.check(12, values);
		String heading = FeedbackWorkbook.uploadHeading("东城街道", "台账.xlsx", DATE, 10, 9, 1, 0, null);
		Path file = this.folder.resolve(FeedbackWorkbook.fileName("东城街道", DATE));
		try (FeedbackWorkbook workbook = new FeedbackWorkbook(heading)) {
			workbook.rejected("台账.xlsx", 12, outcome.reasons(), outcome.values(), outcome.problems());
			workbook.write(file);
		}
		assertThat(file.getFileName().toString()).isEqualTo("东城街道-2022-10-04-退回清单.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			assertThat(workbook.getNumberOfSheets()).as("no empty sheets").isEqualTo(1);
			XSSFSheet sheet = workbook.getSheet("退回清单");
			String first = sheet.getRow(0).getCell(0).getStringCellValue();
			assertThat(first).startsWith("东城街道于2022-10-04上传的“台账.xlsx”").contains("共10行，接收9行，退回1行", "标黄的单元格", "重新上传");
			assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 15));
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("退回原因");
			assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).as("frozen under the header")
				.isEqualTo((short) 2);

			Cell reasons = sheet.getRow(2).getCell(2);
			assertThat(reasons.getStringCellValue())
				.isEqualTo("村（社区）“荆山下村”不属于东城街道；场所类型“出租户”不是可选类型（居住出租房、沿街店铺、“三合一”企业）");
			assertThat(reasons.getCellStyle().getWrapText()).isTrue();
			assertThat(sheet.getRow(2).getHeightInPoints()).as("tall enough for the wrapped reasons")
				.isGreaterThanOrEqualTo(3 * 15f);
			assertThat(sheet.getColumnWidth(2)).as("the widest column").isGreaterThanOrEqualTo(36 * 256);
			assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("村（社区）：可能是“荆山夏村”；场所类型：可能是“居住出租房”");

			List<Integer> highlighted = Arrays.stream(new int[] { 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 })
				.filter((column) -> isHighlighted(sheet.getRow(2).getCell(column)))
				.boxed()
				.toList();
			assertThat(highlighted).as("村（社区） and 场所类型 only").containsExactly(6, 7);

			assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(sheet.getRow(2).getCell(15).getStringCellValue()).isEqualTo("'+86 138 0013 8000");

			PrintSetup print = sheet.getPrintSetup();
			assertThat(print.getLandscape()).isTrue();
			assertThat(print.getFitWidth()).isEqualTo((short) 1);
			assertThat(print.getFitHeight()).isEqualTo((short) 0);
			assertThat(sheet.getFitToPage()).isTrue();
			assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("2:2"));
		}
	}

	@Test
	void sheetsOnlyForWhatThereIsInAFixedOrder() throws Exception {
		Path file = this.folder.resolve("x.xlsx");
		try (FeedbackWorkbook workbook = new FeedbackWorkbook(FeedbackWorkbook.nightHeading("东城街道", DATE, 0, 1, 1))) {
			workbook.warning("b.csv", 4, "联系电话“12345”不像有效的手机或固定电话号码，请核对", "店", "地址", "描述");
			workbook.unreadable("a.xlsx", "文件为空（0字节）。请重新导出台账后上传");
			workbook.write(file);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			assertThat(workbook.getSheetName(0)).isEqualTo("无法读取的文件");
			assertThat(workbook.getSheetName(1)).isEqualTo("提示");
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("东城街道：2022-10-04上传的台账（当晚汇总处理）中，1个文件无法读取，1行已接收但有提示。"
						+ "请按“退回原因”和“修改建议”改正标黄的单元格（行号即原表格中的行号），改正后重新上传完整台账；“提示”页的行已接收，请核对。");
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).startsWith("文件为空");
		}
	}

	@Test
	void aCleanCheckStillSaysSo() throws Exception {
		Path file = this.folder.resolve("clean.xlsx");
		try (FeedbackWorkbook workbook = new FeedbackWorkbook(
				FeedbackWorkbook.uploadHeading("东城街道", "台账.xlsx", DATE, 3, 3, 0, 0, null))) {
			workbook.write(file);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("没有退回的行");
		}
	}

	private static boolean isHighlighted(Cell cell) {
		return cell != null && cell.getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND
				&& cell.getCellStyle().getFillForegroundColor() == IndexedColors.YELLOW.getIndex();
	}

}
