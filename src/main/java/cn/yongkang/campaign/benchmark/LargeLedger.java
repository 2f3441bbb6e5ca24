package cn.yongkang.campaign.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.util.CellReference;

/**
 * Writes one township's ledger of any size as an .xlsx the way Excel stores it: every
 * text in a shared strings table, dates as styled serial numbers. The XML is written
 * directly, row by row, so generating a million rows takes as little memory as reading
 * them; the shared strings go to a temporary file first because Excel's package stores
 * them after the sheet that refers to them.
 * <p>
 * The rows are what clerks type: a title and a 填报 line above the header, aliases in the
 * header, a 序号 column and a 备注 column, dates as date cells, as text in several forms and
 * as numbers, phone numbers as numbers, blank rows, and about one row in thirty with a
 * mistake that validation rejects.
 * <p>
 * {@link #updatedOn} writes the same ledger as it comes back a few days later: the same
 * rows with a tenth of the open hazards rectified on that day, and one row in a hundred
 * more, new hazards found that day.
 */
final class LargeLedger {

	private static final String[] HEADER = { "序号", "隐患编号", "镇街", "村（社区）", "场所类型", "场所名称", "详细地址", "存在问题", "检查日期",
			"整改情况", "整改完成日期", "检查人", "联系电话", "备注" };

	private static final String[] CATEGORIES = { "居住出租房", "出租房", "沿街店铺", "沿街商铺", "三合一", "“三合一”企业" };

	private static final String[] PREMISES = { "出租房", "出租屋", "五金店", "小吃店", "理发店", "便利店", "电动车维修店", "门窗加工厂", "五金配件厂",
			"服装加工作坊" };

	private static final String[] PROBLEMS = { "楼道堆放杂物，堵塞疏散通道", "电动自行车在楼道内充电", "电线私拉乱接，未穿管保护", "灭火器过期未更换", "未配备灭火器",
			"疏散指示标志损坏", "应急照明灯不亮", "安全出口上锁", "生产、仓储、住宿三合一，未有效分隔", "厨房液化气钢瓶未放置于独立房间", "防盗窗未设逃生口", "消防通道被车辆占用" };

	private static final String[] INSPECTORS = { "胡晓东", "应建华", "徐丽萍", "程伟", "吕志强", "李春燕", "朱海军", "陈国平", "王丽君", "楼建新",
			"周小芳", "施永康" };

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private final String township;

	private final List<String> villages;

	private final String otherTownship;

	private final LocalDate campaignStart;

	private final LocalDate uploadDate;

	private final Random random = new Random(20221004);

	/** The day of an updated ledger, or null for the first one. */
	private LocalDate updatedOn;

	/** The rows of the first ledger; an updated one has more. */
	private int firstRows;

	/** Indexes of the strings that repeat (labels, villages, names). */
	private final Map<String, Integer> repeated = new HashMap<>();

	private Writer strings;

	private int uniqueStrings;

	private long stringReferences;

	LargeLedger(String township, List<String> villages, String otherTownship, LocalDate campaignStart,
			LocalDate uploadDate) {
		this.township = township;
		this.villages = villages;
		this.otherTownship = otherTownship;
		this.campaignStart = campaignStart;
		this.uploadDate = uploadDate;
	}

	/** The same ledger as it comes back, updated on {@code day}. */
	LargeLedger updatedOn(LocalDate day) {
		this.updatedOn = day;
		return this;
	}

	/**
	 * Writes {@code rows} ledger rows (blank ones included) to {@code file}.
	 * @return the number of distinct shared strings
	 */
	int write(Path file, int rows) throws IOException {
		this.firstRows = rows;
		Path sharedStrings = Files.createTempFile(file.getParent(), "shared-strings", ".xml");
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			entry(zip, "[Content_Types].xml", CONTENT_TYPES);
			entry(zip, "_rels/.rels", ROOT_RELATIONSHIPS);
			entry(zip, "xl/workbook.xml", WORKBOOK);
			entry(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONSHIPS);
			entry(zip, "xl/styles.xml", STYLES);
			try (Writer strings = Files.newBufferedWriter(sharedStrings, StandardCharsets.UTF_8)) {
				this.strings = strings;
				zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
				Writer sheet = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
				writeSheet(sheet, rows);
				sheet.flush();
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			zip.write((XML + "<sst xmlns=\"" + MAIN + "\" count=\"" + this.stringReferences + "\" uniqueCount=\""
					+ this.uniqueStrings + "\">")
				.getBytes(StandardCharsets.UTF_8));
			Files.copy(sharedStrings, zip);
			zip.write("</sst>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		finally {
			Files.deleteIfExists(sharedStrings);
		}
		return this.uniqueStrings;
	}

	private void writeSheet(Writer sheet, int rows) throws IOException {
		sheet.write(XML + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
		Row title = new Row(sheet, 1);
		title.text(0, this.township + "消防安全隐患排查整治台账", false);
		title.end();
		Row filled = new Row(sheet, 2);
		LocalDate filledOn = (this.updatedOn != null) ? this.updatedOn : this.uploadDate;
		filled.text(0, "填报单位：" + this.township + "      填报日期：" + filledOn.getYear() + "年" + filledOn.getMonthValue()
				+ "月" + filledOn.getDayOfMonth() + "日", false);
		filled.end();
		Row header = new Row(sheet, 3);
		for (int column = 0; column < HEADER.length; column++) {
			header.text(column, HEADER[column], false);
		}
		header.end();
		int written = (this.updatedOn != null) ? rows + rows / 100 : rows;
		for (int n = 1; n <= written; n++) {
			Row row = new Row(sheet, n + 3);
			if (n % 97 == 0) {
				row.number(0, n); // a blank row that keeps its 序号
			}
			else if (n % 89 != 0) {
				ledgerRow(row, n);
			}
			row.end();
		}
		sheet.write("</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:N1\"/></mergeCells></worksheet>");
	}

	private void ledgerRow(Row row, int n) throws IOException {
		int mistake = this.random.nextInt(30) == 0 ? this.random.nextInt(5) : -1;
		String village = this.villages.get(this.random.nextInt(this.villages.size()));
		row.number(0, n);
		if (this.random.nextBoolean()) {
			row.text(1, "YK" + (2022_000_000 + n), true);
		}
		row.text(2,
				mistake == 0 ? this.otherTownship : this.random.nextInt(4) == 0 ? "永康市" + this.township : this.township,
				false);
		row.text(3, mistake == 1 ? (village.isEmpty() ? "下" : village.substring(0, 1)) + "家山头村" : village, false);
		if (mistake != 2) {
			row.text(4, CATEGORIES[this.random.nextInt(CATEGORIES.length)], false);
		}
		String premises = PREMISES[this.random.nextInt(PREMISES.length)];
		row.text(5, INSPECTORS[this.random.nextInt(INSPECTORS.length)].charAt(0) + "某" + premises + n, true);
		row.text(6, village + (1 + this.random.nextInt(300)) + "号" + (n % 7 == 0 ? "（" + n + "室）" : ""), true);
		row.text(7, PROBLEMS[this.random.nextInt(PROBLEMS.length)] + "（第" + n + "号）", true);
		// The draws depend on the first upload's date only, so an updated ledger repeats
		// every row it had; its new rows are found on the day of the update.
		LocalDate found = this.campaignStart
			.plusDays(this.random.nextInt((int) ChronoUnit.DAYS.between(this.campaignStart, this.uploadDate) + 1));
		boolean added = this.updatedOn != null && n > this.firstRows;
		boolean rectifiedSince = this.updatedOn != null && !added && n % 10 == 3;
		LocalDate latest = added ? this.updatedOn : this.uploadDate;
		if (added) {
			found = this.updatedOn;
		}
		if (mistake == 3) {
			row.text(8, found.getYear() + "-13-" + found.getDayOfMonth(), false);
		}
		else {
			date(row, 8, found);
		}
		int status = this.random.nextInt(20);
		if (status < 12) {
			row.text(9, mistake == 4 ? "已完成整改？" : "已整改", false);
			date(row, 10, found.plusDays(this.random.nextInt((int) ChronoUnit.DAYS.between(found, latest) + 1)));
		}
		else if (rectifiedSince) {
			// No draw here: the rows after this one stay as they were.
			row.text(9, "已整改", false);
			row.date(10, ChronoUnit.DAYS.between(EXCEL_EPOCH, this.updatedOn));
		}
		else {
			row.text(9, status < 17 ? "未整改" : "整改中", false);
		}
		row.text(11, INSPECTORS[this.random.nextInt(INSPECTORS.length)], false);
		if (n % 211 == 0) {
			row.text(12, "1381234", false); // too short: accepted with a warning
		}
		else {
			row.number(12, 13_800_000_000L + this.random.nextInt(100_000_000));
		}
		if (n % 50 == 0) {
			row.text(13, "已约谈房东", false);
		}
	}

	/** Dates the ways clerks enter them: date cells mostly, then text and numbers. */
	private void date(Row row, int column, LocalDate date) throws IOException {
		switch (this.random.nextInt(6)) {
			case 0 -> row.text(column, date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth(), false);
			case 1 ->
				row.text(column, date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日", false);
			case 2 -> row.number(column, Long.parseLong(date.toString().replace("-", "")));
			default -> row.date(column, ChronoUnit.DAYS.between(EXCEL_EPOCH, date));
		}
	}

	private int sharedString(String text, boolean unique) throws IOException {
		this.stringReferences++;
		Integer index = unique ? null : this.repeated.get(text);
		if (index == null) {
			index = this.uniqueStrings++;
			this.strings.write("<si><t>");
			this.strings.write(escape(text));
			this.strings.write("</t></si>");
			if (!unique) {
				this.repeated.put(text, index);
			}
		}
		return index;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	/** One {@code <row>} of the sheet, written cell by cell. */
	private final class Row {

		private final Writer sheet;

		private final int number;

		Row(Writer sheet, int number) throws IOException {
			this.sheet = sheet;
			this.number = number;
			sheet.write("<row r=\"" + number + "\">");
		}

		void text(int column, String text, boolean unique) throws IOException {
			this.sheet
				.write("<c r=\"" + reference(column) + "\" t=\"s\"><v>" + sharedString(text, unique) + "</v></c>");
		}

		void number(int column, long value) throws IOException {
			this.sheet.write("<c r=\"" + reference(column) + "\"><v>" + value + "</v></c>");
		}

		/** A date cell: the serial number with the yyyy-mm-dd style of styles.xml. */
		void date(int column, long serial) throws IOException {
			this.sheet.write("<c r=\"" + reference(column) + "\" s=\"1\"><v>" + serial + "</v></c>");
		}

		void end() throws IOException {
			this.sheet.write("</row>");
		}

		private String reference(int column) {
			return CellReference.convertNumToColString(column) + this.number;
		}

	}

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

	private static final String CONTENT_TYPES = XML
			+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
			+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
			+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
			+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
			+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
			+ "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
			+ "</Types>";

	private static final String ROOT_RELATIONSHIPS = XML
			+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
			+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
			+ "</Relationships>";

	private static final String WORKBOOK = XML + "<workbook xmlns=\"" + MAIN
			+ "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
			+ "<sheets><sheet name=\"隐患台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

	private static final String WORKBOOK_RELATIONSHIPS = XML
			+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
			+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
			+ "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
			+ "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
			+ "</Relationships>";

	/** Style 1 is Excel's built-in date format 14 (m/d/yyyy, shown per locale). */
	private static final String STYLES = XML + "<styleSheet xmlns=\"" + MAIN + "\">"
			+ "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
			+ "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
			+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
			+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
			+ "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
			+ "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
			+ "</styleSheet>";

}
