package cn.yongkang.campaign.validate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.yongkang.campaign.validate.FeedbackWorkbooks.SafeSheet;

/**
 * One 退回清单 as a clerk reads and prints it: a first line saying which upload it is about
 * and what to do, then the rejected rows with every reason wrapped in a wide column, a
 * suggestion where a value is close to a registered one, and the offending cells
 * highlighted; unreadable files and warnings on their own sheets, only when there are
 * any. Each sheet prints one page wide (landscape, fit to width) with its header repeated
 * on every page.
 */
public final class FeedbackWorkbook implements AutoCloseable {

	static final String REJECTED = "退回清单";

	static final String UNREADABLE = "无法读取的文件";

	static final String WARNINGS = "提示";

	static final String SUFFIX = "-退回清单.xlsx";

	private static final String[] VALUE_HEADERS = { "隐患编号", "乡镇（街道）", "村（社区）", "场所类型", "场所名称", "地址", "隐患描述", "排查日期",
			"整改情况", "整改日期", "排查人", "联系电话" };

	/**
	 * Character widths that print one A4 landscape page wide at about three quarters
	 * size.
	 */
	private static final int[] VALUE_WIDTHS = { 8, 9, 10, 9, 12, 15, 16, 10, 7, 10, 6, 12 };

	/** Columns before the values: 文件, 行号, 退回原因, 修改建议. */
	private static final int VALUES_FROM = 4;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final String heading;

	private final CellStyle headingStyle;

	private final CellStyle headerStyle;

	private final CellStyle textStyle;

	private final CellStyle reasonStyle;

	private final CellStyle highlightStyle;

	private SafeSheet rejected;

	private SafeSheet unreadable;

	private SafeSheet warnings;

	private final Map<SafeSheet, int[]> widths = new HashMap<>();

	/**
	 * @param heading the first line of every sheet: which upload or night, what to do
	 */
	public FeedbackWorkbook(String heading) {
		this.heading = heading;
		this.headingStyle = style(true, null, false);
		this.headerStyle = style(true, IndexedColors.GREY_25_PERCENT, true);
		this.textStyle = style(false, null, true);
		this.reasonStyle = style(false, null, true);
		Font red = this.workbook.createFont();
		red.setColor(IndexedColors.DARK_RED.getIndex());
		this.reasonStyle.setFont(red);
		this.highlightStyle = style(false, IndexedColors.YELLOW, true);
	}

	/** The file name of a township's 退回清单 for one date. */
	public static String fileName(String township, LocalDate date) {
		return township + "-" + date + SUFFIX;
	}

	/**
	 * A rejected row.
	 * @param reasons the reasons as the night stored them
	 * @param values the raw values in {@link RowValidator#VALUE_COLUMNS} order
	 * @param problems the same reasons with their columns and suggestions
	 */
	public void rejected(String fileName, int rowNumber, String reasons, List<String> values, List<Problem> problems) {
		if (this.rejected == null) {
			List<String> labels = new ArrayList<>(List.of("文件", "行号", "退回原因", "修改建议"));
			labels.addAll(List.of(VALUE_HEADERS));
			int[] widths = new int[labels.size()];
			System.arraycopy(new int[] { 14, 5, 36, 22 }, 0, widths, 0, VALUES_FROM);
			System.arraycopy(VALUE_WIDTHS, 0, widths, VALUES_FROM, VALUE_WIDTHS.length);
			this.rejected = sheet(REJECTED, labels.toArray(String[]::new), widths);
		}
		Object[] cells = new Object[VALUES_FROM + VALUE_HEADERS.length];
		cells[0] = fileName;
		cells[1] = rowNumber;
		cells[2] = reasons;
		cells[3] = suggestions(problems);
		for (int i = 0; i < VALUE_HEADERS.length && i < values.size(); i++) {
			cells[VALUES_FROM + i] = values.get(i);
		}
		Row row = this.rejected.row(cells);
		style(row, cells.length, this.textStyle);
		fit(row, cells, this.widths.get(this.rejected));
		row.getCell(2).setCellStyle(this.reasonStyle);
		for (Problem problem : problems) {
			int column = RowValidator.VALUE_COLUMNS.indexOf(problem.column());
			if (column >= 0) {
				cell(row, VALUES_FROM + column).setCellStyle(this.highlightStyle);
			}
		}
	}

	public void unreadable(String fileName, String reason) {
		if (this.unreadable == null) {
			this.unreadable = sheet(UNREADABLE, new String[] { "文件", "原因" }, new int[] { 30, 100 });
		}
		Object[] cells = { fileName, reason };
		Row row = this.unreadable.row(cells);
		style(row, 2, this.textStyle);
		fit(row, cells, this.widths.get(this.unreadable));
	}

	public void warning(String fileName, int rowNumber, String text, String premises, String address,
			String description) {
		if (this.warnings == null) {
			this.warnings = sheet(WARNINGS, new String[] { "文件", "行号", "提示（已接收，请核对）", "场所名称", "地址", "隐患描述" },
					new int[] { 18, 6, 50, 16, 24, 30 });
		}
		Object[] cells = { fileName, rowNumber, text, premises, address, description };
		Row row = this.warnings.row(cells);
		style(row, 6, this.textStyle);
		fit(row, cells, this.widths.get(this.warnings));
	}

	/**
	 * Writes the workbook under a temporary name beside the target, then moves it into
	 * place: a reader never sees half a file.
	 */
	public void write(Path target) throws IOException {
		if (this.rejected == null && this.unreadable == null && this.warnings == null) {
			sheet(REJECTED, new String[] { "结果" }, new int[] { 100 }).row("没有退回的行，也没有需要核对的提示。");
		}
		int position = 0;
		for (String name : List.of(REJECTED, UNREADABLE, WARNINGS)) {
			if (this.workbook.getSheet(name) != null) {
				this.workbook.setSheetOrder(name, position++);
			}
		}
		this.workbook.setActiveSheet(0);
		this.workbook.setSelectedTab(0);
		Path folder = target.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		// Not Files.createTempFile (0600): the group reads feedback files too.
		Path temporary = folder.resolve(".feedback" + UUID.randomUUID() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				this.workbook.write(out);
			}
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public void close() throws IOException {
		this.workbook.close();
	}

	/**
	 * The first line of a night's 退回清单: the township, the night, what was wrong, what to
	 * do.
	 */
	public static String nightHeading(String township, LocalDate date, int rejectedRows, int unreadableFiles,
			int warnedRows) {
		List<String> found = new ArrayList<>();
		if (rejectedRows > 0) {
			found.add(rejectedRows + "行被退回（未计入统计）");
		}
		if (unreadableFiles > 0) {
			found.add(unreadableFiles + "个文件无法读取");
		}
		if (warnedRows > 0) {
			found.add(warnedRows + "行已接收但有提示");
		}
		return township + "：" + date + "上传的台账（当晚汇总处理）中，" + String.join("，", found) + "。" + whatToDo();
	}

	/** The first line of the 退回清单 of one checked upload. */
	public static String uploadHeading(String township, String fileName, LocalDate date, int rowsRead, int rowsAccepted,
			int rowsRejected, int rowsBlank, String quarantineReason) {
		String upload = township + "于" + date + "上传的“" + fileName + "”（上传时即时检查）";
		if (quarantineReason != null) {
			return upload + "：文件无法读取，全部未接收。原因：" + quarantineReason;
		}
		return upload + "：共" + rowsRead + "行，接收" + rowsAccepted + "行，退回" + rowsRejected + "行，空行" + rowsBlank + "行。"
				+ (rowsRejected > 0 ? whatToDo() : "没有退回的行；“提示”页（如有）的行已接收，请核对。");
	}

	private static String whatToDo() {
		return "请按“退回原因”和“修改建议”改正标黄的单元格（行号即原表格中的行号），改正后重新上传完整台账；“提示”页的行已接收，请核对。";
	}

	private static String suggestions(List<Problem> problems) {
		List<String> texts = new ArrayList<>();
		for (Problem problem : problems) {
			if (problem.suggestion() != null) {
				int column = RowValidator.VALUE_COLUMNS.indexOf(problem.column());
				texts.add((column >= 0 ? VALUE_HEADERS[column] + "：" : "") + problem.suggestion());
			}
		}
		return texts.isEmpty() ? null : String.join("；", texts);
	}

	private SafeSheet sheet(String name, String[] labels, int[] widths) {
		Sheet sheet = this.workbook.createSheet(name);
		SafeSheet safe = new SafeSheet(sheet, this.headerStyle);
		int total = 0;
		for (int width : widths) {
			total += width;
		}
		Row first = safe.row(this.heading);
		first.getCell(0).setCellStyle(this.headingStyle);
		// A merged cell does not grow with its text: give the line the height it needs.
		int lines = Math.max(2, (int) Math.ceil(this.heading.length() * 2.2 / total) + 1);
		first.setHeightInPoints(Math.min(400, lines * 16f));
		if (labels.length > 1) {
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, labels.length - 1));
		}
		safe.header(labels);
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		sheet.setRepeatingRows(new CellRangeAddress(1, 1, -1, -1));
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(true);
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		sheet.setMargin(Sheet.LeftMargin, 0.4);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		sheet.setMargin(Sheet.TopMargin, 0.5);
		sheet.setMargin(Sheet.BottomMargin, 0.5);
		sheet.getFooter().setCenter("第 &P 页，共 &N 页");
		this.widths.put(safe, widths);
		return safe;
	}

	/**
	 * Neither Excel nor LibreOffice reliably grows a row for wrapped text when it opens a
	 * file: give each row the lines its longest cell needs (a Chinese character is about
	 * two width units).
	 */
	private static void fit(Row row, Object[] cells, int[] widths) {
		int lines = 1;
		for (int i = 0; i < cells.length && i < widths.length; i++) {
			if (cells[i] instanceof String text) {
				int units = 0;
				for (int c = 0; c < text.length(); c++) {
					units += text.charAt(c) < 0x2E80 ? 1 : 2;
				}
				lines = Math.max(lines, (int) Math.ceil(units / (double) Math.max(1, widths[i] - 1)));
			}
		}
		row.setHeightInPoints(Math.min(409, lines * 15f + 2));
	}

	private CellStyle style(boolean bold, IndexedColors fill, boolean border) {
		CellStyle style = this.workbook.createCellStyle();
		style.setWrapText(true);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		if (bold) {
			Font font = this.workbook.createFont();
			font.setBold(true);
			style.setFont(font);
		}
		if (fill != null) {
			style.setFillForegroundColor(fill.getIndex());
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		}
		if (border) {
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
		}
		return style;
	}

	private static void style(Row row, int columns, CellStyle style) {
		for (int i = 0; i < columns; i++) {
			cell(row, i).setCellStyle(style);
		}
	}

	private static Cell cell(Row row, int column) {
		Cell cell = row.getCell(column);
		return cell != null ? cell : row.createCell(column);
	}

}
