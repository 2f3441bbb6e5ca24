package cn.yongkang.campaign.selfservice;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.ingest.LedgerField;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.registry.Village;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The township's ledger template: the header the night looks for, the dropdowns and date
 * rules, and, filled in correctly with POI the way a program would, zero rejections by
 * the night's reader and rules.
 */
class LedgerTemplateTests {

	static final Registry REGISTRY = Registry.load(Path.of("jobs"));

	static final Campaign CAMPAIGN = CampaignCatalog.load(Path.of("jobs")).get("shuangyue-2022");

	static final Township DONGCHENG = REGISTRY.township("东城街道").orElseThrow();

	@TempDir
	Path folder;

	@Test
	void headerSheetsAndFrozenRow() throws Exception {
		Path file = template(DONGCHENG);
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
				.containsExactly("台账", "填报说明", "选项");
			assertThat(workbook.isSheetHidden(2)).isTrue();
			XSSFSheet ledger = workbook.getSheet("台账");
			List<String> header = new ArrayList<>();
			ledger.getRow(0).forEach((cell) -> header.add(cell.getStringCellValue()));
			assertThat(header).containsExactly("隐患编号", "乡镇（街道）", "村（社区）", "场所类型", "场所名称", "地址", "隐患描述", "排查日期", "整改情况",
					"整改日期", "排查人", "联系电话");
			assertThat(ledger.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
			assertThat(ledger.getColumnStyle(LedgerField.CONTACT.ordinal()).getDataFormatString()).isEqualTo("@");
			assertThat(ledger.getColumnStyle(LedgerField.HAZARD_REF.ordinal()).getDataFormatString()).isEqualTo("@");
			assertThat(ledger.getColumnStyle(LedgerField.FOUND_ON.ordinal()).getDataFormatString())
				.isEqualTo("yyyy-mm-dd");
			String notes = text(workbook.getSheet("填报说明"));
			assertThat(notes).contains("东城街道", "村（社区）", "必填", "2022-09-01", "已整改的必填");
		}
	}

	@Test
	void dropdownsOfTheTownshipsOwnVillagesCategoriesAndStatusWords() throws Exception {
		Path file = template(DONGCHENG);
		try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
			XSSFSheet ledger = workbook.getSheet("台账");
			DataValidation village = validation(ledger, LedgerField.VILLAGE);
			assertThat(village.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
			assertThat(village.getValidationConstraint().getFormula1()).isEqualTo("本单位村社区");
			assertThat(village.getRegions().getCellRangeAddress(0))
				.isEqualTo(new CellRangeAddress(1, LedgerTemplate.ROWS, 2, 2));
			String range = workbook.getName("本单位村社区").getRefersToFormula();
			List<String> own = REGISTRY.villages()
				.stream()
				.filter((v) -> v.townshipCode().equals(DONGCHENG.code()))
				.map(Village::name)
				.toList();
			assertThat(range).isEqualTo("'选项'!$A$2:$A$" + (own.size() + 1));
			List<String> listed = new ArrayList<>();
			XSSFSheet lists = workbook.getSheet("选项");
			for (int i = 1; i <= own.size(); i++) {
				listed.add(lists.getRow(i).getCell(0).getStringCellValue());
			}
			assertThat(listed).containsExactlyElementsOf(own).contains("荆山夏村").doesNotContain("下宅口村");
			assertThat(lists.getRow(own.size() + 1) == null).isTrue();

			assertThat(validation(ledger, LedgerField.TOWNSHIP).getValidationConstraint().getExplicitListValues())
				.containsExactly("东城街道");
			assertThat(validation(ledger, LedgerField.CATEGORY).getValidationConstraint().getExplicitListValues())
				.containsExactly("居住出租房", "沿街店铺", "“三合一”企业");
			assertThat(validation(ledger, LedgerField.STATUS).getValidationConstraint().getExplicitListValues())
				.containsExactly("已整改", "未整改", "整改中");
			DataValidation found = validation(ledger, LedgerField.FOUND_ON);
			assertThat(found.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);
			assertThat(found.getValidationConstraint().getFormula1()).isEqualTo("DATE(2022,9,1)");
			assertThat(found.getValidationConstraint().getFormula2()).isEqualTo("MIN(TODAY(),DATE(2022,10,31))");
			assertThat(validation(ledger, LedgerField.RECTIFIED_ON).getValidationConstraint().getFormula1())
				.isEqualTo("MAX(DATE(2022,9,1),$H2)");
		}
	}

	@Test
	void aZoneTemplateHasNoVillageDropdown() throws Exception {
		Township zone = REGISTRY.township("经济开发区").orElseThrow();
		try (XSSFWorkbook workbook = new XSSFWorkbook(template(zone).toFile())) {
			assertThat(workbook.getSheet("台账").getDataValidations()).noneMatch(
					(v) -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == LedgerField.VILLAGE.ordinal());
			assertThat(text(workbook.getSheet("填报说明"))).contains("功能区可不填");
		}
	}

	@Test
	void filledInCorrectlyWithPoiItReadsBackWithZeroRejections() throws Exception {
		Path template = template(DONGCHENG);
		Path filled = this.folder.resolve("filled.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(template))) {
			XSSFSheet ledger = workbook.getSheet("台账");
			CellStyle date = ledger.getColumnStyle(LedgerField.FOUND_ON.ordinal());
			CellStyle text = ledger.getColumnStyle(LedgerField.CONTACT.ordinal());
			Object[][] rows = {
					{ "DC-001", "东城街道", "荆山夏村", "居住出租房", "张记出租屋", "荆山夏村12号", "电动车室内充电", LocalDate.of(2022, 9, 5), "已整改",
							LocalDate.of(2022, 9, 9), "李明", "13800138000" },
					{ "0007", "东城街道", "园丁社区", "沿街店铺", null, "园丁路3号", "灭火器过期", LocalDate.of(2022, 9, 20), "未整改", null,
							null, "0579-87123456" },
					{ null, "东城街道", "卫星社区", "“三合一”企业", "某五金厂", "卫星路8号", "住人与生产未分隔", LocalDate.of(2022, 10, 1), "整改中",
							null, "王芳", null } };
			for (int r = 0; r < rows.length; r++) {
				Row row = ledger.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					Object value = rows[r][c];
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					else {
						cell.setCellValue((String) value);
						cell.setCellStyle(text);
					}
				}
			}
			try (OutputStream out = Files.newOutputStream(filled)) {
				workbook.write(out);
			}
		}
		CheckReport report = new LedgerCheck().check(filled, REGISTRY, DONGCHENG, LocalDate.of(2022, 10, 4));
		assertThat(report.quarantineReason()).isNull();
		assertThat(report.sheetName()).isEqualTo("台账");
		assertThat(report.headerRow()).isEqualTo(1);
		assertThat(report.rejected()).isEmpty();
		assertThat(report.warned()).isEmpty();
		assertThat(report.rowsRead()).isEqualTo(3);
		assertThat(report.rowsAccepted()).isEqualTo(3);
		// Text cells keep the leading zero of an id and the phone number as typed.
		assertThat(report.rowsBlank()).isZero();
	}

	private Path template(Township township) throws Exception {
		Path file = this.folder.resolve(LedgerTemplate.fileName(township));
		LedgerTemplate.write(REGISTRY, township, CAMPAIGN, file);
		return file;
	}

	private static DataValidation validation(XSSFSheet sheet, LedgerField field) {
		return sheet.getDataValidations()
			.stream()
			.filter((v) -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == field.ordinal())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no data validation on " + field.header()));
	}

	private static String text(XSSFSheet sheet) {
		StringBuilder text = new StringBuilder();
		sheet.forEach((row) -> row.forEach((cell) -> text.append(cell.getStringCellValue()).append('\n')));
		return text.toString();
	}

}
