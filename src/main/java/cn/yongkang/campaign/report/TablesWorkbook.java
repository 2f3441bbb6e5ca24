package cn.yongkang.campaign.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.registry.Category;

/**
 * {@code 统计表-<date>.xlsx}: every figure behind the bulletin, for reading and printing.
 * Each sheet has a title row naming the campaign and the date, a frozen header with an
 * autofilter, widths that fit the text (codes included), rates as percentages, and prints
 * landscape on A4, one page wide, the header repeated on every page. A chart sheet draws
 * the rates per category; the flags sheet lists the night's gaming checks (internal:
 * never in the bulletin).
 */
final class TablesWorkbook {

	private static final String[] FLAG_LABELS = { "BULK_RECTIFICATION", "集中报整改", "BACKDATED_RECTIFICATION", "整改日期倒填",
			"REGRESSION", "整改回退", "SAME_DAY_RECTIFICATION", "当日发现当日整改" };

	private static final String[] STATUS_LABELS = { "RECTIFIED", "已整改", "UNRECTIFIED", "未整改", "IN_PROGRESS", "整改中" };

	private final XSSFWorkbook workbook = new XSSFWorkbook();

	private final String titleSuffix;

	private final CellStyle title;

	private final CellStyle header;

	private final CellStyle text;

	private final CellStyle number;

	private final CellStyle percent;

	private final CellStyle date;

	private TablesWorkbook(String campaignName, LocalDate asOf) {
		this.titleSuffix = "（" + campaignName + "，截至" + Bulletin.chineseDate(asOf) + "）";
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		bold.setFontName("宋体");
		Font big = this.workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		big.setFontName("宋体");
		this.title = this.workbook.createCellStyle();
		this.title.setFont(big);
		this.title.setAlignment(HorizontalAlignment.CENTER);
		this.title.setVerticalAlignment(VerticalAlignment.CENTER);
		this.header = bordered();
		this.header.setFont(bold);
		this.header.setAlignment(HorizontalAlignment.CENTER);
		this.header.setVerticalAlignment(VerticalAlignment.CENTER);
		this.header.setWrapText(true);
		this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.text = bordered();
		this.number = bordered();
		this.number.setAlignment(HorizontalAlignment.RIGHT);
		this.percent = bordered();
		this.percent.setDataFormat(this.workbook.createDataFormat().getFormat("0.0%"));
		this.date = bordered();
		this.date.setDataFormat(this.workbook.createDataFormat().getFormat("yyyy-mm-dd"));
	}

	private CellStyle bordered() {
		CellStyle style = this.workbook.createCellStyle();
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	static void write(Snapshot snapshot, Campaign campaign, OutputStream out) throws IOException {
		TablesWorkbook tables = new TablesWorkbook(campaign.name(), snapshot.asOf());
		try (XSSFWorkbook workbook = tables.workbook) {
			tables.townships(snapshot);
			tables.rateChart(snapshot, campaign);
			tables.villages(snapshot);
			tables.rankings(snapshot);
			tables.lagging(snapshot);
			tables.flags(snapshot);
			workbook.write(out);
		}
	}

	private void townships(Snapshot snapshot) {
		Table sheet = new Table("乡镇（街道）统计", "乡镇（街道）", "代码", "场所类型", "排查数", "已整改数", "未整改数", "整改率", "整改率排名");
		for (Snapshot.TownshipFigure f : snapshot.townships()) {
			sheet.row(f.name(), f.code(), label(f.category()), f.found(), f.rectified(), f.found() - f.rectified(),
					f.rate(), f.ratePosition());
		}
		sheet.finish();
	}

	private void villages(Snapshot snapshot) {
		Table sheet = new Table("村（社区）统计", "乡镇（街道）", "村（社区）", "代码", "类别", "场所类型", "排查数", "已整改数", "整改率");
		for (Snapshot.VillageFigure f : snapshot.villages()) {
			sheet.row(f.townshipName(), f.name(), f.code(), f.kind(), label(f.category()), f.found(), f.rectified(),
					f.rate());
		}
		sheet.finish();
	}

	private void rankings(Snapshot snapshot) {
		Table sheet = new Table("排名", "场所类型", "指标", "前/后", "名次", "乡镇（街道）", "数值", "并列");
		// Category, 排查数 before 整改率, 前 before 后, position: the order people read them in.
		Comparator<Snapshot.Ranked> order = Comparator
			.comparing((Snapshot.Ranked r) -> Category.valueOf(r.category()).ordinal())
			.thenComparing((r) -> r.metric().equals("rectification_rate"))
			.thenComparing((r) -> r.side().equals("bottom"))
			.thenComparingInt(Snapshot.Ranked::position);
		for (Snapshot.Ranked r : snapshot.rankings().stream().sorted(order).toList()) {
			boolean rate = r.metric().equals("rectification_rate");
			sheet.row(label(r.category()), rate ? "整改率" : "排查数", r.side().equals("top") ? "前" : "后", r.position(),
					r.name(), rate ? r.value() : (Object) r.value().intValue(), r.tied() ? "是" : "");
		}
		sheet.finish();
	}

	private void lagging(Snapshot snapshot) {
		Table sheet = new Table("整改落后村（社区）", "场所类型", "类别", "名次", "乡镇（街道）", "村（社区）", "代码", "排查数", "已整改数", "整改率");
		for (Snapshot.Lagging l : snapshot.lagging()) {
			sheet.row(label(l.category()), l.kind(), l.position(), l.townshipName(), l.name(), l.code(), l.found(),
					l.rectified(), l.rate());
		}
		sheet.finish();
	}

	/** The gaming checks of the night and the hazards behind them, for a second look. */
	private void flags(Snapshot snapshot) {
		Table sheet = new Table("异常核查", "乡镇（街道）", "代码", "核查类型", "涉及隐患数", "比例", "说明");
		for (Snapshot.Flag f : snapshot.flags()) {
			sheet.row(f.townshipName(), f.townshipCode(), lookup(FLAG_LABELS, f.kind()), f.hazards(), f.share(),
					f.detail());
		}
		if (snapshot.flags().isEmpty()) {
			sheet.row("本期未发现需核查的异常情况");
		}
		sheet.finish();
		Table hazards = new Table("异常核查明细", "乡镇（街道）", "核查类型", "隐患序号", "村（社区）", "场所类型", "地址", "隐患描述", "排查日期", "整改情况",
				"整改日期");
		for (Snapshot.FlaggedHazard h : snapshot.flaggedHazards()) {
			hazards.row(h.townshipName(), lookup(FLAG_LABELS, h.kind()), h.hazardId(), h.villageName(),
					label(h.category()), h.address(), h.description(), h.foundOn(), lookup(STATUS_LABELS, h.status()),
					h.rectifiedOn());
		}
		hazards.finish();
	}

	/**
	 * The rates in a wide table (townships × categories), with one bar chart per category
	 * beside it; bars in an explicit colour (LibreOffice draws none from the theme).
	 */
	private void rateChart(Snapshot snapshot, Campaign campaign) {
		List<Category> categories = campaign.categories();
		String[] headers = new String[categories.size() + 1];
		headers[0] = "乡镇（街道）";
		for (int c = 0; c < categories.size(); c++) {
			headers[c + 1] = categories.get(c).label() + "整改率";
		}
		Table sheet = new Table("整改率图", headers);
		List<Snapshot.TownshipFigure> first = snapshot.townships(categories.get(0).name());
		for (Snapshot.TownshipFigure township : first) {
			Object[] values = new Object[categories.size() + 1];
			values[0] = township.name();
			for (int c = 0; c < categories.size(); c++) {
				String category = categories.get(c).name();
				values[c + 1] = snapshot.townships(category)
					.stream()
					.filter((f) -> f.code().equals(township.code()))
					.findFirst()
					.map(Snapshot.TownshipFigure::rate)
					.orElse(null);
			}
			sheet.row(values);
		}
		sheet.finish();
		if (first.isEmpty()) {
			return;
		}
		XSSFDrawing drawing = sheet.sheet.createDrawingPatriarch();
		int rows = first.size();
		String[] colours = { "C00000", "2F5597", "548235" };
		for (int c = 0; c < categories.size(); c++) {
			// Below the table, one under the other, so that they print within the page
			// width.
			int height = rows * 3 / 2 + 6;
			int top = rows + 3 + c * (height + 1);
			XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, headers.length, top + height);
			// Each chart on a printed page of its own.
			sheet.sheet.setRowBreak(top - 1);
			XSSFChart chart = drawing.createChart(anchor);
			chart.setTitleText(headers[c + 1]);
			chart.setTitleOverlay(false);
			XDDFCategoryAxis axis = chart.createCategoryAxis(AxisPosition.LEFT);
			axis.setOrientation(AxisOrientation.MAX_MIN);
			XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
			values.setCrosses(AxisCrosses.AUTO_ZERO);
			values.setMinimum(0);
			values.setMaximum(1);
			values.setNumberFormat("0%");
			XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, axis, values);
			bars.setBarDirection(BarDirection.BAR);
			bars.setVaryColors(false);
			XDDFChartData.Series series = bars.addSeries(
					XDDFDataSourcesFactory.fromStringCellRange(sheet.sheet, new CellRangeAddress(2, rows + 1, 0, 0)),
					XDDFDataSourcesFactory.fromNumericCellRange(sheet.sheet,
							new CellRangeAddress(2, rows + 1, c + 1, c + 1)));
			series.setTitle(headers[c + 1], null);
			series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(hex(colours[c % colours.length]))));
			chart.plot(bars);
		}
	}

	private static byte[] hex(String rgb) {
		int value = Integer.parseInt(rgb, 16);
		return new byte[] { (byte) (value >> 16), (byte) (value >> 8), (byte) value };
	}

	private static String label(String categoryCode) {
		return Category.valueOf(categoryCode).label();
	}

	private static String lookup(String[] pairs, String key) {
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i].equals(key)) {
				return pairs[i + 1];
			}
		}
		return key;
	}

	/**
	 * One sheet: title row, header row, data; widths follow the longest text of a column.
	 */
	private final class Table {

		final XSSFSheet sheet;

		final int[] widths;

		Table(String name, String... headers) {
			this.sheet = TablesWorkbook.this.workbook.createSheet(name);
			this.widths = new int[headers.length];
			Row titleRow = this.sheet.createRow(0);
			titleRow.setHeightInPoints(26);
			Cell cell = titleRow.createCell(0);
			cell.setCellValue(name + TablesWorkbook.this.titleSuffix);
			cell.setCellStyle(TablesWorkbook.this.title);
			if (headers.length > 1) {
				this.sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.length - 1));
			}
			Row headerRow = this.sheet.createRow(1);
			headerRow.setHeightInPoints(20);
			for (int i = 0; i < headers.length; i++) {
				Cell h = headerRow.createCell(i);
				h.setCellValue(headers[i]);
				h.setCellStyle(TablesWorkbook.this.header);
				fit(i, headers[i]);
			}
		}

		/**
		 * Numbers stay numbers, rates percentages; text is the registry's own, never a
		 * formula.
		 */
		void row(Object... values) {
			Row row = this.sheet.createRow(this.sheet.getLastRowNum() + 1);
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				Cell cell = row.createCell(i);
				if (value instanceof BigDecimal rate) {
					cell.setCellValue(rate.doubleValue());
					cell.setCellStyle(TablesWorkbook.this.percent);
					fit(i, "100.0%");
				}
				else if (value instanceof Number n) {
					cell.setCellValue(n.doubleValue());
					cell.setCellStyle(TablesWorkbook.this.number);
					fit(i, n.toString());
				}
				else if (value instanceof LocalDate day) {
					cell.setCellValue(day);
					cell.setCellStyle(TablesWorkbook.this.date);
					fit(i, "2022-10-04");
				}
				else {
					cell.setCellValue(value == null ? "" : value.toString());
					cell.setCellStyle(TablesWorkbook.this.text);
					if (value != null && values.length > 1) {
						fit(i, value.toString());
					}
				}
			}
		}

		/** Width in Excel units: a CJK character counts two, others one; at most 60. */
		void fit(int column, String value) {
			int width = 2;
			for (int i = 0; i < value.length(); i++) {
				width += value.charAt(i) > 0x2E80 ? 2 : 1;
			}
			this.widths[column] = Math.min(60, Math.max(this.widths[column], width));
		}

		void finish() {
			for (int i = 0; i < this.widths.length; i++) {
				this.sheet.setColumnWidth(i, Math.max(8, this.widths[i] + 1) * 256);
			}
			this.sheet.createFreezePane(0, 2);
			int last = Math.max(1, this.sheet.getLastRowNum());
			this.sheet.setAutoFilter(new CellRangeAddress(1, last, 0, this.widths.length - 1));
			this.sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
			PrintSetup print = this.sheet.getPrintSetup();
			print.setLandscape(true);
			print.setPaperSize(PrintSetup.A4_PAPERSIZE);
			print.setFitWidth((short) 1);
			print.setFitHeight((short) 0);
			this.sheet.setFitToPage(true);
			this.sheet.setHorizontallyCenter(true);
			this.sheet.getFooter().setCenter("第 &P 页，共 &N 页");
		}

	}

}
