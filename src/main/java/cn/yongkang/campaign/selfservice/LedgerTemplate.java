package cn.yongkang.campaign.selfservice;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.ingest.LedgerField;
import cn.yongkang.campaign.registry.Category;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.registry.Village;

/**
 * A ledger workbook for one township whose cells prevent the common rejections: the
 * header row the night looks for, frozen; dropdowns of the township itself, its own
 * villages and communities (from the registry), the campaign's categories and the status
 * words; date columns that take only real dates from the campaign's start to today (and
 * not after its end); 联系电话 and 隐患编号 as text, so that Excel neither drops leading zeros
 * nor writes 1.38E+10. A 填报说明 sheet explains each column.
 */
public final class LedgerTemplate {

	/** Rows that carry the dropdowns and date rules, below the header. */
	static final int ROWS = 10_000;

	static final String LEDGER_SHEET = "台账";

	static final String NOTES_SHEET = "填报说明";

	static final String LISTS_SHEET = "选项";

	private static final String STATUS_WORDS = "已整改,未整改,整改中";

	private LedgerTemplate() {
	}

	/** Writes the template under a temporary name, then moves it to {@code target}. */
	public static void write(Registry registry, Township township, Campaign campaign, Path target) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet ledger = workbook.createSheet(LEDGER_SHEET);
			XSSFSheet notes = workbook.createSheet(NOTES_SHEET);
			XSSFSheet lists = workbook.createSheet(LISTS_SHEET);
			List<Village> villages = registry.villages()
				.stream()
				.filter((village) -> village.townshipCode().equals(township.code()))
				.toList();
			header(workbook, ledger, township);
			columnStyles(workbook, ledger);
			validations(workbook, ledger, lists, township, villages, campaign);
			notes(workbook, notes, township, villages, campaign);
			workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
			workbook.setActiveSheet(0);
			Path folder = target.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			Path temporary = Files.createTempFile(folder, ".template", ".tmp");
			try {
				try (OutputStream out = Files.newOutputStream(temporary)) {
					workbook.write(out);
				}
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
	}

	/**
	 * The campaign a template is for: the one named, else the one running today, else the
	 * latest (a template made between campaigns is for the one just past).
	 * @throws IllegalArgumentException when none is defined or several run today
	 */
	public static Campaign campaign(CampaignCatalog campaigns, String id, LocalDate today) {
		if (id != null && !id.isBlank()) {
			return campaigns.get(id);
		}
		List<Campaign> running = campaigns.all().stream().filter((c) -> c.covers(today)).toList();
		if (running.size() == 1) {
			return running.get(0);
		}
		if (running.size() > 1) {
			throw new IllegalArgumentException("several campaigns run today; name one with --campaign ID");
		}
		if (campaigns.all().isEmpty()) {
			throw new IllegalArgumentException("no campaign is defined under jobs/campaigns/");
		}
		return campaigns.all().get(campaigns.all().size() - 1);
	}

	/** The default file name: the township and what the file is. */
	public static String fileName(Township township) {
		return township.name() + "-隐患排查整治台账模板.xlsx";
	}

	private static void header(XSSFWorkbook workbook, XSSFSheet ledger, Township township) {
		CellStyle required = headerStyle(workbook, IndexedColors.DARK_RED);
		CellStyle optional = headerStyle(workbook, IndexedColors.BLACK);
		Row row = ledger.createRow(0);
		row.setHeightInPoints(24);
		for (LedgerField field : LedgerField.values()) {
			Cell cell = row.createCell(field.ordinal());
			cell.setCellValue(field.header());
			cell.setCellStyle(isRequired(field, township) ? required : optional);
			ledger.setColumnWidth(field.ordinal(), width(field) * 256);
		}
		ledger.createFreezePane(0, 1);
	}

	/**
	 * Text for ids and phone numbers, a date format for dates: the cells a clerk types
	 * into take the column's style.
	 */
	private static void columnStyles(XSSFWorkbook workbook, XSSFSheet ledger) {
		CellStyle text = workbook.createCellStyle();
		text.setDataFormat(workbook.createDataFormat().getFormat("@"));
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		for (LedgerField field : LedgerField.values()) {
			switch (field) {
				case FOUND_ON, RECTIFIED_ON -> ledger.setDefaultColumnStyle(field.ordinal(), date);
				default -> ledger.setDefaultColumnStyle(field.ordinal(), text);
			}
		}
	}

	private static void validations(XSSFWorkbook workbook, XSSFSheet ledger, XSSFSheet lists, Township township,
			List<Village> villages, Campaign campaign) {
		XSSFDataValidationHelper helper = new XSSFDataValidationHelper(ledger);
		add(ledger, helper.createExplicitListConstraint(new String[] { township.name() }), LedgerField.TOWNSHIP,
				"乡镇（街道）", "请选择“" + township.name() + "”：只能上报本单位的隐患。");
		if (!villages.isEmpty()) {
			Row title = lists.createRow(0);
			title.createCell(0).setCellValue("本单位村（社区）");
			for (int i = 0; i < villages.size(); i++) {
				lists.createRow(i + 1).createCell(0).setCellValue(villages.get(i).name());
			}
			Name name = workbook.createName();
			name.setNameName("本单位村社区");
			name.setRefersToFormula("'" + LISTS_SHEET + "'!$A$2:$A$" + (villages.size() + 1));
			add(ledger, helper.createFormulaListConstraint("本单位村社区"), LedgerField.VILLAGE, "村（社区）",
					"请从下拉列表选择" + township.name() + "的村（社区），共" + villages.size() + "个。");
		}
		String[] categories = campaign.categories().stream().map(Category::label).toArray(String[]::new);
		add(ledger, helper.createExplicitListConstraint(categories), LedgerField.CATEGORY, "场所类型",
				"请从下拉列表选择：" + String.join("、", categories) + "。");
		add(ledger, helper.createExplicitListConstraint(STATUS_WORDS.split(",")), LedgerField.STATUS, "整改情况",
				"请选择已整改、未整改或整改中；已整改的须填写整改日期。");
		LocalDate start = campaign.start();
		LocalDate end = campaign.end();
		String first = dateFormula(start);
		String last = "MIN(TODAY()," + dateFormula(end) + ")";
		String range = start + "至今天（且不晚于" + end + "）";
		add(ledger, helper.createDateConstraint(OperatorType.BETWEEN, first, last, null), LedgerField.FOUND_ON, "排查日期",
				"请填写" + range + "之间的日期，如" + start.plusDays(3) + "。");
		// Relative to the first row of the range: a row's own 排查日期 is the lower bound.
		String foundOn = "$" + column(LedgerField.FOUND_ON) + "2";
		add(ledger, helper.createDateConstraint(OperatorType.BETWEEN, "MAX(" + first + "," + foundOn + ")", last, null),
				LedgerField.RECTIFIED_ON, "整改日期", "已整改的必填：不早于排查日期、不晚于今天的日期；未整改的请留空。");
		add(ledger, helper.createTextLengthConstraint(OperatorType.BETWEEN, "7", "40"), LedgerField.CONTACT, "联系电话",
				"手机号（11位）或固定电话，按文本填写；多个号码用逗号分隔。");
	}

	private static void add(XSSFSheet sheet, DataValidationConstraint constraint, LedgerField field, String title,
			String prompt) {
		CellRangeAddressList cells = new CellRangeAddressList(1, ROWS, field.ordinal(), field.ordinal());
		DataValidation validation = new XSSFDataValidationHelper(sheet).createValidation(constraint, cells);
		validation.setEmptyCellAllowed(true);
		validation.setShowPromptBox(true);
		validation.createPromptBox(title, prompt);
		validation.setShowErrorBox(true);
		validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
		validation.createErrorBox(title + "填写有误", prompt);
		if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
			validation.setSuppressDropDownArrow(true);
		}
		sheet.addValidationData(validation);
	}

	private static void notes(XSSFWorkbook workbook, XSSFSheet notes, Township township, List<Village> villages,
			Campaign campaign) {
		CellStyle wrap = workbook.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		CellStyle bold = headerStyle(workbook, IndexedColors.BLACK);
		notes.setColumnWidth(0, 16 * 256);
		notes.setColumnWidth(1, 8 * 256);
		notes.setColumnWidth(2, 90 * 256);
		line(notes, 0, bold, township.name() + "消防安全隐患排查整治台账填报说明（" + campaign.name() + "，" + campaign.start() + "至"
				+ campaign.end() + "）");
		line(notes, 1, wrap, "在“" + LEDGER_SHEET + "”表第2行起逐行填写，一行一处隐患；请勿修改第1行的列名，勿合并单元格。每天上传完整台账（或仅新增、变更的行）；"
				+ "同一隐患再次上传时按最新整改情况更新。标红的列必须填写。");
		line(notes, 2, bold, "列名", "是否必填", "填写要求");
		int row = 3;
		for (LedgerField field : LedgerField.values()) {
			line(notes, row++, wrap, field.header(), isRequired(field, township) ? "必填" : "选填",
					explanation(field, township, villages, campaign));
		}
		line(notes, row + 1, wrap, "上传后可立即看到每一行的检查结果；被退回的行请按“退回清单”中标黄的单元格和修改建议改正后重新上传。");
	}

	private static String explanation(LedgerField field, Township township, List<Village> villages, Campaign campaign) {
		return switch (field) {
			case HAZARD_REF -> "本单位自编的隐患编号（如有）；同一隐患每次上传须保持同一编号，据此更新整改情况。";
			case TOWNSHIP -> "固定填“" + township.name() + "”（下拉选择）。";
			case VILLAGE -> villages.isEmpty() ? "功能区可不填；填写的村（社区）按区级统计。"
					: "从下拉列表选择本单位登记的村（社区），共" + villages.size() + "个；不属于本单位的会被退回。";
			case CATEGORY ->
				"从下拉列表选择：" + String.join("、", campaign.categories().stream().map(Category::label).toList()) + "。";
			case PREMISES -> "场所或企业名称。";
			case ADDRESS -> "场所详细地址，如“古山一村2号”。";
			case HAZARD -> "隐患的具体内容，如“电动车室内充电”。";
			case FOUND_ON -> "排查发现隐患的日期，" + campaign.start() + "至今天之间（不晚于" + campaign.end() + "），按日期格式填写，如"
					+ campaign.start().plusDays(3) + "。";
			case STATUS -> "已整改、未整改或整改中（下拉选择）。";
			case RECTIFIED_ON -> "整改完成的日期：已整改的必填，不早于排查日期、不晚于今天；未整改、整改中的留空。";
			case INSPECTOR -> "排查人姓名（个人信息，仅用于核实）。";
			case CONTACT -> "联系电话，手机号或固定电话，按文本填写（个人信息，仅用于核实）。";
		};
	}

	private static void line(XSSFSheet sheet, int index, CellStyle style, String... texts) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < texts.length; i++) {
			Cell cell = row.createCell(texts.length == 1 ? 0 : i);
			cell.setCellValue(texts[i]);
			cell.setCellStyle(style);
		}
		if (texts.length == 1) {
			sheet.addMergedRegion(new CellRangeAddress(index, index, 0, 2));
			row.setHeightInPoints(Math.max(18, (texts[0].length() / 55 + 1) * 16f));
		}
	}

	private static CellStyle headerStyle(XSSFWorkbook workbook, IndexedColors color) {
		CellStyle style = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		font.setColor(color.getIndex());
		style.setFont(font);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		style.setWrapText(true);
		return style;
	}

	/** The rules' required columns; a functional zone may leave the village blank. */
	private static boolean isRequired(LedgerField field, Township township) {
		return switch (field) {
			case TOWNSHIP, CATEGORY, ADDRESS, HAZARD, FOUND_ON, STATUS -> true;
			case VILLAGE -> !township.isZone();
			default -> false;
		};
	}

	private static int width(LedgerField field) {
		return switch (field) {
			case ADDRESS, HAZARD -> 28;
			case PREMISES -> 20;
			case CONTACT -> 16;
			case FOUND_ON, RECTIFIED_ON, TOWNSHIP, VILLAGE, CATEGORY -> 14;
			default -> 11;
		};
	}

	private static String dateFormula(LocalDate date) {
		return "DATE(" + date.getYear() + "," + date.getMonthValue() + "," + date.getDayOfMonth() + ")";
	}

	private static String column(LedgerField field) {
		return CellReference.convertNumToColString(field.ordinal());
	}

}
