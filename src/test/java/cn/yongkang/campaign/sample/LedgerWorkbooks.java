package cn.yongkang.campaign.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.yongkang.campaign.sample.LedgerLayouts.Column;
import cn.yongkang.campaign.sample.LedgerLayouts.Layout;
import cn.yongkang.campaign.sample.LedgerLayouts.PhoneStyle;
import cn.yongkang.campaign.sample.SampleInputGenerator.LedgerRow;
import cn.yongkang.campaign.sample.SampleInputGenerator.Upload;

import static cn.yongkang.campaign.sample.SampleInputGenerator.CAMPAIGN_START;
import static cn.yongkang.campaign.sample.LedgerLayouts.CHINESE_DAY;

/** Renders an upload as an .xlsx with POI usermodel (the files are small). */
final class LedgerWorkbooks {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static byte[] xlsx(Upload upload) {
		Layout layout = upload.layout();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook, layout);
			if (layout.noteSheets) {
				noteSheet(workbook);
			}
			Sheet sheet = workbook.createSheet(layout.sheetName);
			List<Column> columns = layout.columns();
			int r = 0;
			if (layout.title) {
				r = titleRows(sheet, styles, upload, columns.size());
			}
			Row header = sheet.createRow(r++);
			for (int c = 0; c < columns.size(); c++) {
				text(header.createCell(c), layout.header(columns.get(c)), styles.header);
			}
			int firstData = r;
			for (LedgerRow row : upload.rows()) {
				dataRow(sheet.createRow(r++), row, columns, layout, styles);
			}
			for (int i = 0; i < layout.trailingBlankRows; i++) {
				Row blank = sheet.createRow(r++);
				for (int c = 0; c < columns.size(); c++) {
					blank.createCell(c).setCellStyle(styles.text);
				}
			}
			if (layout.mergeVillages) {
				mergeVillages(sheet, upload.rows(), firstData, columns.indexOf(Column.VILLAGE));
			}
			for (int c = 0; c < columns.size(); c++) {
				sheet.setColumnWidth(c, columns.get(c).width * 256);
			}
			if (layout.noteSheets) {
				optionsSheet(workbook, layout);
			}
			if (layout.serialFormula) {
				workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			}
			properties(workbook, upload.filledOn());
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			workbook.write(bytes);
			return withFixedEntryTimes(bytes.toByteArray(), upload.filledOn().atTime(17, 30));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int titleRows(Sheet sheet, Styles styles, Upload upload, int width) {
		String unit = upload.township().name();
		Row title = sheet.createRow(0);
		title.setHeightInPoints(28);
		text(title.createCell(0), "永康市消防安全隐患排查整治台账（" + unit + "）", styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
		Row line = sheet.createRow(1);
		text(line.createCell(0), "填报单位：" + unit + "　填报日期：" + upload.filledOn().format(CHINESE_DAY), null);
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, width - 1));
		return 2;
	}

	private static void dataRow(Row row, LedgerRow data, List<Column> columns, Layout layout, Styles styles) {
		for (int c = 0; c < columns.size(); c++) {
			Cell cell = row.createCell(c);
			switch (columns.get(c)) {
				case SERIAL -> {
					if (layout.serialFormula) {
						cell.setCellFormula("ROW()-1");
						cell.setCellStyle(styles.text);
					}
					else {
						number(cell, data.serial(), styles.text);
					}
				}
				case REF -> text(cell, data.ref(), styles.text);
				case TOWNSHIP -> text(cell, data.townshipCell(), styles.text);
				case VILLAGE -> text(cell, data.villageCell(), styles.text);
				case CATEGORY -> text(cell, data.categoryCell(), styles.text);
				case PREMISES -> text(cell, data.premises(), styles.text);
				case ADDRESS -> text(cell, data.address(), styles.text);
				case HAZARD -> text(cell, data.text(), styles.text);
				case FOUND_ON -> date(cell, data.foundOn(), layout, styles);
				case STATUS -> text(cell, data.status(), styles.text);
				case RECTIFIED_ON -> date(cell, data.rectifiedOn(), layout, styles);
				case INSPECTOR -> text(cell, data.inspector(), styles.text);
				case CONTACT -> phone(cell, data.contact(), layout, styles);
				case REMARK -> text(cell, data.remark(), styles.text);
			}
		}
	}

	private static void text(Cell cell, String value, CellStyle style) {
		if (value != null && !value.isEmpty()) {
			cell.setCellValue(value);
		}
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static void number(Cell cell, double value, CellStyle style) {
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void date(Cell cell, LocalDate value, Layout layout, Styles styles) {
		if (value == null) {
			cell.setCellStyle(styles.text);
		}
		else if (layout.dates.cell) {
			cell.setCellValue(value);
			cell.setCellStyle(styles.date);
		}
		else {
			text(cell, layout.dates.text(value), styles.text);
		}
	}

	private static void phone(Cell cell, String value, Layout layout, Styles styles) {
		if (layout.phones == PhoneStyle.TEXT) {
			text(cell, value, styles.text);
		}
		else {
			number(cell, Double.parseDouble(value), styles.phone);
		}
	}

	/**
	 * Merges runs of the same village, value in the first cell, as the clerk of 龙山镇 does.
	 */
	private static void mergeVillages(Sheet sheet, List<LedgerRow> rows, int firstData, int column) {
		int start = 0;
		for (int i = 1; i <= rows.size(); i++) {
			boolean runEnds = i == rows.size()
					|| !Objects.equals(rows.get(i).villageCell(), rows.get(start).villageCell());
			if (runEnds) {
				if (i - start > 1) {
					for (int j = start + 1; j < i; j++) {
						sheet.getRow(firstData + j).getCell(column).setBlank();
					}
					sheet.addMergedRegion(new CellRangeAddress(firstData + start, firstData + i - 1, column, column));
				}
				start = i;
			}
		}
	}

	/** 西溪镇's workbook opens with instructions (no header) before the ledger. */
	private static void noteSheet(XSSFWorkbook workbook) {
		Sheet sheet = workbook.createSheet("填表说明");
		List<String> lines = List.of("填表说明", "1. 每个隐患填写一行，已整改的隐患请填写整改日期。", "2. 场所类型请从下拉列表中选择：居住出租房、沿街店铺、“三合一”企业。",
				"3. 每日17:00前上传至“双月攻坚”工作群。", "4. 本表由镇安监站汇总，联系人：西溪镇应急管理办公室。");
		for (int i = 0; i < lines.size(); i++) {
			sheet.createRow(i).createCell(0).setCellValue(lines.get(i));
		}
		sheet.setColumnWidth(0, 70 * 256);
	}

	/** A hidden sheet holding the drop-down values; it has no ledger header either. */
	private static void optionsSheet(XSSFWorkbook workbook, Layout layout) {
		Sheet sheet = workbook.createSheet("下拉选项");
		List<String> categories = List.copyOf(layout.categories.values());
		List<String> statuses = List.copyOf(layout.statuses.values());
		for (int r = 0; r < Math.max(categories.size(), statuses.size()); r++) {
			Row row = sheet.createRow(r);
			row.createCell(0).setCellValue(categories.get(r));
			row.createCell(1).setCellValue(statuses.get(r));
		}
		workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
	}

	/** Fixed document dates: the same inputs must give the same files. */
	private static void properties(XSSFWorkbook workbook, LocalDate filledOn) {
		POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
		core.setCreator("Administrator");
		core.setLastModifiedByUser("Administrator");
		core.setCreated(Optional.of(date(CAMPAIGN_START.atTime(8, 30))));
		core.setModified(Optional.of(date(filledOn.atTime(17, 30))));
	}

	private static Date date(LocalDateTime time) {
		return Date.from(time.atZone(CHINA).toInstant());
	}

	/**
	 * POI stamps every zip entry with the current time; rewrite the package with a fixed
	 * time so that the same workbook always gives the same bytes (and the same SHA-256).
	 */
	private static byte[] withFixedEntryTimes(byte[] xlsx, LocalDateTime time) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTimeLocal(time);
				zip.putNextEntry(copy);
				in.transferTo(zip);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static final class Styles {

		final CellStyle title;

		final CellStyle header;

		final CellStyle text;

		final CellStyle date;

		final CellStyle phone;

		Styles(XSSFWorkbook workbook, Layout layout) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 16);
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.title.setAlignment(HorizontalAlignment.CENTER);
			this.title.setVerticalAlignment(VerticalAlignment.CENTER);
			this.header = bordered(workbook);
			this.header.setFont(bold);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.header.setWrapText(true);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.text = bordered(workbook);
			this.date = bordered(workbook);
			this.date.setDataFormat(workbook.createDataFormat().getFormat(layout.dates.format));
			this.phone = bordered(workbook);
			if (layout.phones == PhoneStyle.NUMBER_ZERO_FORMAT) {
				this.phone.setDataFormat(workbook.createDataFormat().getFormat("0"));
			}
		}

		private static CellStyle bordered(XSSFWorkbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			return style;
		}

	}

	private LedgerWorkbooks() {
	}

}
