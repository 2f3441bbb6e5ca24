package cn.yongkang.campaign.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import cn.yongkang.campaign.registry.Category;

/**
 * Writes the report files: {@code bulletin.md}, {@code bulletin.docx} and
 * {@code tables.xlsx}. Each file is written to a temporary name and moved into place, so
 * a reader never sees half a file.
 */
final class ReportFiles {

	static final String MARKDOWN = "bulletin.md";

	static final String WORD = "bulletin.docx";

	static final String TABLES = "tables.xlsx";

	private ReportFiles() {
	}

	static void write(Path folder, Bulletin bulletin, Snapshot snapshot) throws IOException {
		Files.createDirectories(folder);
		removeLeftovers(folder);
		atomically(folder.resolve(MARKDOWN), (out) -> out.write(bulletin.markdown().getBytes(StandardCharsets.UTF_8)));
		atomically(folder.resolve(WORD), (out) -> word(bulletin, out));
		atomically(folder.resolve(TABLES), (out) -> tables(snapshot, out));
	}

	private static void word(Bulletin bulletin, OutputStream out) throws IOException {
		try (XWPFDocument document = new XWPFDocument()) {
			XWPFParagraph title = document.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			title.setSpacingAfter(240);
			run(title, bulletin.title(), "方正小标宋简体", 22, true);
			for (String text : bulletin.paragraphs()) {
				XWPFParagraph paragraph = document.createParagraph();
				paragraph.setIndentationFirstLine(640);
				paragraph.setSpacingBetween(1.5);
				run(paragraph, text, "仿宋_GB2312", 16, false);
			}
			document.write(out);
		}
	}

	private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
		XWPFRun run = paragraph.createRun();
		run.setText(text);
		run.setFontFamily(font);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontSize(size);
		run.setBold(bold);
	}

	private static void tables(Snapshot snapshot, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
			Styles styles = new Styles(workbook);
			Sheet townships = sheet(workbook, styles, "乡镇（街道）统计", "乡镇（街道）", "代码", "场所类型", "排查数", "已整改数", "整改率");
			for (Snapshot.TownshipFigure f : snapshot.townships()) {
				values(townships, styles, f.name(), f.code(), label(f.category()), f.found(), f.rectified(), f.rate());
			}
			Sheet villages = sheet(workbook, styles, "村（社区）统计", "乡镇（街道）", "村（社区）", "代码", "类别", "场所类型", "排查数", "已整改数",
					"整改率");
			for (Snapshot.VillageFigure f : snapshot.villages()) {
				values(villages, styles, f.townshipName(), f.name(), f.code(), f.kind(), label(f.category()), f.found(),
						f.rectified(), f.rate());
			}
			Sheet rankings = sheet(workbook, styles, "排名", "场所类型", "指标", "前/后", "名次", "乡镇（街道）", "数值", "并列");
			for (Snapshot.Ranked r : snapshot.rankings()) {
				boolean rate = r.metric().equals("rectification_rate");
				values(rankings, styles, label(r.category()), rate ? "整改率" : "排查数", r.side().equals("top") ? "前" : "后",
						r.position(), r.name(), rate ? r.value() : (Object) r.value().intValue(), r.tied() ? "是" : "");
			}
			Sheet lagging = sheet(workbook, styles, "整改落后村（社区）", "场所类型", "类别", "名次", "乡镇（街道）", "村（社区）", "代码", "排查数",
					"已整改数", "整改率");
			for (Snapshot.Lagging l : snapshot.lagging()) {
				values(lagging, styles, label(l.category()), l.kind(), l.position(), l.townshipName(), l.name(),
						l.code(), l.found(), l.rectified(), l.rate());
			}
			workbook.write(out);
		}
	}

	private static String label(String categoryCode) {
		return Category.valueOf(categoryCode).label();
	}

	private static Sheet sheet(SXSSFWorkbook workbook, Styles styles, String name, String... headers) {
		Sheet sheet = workbook.createSheet(name);
		Row row = sheet.createRow(0);
		for (int i = 0; i < headers.length; i++) {
			row.createCell(i).setCellValue(headers[i]);
			row.getCell(i).setCellStyle(styles.header);
			sheet.setColumnWidth(i, Math.max(10, headers[i].length() * 3) * 256);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	/**
	 * Numbers stay numbers (rates as percentages); text is the registry's own, never a
	 * formula.
	 */
	private static void values(Sheet sheet, Styles styles, Object... values) {
		Row row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value instanceof BigDecimal rate) {
				row.createCell(i).setCellValue(rate.doubleValue());
				row.getCell(i).setCellStyle(styles.percent);
			}
			else if (value instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (value != null) {
				row.createCell(i).setCellValue(value.toString());
			}
		}
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle percent;

		Styles(SXSSFWorkbook workbook) {
			this.header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header.setFont(bold);
			this.percent = workbook.createCellStyle();
			this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
		}

	}

	private interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** Temporary files of a process killed while writing them. */
	private static void removeLeftovers(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().matches("\\..*\\.tmp")).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	private static void atomically(Path target, Content content) throws IOException {
		// Not Files.createTempFile, whose 0600 would hide the reports from the group: a
		// new file takes the mode the umask gives.
		Path temporary = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temporary, java.nio.file.StandardOpenOption.CREATE_NEW,
					java.nio.file.StandardOpenOption.WRITE)) {
				content.writeTo(out);
			}
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	static List<String> fileNames() {
		return List.of(MARKDOWN, WORD, TABLES);
	}

}
