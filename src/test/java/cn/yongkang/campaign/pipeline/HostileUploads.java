package cn.yongkang.campaign.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the files a hostile or careless uploader sends: .xlsx packages written part by
 * part (damage no spreadsheet program would save: rows twice, references past XFD,
 * {@code count="abc"}, sheet names of thousands of characters, gigantic shared strings)
 * and CSV files, streamed to disk so that hundreds of megabytes never sit in the test's
 * heap. Their data rows name another township (古山镇), so that the township folder they sit
 * in keeps the figures of its good ledger beside them: every such row is rejected.
 */
final class HostileUploads {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final List<String> HEADER = List.of("乡镇（街道）", "村（社区）", "场所类型", "地址", "隐患描述", "排查日期", "整改情况", "联系电话", "排查人");

	/** A row that is rejected in 东城街道's folder: it names 古山镇. */
	static final List<String> FOREIGN_ROW = List.of("古山镇", "古山一村", "居住出租房", "古山一村8号", "楼道堆放杂物", "2022-10-01", "未整改",
			"13812345678", "胡建平");

	private HostileUploads() {
	}

	/** Writes one part's content. */
	interface Part {

		void write(Writer out) throws IOException;

	}

	/**
	 * An .xlsx of one sheet.
	 * @param sharedStrings the whole {@code xl/sharedStrings.xml}, or null for none
	 * @param rows the content of {@code <sheetData>}
	 */
	static void xlsx(Path file, String sheetName, Part sharedStrings, Part rows) throws IOException {
		xlsx(file, sheetName, sharedStrings, rows, "");
	}

	/**
	 * @param prolog what the sheet part has before its root element: a DOCTYPE, say
	 */
	static void xlsx(Path file, String sheetName, Part sharedStrings, Part rows, String prolog) throws IOException {
		try (OutputStream bytes = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_SPEED);
			Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
			entry(zip, out, "[Content_Types].xml", (w) -> w
				.write("""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
						<Default Extension="xml" ContentType="application/xml"/>\
						<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
						<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
						<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
						<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
						</Types>"""));
			entry(zip, out, "_rels/.rels", (w) -> w
				.write("""
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
						</Relationships>"""));
			entry(zip, out, "xl/workbook.xml", (w) -> {
				w.write("<workbook xmlns=\"" + MAIN
						+ "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
				w.write("<sheet name=\"" + escape(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			});
			entry(zip, out, "xl/_rels/workbook.xml.rels", (w) -> w
				.write("""
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
						<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
						<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
						</Relationships>"""));
			entry(zip, out, "xl/styles.xml", (w) -> w.write("<styleSheet xmlns=\"" + MAIN
					+ "\"><fonts count=\"1\"><font/></fonts>"
					+ "<fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
					+ "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>"));
			if (sharedStrings != null) {
				entry(zip, out, "xl/sharedStrings.xml", sharedStrings);
			}
			entry(zip, out, "xl/worksheets/sheet1.xml", (w) -> {
				w.write(prolog + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
				rows.write(w);
				w.write("</sheetData></worksheet>");
			});
			out.flush();
		}
	}

	private static void entry(ZipOutputStream zip, Writer out, String name, Part part) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		part.write(out);
		out.flush();
		zip.closeEntry();
	}

	/** A row of inline strings. */
	static String row(int number, List<String> values) {
		StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
		for (int i = 0; i < values.size(); i++) {
			row.append(inline(ref(i, number), values.get(i)));
		}
		return row.append("</row>").toString();
	}

	static String inline(String reference, String text) {
		return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + escape(text) + "</t></is></c>";
	}

	static String ref(int column, int row) {
		return (char) ('A' + column) + String.valueOf(row);
	}

	/** The header and a rejected row, then whatever the attack adds. */
	static Part ledger(String extraRows) {
		return (w) -> {
			w.write(row(1, HEADER));
			w.write(row(2, FOREIGN_ROW));
			w.write(extraRows);
		};
	}

	/** Random text of a few letters: it deflates about 4:1, far from a zip bomb. */
	static void randomText(Writer out, long length, Random random) throws IOException {
		char[] chunk = new char[8192];
		for (long written = 0; written < length; written += chunk.length) {
			int n = (int) Math.min(chunk.length, length - written);
			for (int i = 0; i < n; i++) {
				chunk[i] = "abcd".charAt(random.nextInt(4));
			}
			out.write(chunk, 0, n);
		}
	}

	/** A CSV file: the header, a rejected row, then what the attack writes. */
	static void csv(Path file, Part tail) throws IOException {
		try (Writer out = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
			out.write(String.join(",", HEADER) + "\r\n");
			out.write(String.join(",", FOREIGN_ROW) + "\r\n");
			tail.write(out);
		}
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
