package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.QuarantinedRows;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * One night's inbox of files that cannot be read, next to two good ones, run by the real
 * jar on PostgreSQL: the night completes, every bad file is quarantined with the reason a
 * clerk can act on (or ignored, or recognized as a duplicate), the good files' rows are
 * loaded, {@code status --date} lists them all, and the township's feedback workbook
 * lists the unreadable files and the rejected rows with nothing Excel would run as a
 * formula.
 * <p>
 * Fixtures in {@code src/test/resources/badfiles/}, one per case. Office files were made
 * by LibreOffice Calc 7.4 driven through UNO (Python): a ledger typed as CSV (title and
 * date rows, header on row 3, five rows: row 7 names a village of 龙山镇, row 8 is 已整改
 * without 整改日期) opened with the CSV filter (UTF-8, special numbers detected, so dates and
 * the mobile numbers become date and number cells) and stored with each filter:
 * <ul>
 * <li>{@code good-ledger.xlsx}: "Calc MS Excel 2007 XML".
 * <li>{@code password-protected.xlsx}: the same filter with EncryptionData
 * {@code OOXPassword} (what Save As with “Save with password” passes): an encrypted OLE2
 * package.
 * <li>{@code html-saved-as.xls}: "HTML (StarCalc)", renamed, as web systems hand out
 * “Excel” downloads.
 * <li>{@code pdf-renamed.xlsx}: "calc_pdf_Export", renamed.
 * <li>{@code no-header.xlsx}: a title row and three data rows, the header row deleted.
 * <li>{@code missing-required-columns.xlsx}: a header of 序号, 乡镇（街道）, 村（社区）, 场所类型, 排查日期,
 * 整改情况, 排查人: no 地址, no 隐患描述.
 * </ul>
 * The rest were written with Python, the damaged ones from {@code good-ledger.xlsx}
 * (random bytes from {@code random.Random(20221010)}):
 * <ul>
 * <li>{@code corrupt-zip.xlsx}: 1 KiB of the deflated sheet data overwritten with random
 * bytes (the zip directory intact: the damage shows only while inflating the sheet).
 * <li>{@code corrupt-zip-directory.xlsx}: the central directory overwritten with random
 * bytes.
 * <li>{@code corrupt-zip-package-rels.xlsx}: 200 bytes of the deflated
 * {@code _rels/.rels} (the package's first part, which names the workbook) overwritten
 * with random bytes.
 * <li>{@code truncated.xlsx}: the first half of the file, as an interrupted upload leaves
 * it.
 * <li>{@code zip-bomb.xlsx}: Python's {@code zipfile} rewrote the package with 512 MiB of
 * blanks after the sheet's rows, inside {@code <sheetData>} (deflate level 9: 516 KiB,
 * about 1000:1), more than the jar's JVM (-Xmx512m) could hold as text; POI's
 * {@code ZipSecureFile} stops it after the first 100 KiB.
 * <li>{@code empty.xlsx}: 0 bytes.
 * <li>{@code ~$lockfile.xlsx}: the 165-byte owner file Excel leaves beside an open
 * workbook (user name, length-prefixed, padded); {@code .hidden}: a hidden file as macOS
 * and sync tools leave them. Neither is an upload: both must be ignored, not quarantined.
 * <li>{@code formula-like-values.csv}: written by hand, UTF-8 with BOM as Excel's “CSV
 * UTF-8”: an accepted row, a rejected row (场所类型 {@code @SUM(A1:A2)}) whose values start
 * with = + - @, and an accepted row with a warning (联系电话 12345) whose 场所名称, 地址 and 隐患描述
 * start with =, + and -.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadFilesIntegrationTests {

	private static final Path FIXTURES = Path.of("src/test/resources/badfiles").toAbsolutePath();

	private static final Path JOBS = Path.of("jobs").toAbsolutePath();

	private static final String NIGHT = "2022-10-10";

	private static final String NEXT_NIGHT = "2022-10-11";

	private static final String TOWNSHIP = "东城街道";

	private static final String RESENT = "东城街道台账（再次上传）.xlsx";

	private static final String CORRUPT = "文件已损坏，无法作为Excel表格打开。请在Excel或WPS中打开确认，另存为.xlsx后重新上传";

	/** What each unreadable file of the township folder must be quarantined for. */
	private static final Map<String, String> QUARANTINED = new LinkedHashMap<>();

	static {
		QUARANTINED.put("corrupt-zip-directory.xlsx", CORRUPT);
		QUARANTINED.put("corrupt-zip-package-rels.xlsx", CORRUPT);
		QUARANTINED.put("corrupt-zip.xlsx", CORRUPT);
		QUARANTINED.put("empty.xlsx", "文件为空（0字节）。请重新导出台账后上传");
		QUARANTINED.put("html-saved-as.xls", "文件是网页（HTML）另存而成，并非真正的Excel表格。请在Excel或WPS中打开，另存为.xlsx后重新上传");
		QUARANTINED.put("missing-required-columns.xlsx", "工作表“Sheet1”第1行的表头缺少必需列：地址、隐患描述。请按台账模板补齐列名后重新上传");
		QUARANTINED.put("no-header.xlsx", "未找到台账表头：请保留“乡镇（街道）”“村（社区）”“场所类型”“地址”“隐患描述”“排查日期”“整改情况”等列名（表头须在前30行内）后重新上传");
		QUARANTINED.put("password-protected.xlsx", "文件设置了打开密码，无法读取。请取消密码后重新上传");
		QUARANTINED.put("pdf-renamed.xlsx", CORRUPT);
		QUARANTINED.put("truncated.xlsx", CORRUPT);
		QUARANTINED.put("zip-bomb.xlsx", "文件解压后的大小异常（疑似压缩炸弹），已拒收。请重新导出台账后上传");
	}

	@TempDir
	static Path work;

	private TestDatabase database;

	private JdbcTemplate jdbc;

	private CampaignJar jar;

	private CampaignJar.Result night;

	private CampaignJar.Result nextNight;

	@BeforeAll
	void runTwoNights() throws IOException {
		Path inbox = work.resolve("inbox");
		Path township = Files.createDirectories(inbox.resolve(NIGHT).resolve(TOWNSHIP));
		for (String name : QUARANTINED.keySet()) {
			copy(name, township.resolve(name));
		}
		for (String name : List.of("good-ledger.xlsx", "formula-like-values.csv", "~$lockfile.xlsx", ".hidden")) {
			copy(name, township.resolve(name));
		}
		copy("good-ledger.xlsx", township.resolve(RESENT));
		copy("good-ledger.xlsx", inbox.resolve(NIGHT).resolve("good-ledger.xlsx"));
		copy("good-ledger.xlsx",
				Files.createDirectories(inbox.resolve(NIGHT).resolve("新建文件夹")).resolve("good-ledger.xlsx"));
		copy("good-ledger.xlsx",
				Files.createDirectories(inbox.resolve(NEXT_NIGHT).resolve(TOWNSHIP)).resolve("good-ledger.xlsx"));

		this.database = TestDatabase.create();
		this.jdbc = this.database.jdbc();
		this.jar = new CampaignJar(work, this.database.environment());
		this.night = this.jar.run("run", "--inbox", inbox.toString(), "--date", NIGHT, "--jobs", JOBS.toString(),
				"--reports", reports().toString());
		this.nextNight = this.jar.run("run", "--inbox", inbox.toString(), "--date", NEXT_NIGHT, "--jobs",
				JOBS.toString(), "--reports", reports().toString());
	}

	@AfterAll
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void bothNightsComplete() {
		assertThat(this.night.exitCode()).as(this.night.toString()).isZero();
		assertThat(this.night.stderr()).doesNotContain("OutOfMemoryError");
		assertThat(this.nextNight.exitCode()).as(this.nextNight.toString()).isZero();
		assertThat(this.jdbc.queryForList("SELECT status FROM batch_job_execution ORDER BY job_execution_id",
				String.class))
			.containsExactly("COMPLETED", "COMPLETED");
	}

	@Test
	void everyBadFileIsQuarantinedWithItsReason() {
		Map<String, String> quarantined = new LinkedHashMap<>();
		this.jdbc
			.queryForList("SELECT file_name, reason FROM upload_file WHERE inbox_date = DATE '" + NIGHT
					+ "' AND township_folder = ? AND status = 'QUARANTINED' ORDER BY file_name", TOWNSHIP)
			.forEach((row) -> quarantined.put((String) row.get("file_name"), (String) row.get("reason")));
		assertThat(quarantined).containsExactlyInAnyOrderEntriesOf(QUARANTINED);
		assertThat(this.jdbc.queryForList("SELECT stage FROM upload_file WHERE status = 'QUARANTINED'", String.class))
			.containsOnly("DONE");
		QuarantinedRows.assertNone(this.jdbc);
	}

	@Test
	void filesOutsideATownshipFolderAreQuarantinedForTheirPlace() {
		List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT township_folder, file_name, status, reason,"
				+ " township_code FROM upload_file WHERE inbox_date = DATE '" + NIGHT + "' AND township_folder <> ?"
				+ " ORDER BY township_folder", TOWNSHIP);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("township_folder", "")
			.containsEntry("file_name", "good-ledger.xlsx")
			.containsEntry("status", "QUARANTINED")
			.containsEntry("township_code", null)
			.containsEntry("reason", "文件未放在乡镇（街道）文件夹中，无法确定上传单位。请放入以本单位名称命名的文件夹后重新上传");
		assertThat(rows.get(1)).containsEntry("township_folder", "新建文件夹")
			.containsEntry("file_name", "good-ledger.xlsx")
			.containsEntry("status", "QUARANTINED")
			.containsEntry("township_code", null)
			.containsEntry("reason", "文件夹“新建文件夹”不是登记的乡镇（街道）名称或代码，无法确定上传单位。请以本单位名称命名文件夹后重新上传");
	}

	@Test
	void lockAndHiddenFilesAreIgnored() {
		assertThat(this.jdbc.queryForList("SELECT file_name FROM upload_file", String.class))
			.doesNotContain("~$lockfile.xlsx", ".hidden");
		assertThat(this.night.stderr()).contains("~$lockfile.xlsx: not an upload", ".hidden: not an upload");
	}

	@Test
	void theSameFileTwiceTheSameNightAndAgainTheNextNightIsADuplicate() {
		long original = this.jdbc.queryForObject(
				"SELECT file_id FROM upload_file WHERE inbox_date = DATE '" + NIGHT
						+ "' AND township_folder = ? AND file_name = 'good-ledger.xlsx' AND status = 'LOADED'",
				Long.class, TOWNSHIP);
		List<Map<String, Object>> duplicates = this.jdbc.queryForList("SELECT inbox_date, file_name, reason,"
				+ " duplicate_of, rows_read FROM upload_file WHERE status = 'DUPLICATE' ORDER BY file_id");
		assertThat(duplicates).hasSize(2);
		assertThat(duplicates.get(0)).containsEntry("file_name", RESENT)
			.containsEntry("reason", "与2022-10-10已上传的“good-ledger.xlsx”内容完全相同，未重复处理")
			.containsEntry("duplicate_of", original)
			.containsEntry("rows_read", null);
		assertThat(duplicates.get(1).get("inbox_date").toString()).isEqualTo(NEXT_NIGHT);
		assertThat(duplicates.get(1)).containsEntry("file_name", "good-ledger.xlsx")
			.containsEntry("reason", "与2022-10-10已上传的“good-ledger.xlsx”内容完全相同，未重复处理")
			.containsEntry("duplicate_of", original);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM upload_file WHERE inbox_date = DATE '" + NEXT_NIGHT + "'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void theGoodFilesRowsAreLoaded() {
		Map<String, String> reconciliation = new LinkedHashMap<>();
		this.jdbc
			.queryForList("SELECT file_name, rows_read || '=' || rows_accepted || '+' || rows_rejected || '+'"
					+ " || rows_blank || ' warned ' || rows_warned AS counts FROM upload_file WHERE status = 'LOADED'"
					+ " ORDER BY file_name")
			.forEach((row) -> reconciliation.put((String) row.get("file_name"), (String) row.get("counts")));
		assertThat(reconciliation).containsExactly(entry("formula-like-values.csv", "3=2+1+0 warned 1"),
				entry("good-ledger.xlsx", "5=3+2+0 warned 0"));
		assertThat(this.jdbc.queryForList("SELECT f.file_name || ' ' || v.row_number FROM validated_row v"
				+ " JOIN upload_file f ON f.file_id = v.file_id", String.class))
			.containsExactlyInAnyOrder("formula-like-values.csv 2", "formula-like-values.csv 4", "good-ledger.xlsx 4",
					"good-ledger.xlsx 5", "good-ledger.xlsx 6");
		assertThat(this.jdbc.queryForList("SELECT COALESCE(hazard_ref, address) FROM hazard", String.class))
			.containsExactlyInAnyOrder("+1号楼", "DC-B001", "DC-B002", "DC-B003", "园丁路20号");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM hazard_history", Integer.class)).isEqualTo(5);
	}

	@Test
	void theZipBombIsQuarantinedQuickly() {
		Timestamp bomb = receivedAt("zip-bomb.xlsx");
		Timestamp next = receivedAt(RESENT);
		assertThat(Duration.between(bomb.toInstant(), next.toInstant()))
			.as("time spent on zip-bomb.xlsx (512 MiB inflated)")
			.isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void statusListsTheNightsUploads() {
		CampaignJar.Result status = this.jar.run("status", "--date", NIGHT);
		assertThat(status.exitCode()).as(status.toString()).isZero();
		List<String> lines = status.stdout().lines().toList();
		QUARANTINED.forEach((file, reason) -> assertThat(lines)
			.anyMatch((line) -> line.contains("QUARANTINED") && line.contains(file) && line.contains(reason)));
		assertThat(lines).anyMatch((line) -> line.contains("LOADED") && line.contains("good-ledger.xlsx")
				&& line.contains("rows 5 = accepted 3 + rejected 2 + blank 0"));
		assertThat(lines).anyMatch((line) -> line.contains("LOADED") && line.contains("formula-like-values.csv")
				&& line.contains("rows 3 = accepted 2 + rejected 1 + blank 0, warnings 1"));
		assertThat(lines).anyMatch((line) -> line.contains("DUPLICATE") && line.contains(RESENT));
		assertThat(lines).anyMatch((line) -> line.contains("(unknown folder)") && line.contains("QUARANTINED")
				&& line.contains("文件夹“新建文件夹”不是登记的乡镇（街道）名称或代码"));
		assertThat(lines).anyMatch((line) -> line.contains("(unknown folder)") && line.contains("QUARANTINED")
				&& line.contains("文件未放在乡镇（街道）文件夹中"));
		assertThat(status.stdout()).doesNotContain("~$lockfile.xlsx", ".hidden");
	}

	@Test
	void theFeedbackWorkbookListsUnreadableFilesAndRejectedRows() throws IOException {
		Path feedback = reports().resolve("shuangyue-2022").resolve(NIGHT).resolve("feedback");
		try (Stream<Path> files = Files.list(feedback)) {
			assertThat(files.map((f) -> f.getFileName().toString()))
				.containsExactly(TOWNSHIP + "-" + NIGHT + "-退回清单.xlsx");
		}
		try (Workbook workbook = WorkbookFactory
			.create(feedback.resolve(TOWNSHIP + "-" + NIGHT + "-退回清单.xlsx").toFile(), null, true)) {
			assertThat(workbook.getSheetName(0)).isEqualTo("退回清单");
			assertThat(workbook.getSheet("退回清单").getRow(0).getCell(0).getStringCellValue())
				.startsWith(TOWNSHIP + "：" + NIGHT)
				.contains("3行被退回", QUARANTINED.size() + "个文件无法读取", "1行已接收但有提示", "重新上传");
			List<List<String>> unreadable = rows(workbook.getSheet("无法读取的文件"));
			assertThat(unreadable.get(0)).containsExactly("文件", "原因");
			Map<String, String> reasons = new LinkedHashMap<>();
			unreadable.subList(1, unreadable.size()).forEach((row) -> reasons.put(row.get(0), row.get(1)));
			assertThat(reasons).containsExactlyInAnyOrderEntriesOf(QUARANTINED);

			List<List<String>> rejected = rows(workbook.getSheet("退回清单"));
			assertThat(rejected.get(0)).containsExactly("文件", "行号", "退回原因", "修改建议", "隐患编号", "乡镇（街道）", "村（社区）", "场所类型",
					"场所名称", "地址", "隐患描述", "排查日期", "整改情况", "整改日期", "排查人", "联系电话");
			assertThat(rejected.subList(1, rejected.size())).extracting((row) -> row.subList(0, 3))
				.containsExactlyInAnyOrder(List.of("good-ledger.xlsx", "7", "村（社区）“下宅口村”不属于东城街道"),
						List.of("good-ledger.xlsx", "8", "整改情况为已整改，但整改日期为空"),
						List.of("formula-like-values.csv", "3", "场所类型“@SUM(A1:A2)”不是可选类型（居住出租房、沿街店铺、“三合一”企业）"));
			List<String> planted = rejected.stream().filter((row) -> row.get(1).equals("3")).findFirst().orElseThrow();
			assertThat(planted.subList(4, planted.size())).containsExactly("", TOWNSHIP, "园丁社区", "'@SUM(A1:A2)",
					"'=HYPERLINK(\"http://example.com/x\",\"详情\")", "'-1+1", "'+86灭火器缺失", "2022-10-07", "未整改", "",
					"'=1+1", "'+86 138 0013 8000");

			List<List<String>> warnings = rows(workbook.getSheet("提示"));
			assertThat(warnings).hasSize(2);
			assertThat(warnings.get(0)).startsWith("文件", "行号");
			assertThat(warnings.get(1)).containsExactly("formula-like-values.csv", "4", "联系电话“12345”不像有效的手机或固定电话号码，请核对",
					"'=HYPERLINK(\"http://example.com/y\",\"点击\")", "'+1号楼", "'-楼道堆放杂物");

			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.STRING) {
							assertThat(cell.getStringCellValue()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
								.doesNotStartWith("=")
								.doesNotStartWith("+")
								.doesNotStartWith("-")
								.doesNotStartWith("@");
						}
						assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
							.isNotEqualTo(CellType.FORMULA);
					}
				}
			}
		}
	}

	/** A sheet's cells as text, each row as wide as the header. */
	/** The rows under the sheet's first line (which says what the workbook is about). */
	private static List<List<String>> rows(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		int width = sheet.getRow(1).getLastCellNum();
		List<List<String>> rows = new ArrayList<>();
		for (Row row : sheet) {
			if (row.getRowNum() == 0) {
				continue;
			}
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < width; c++) {
				Cell cell = row.getCell(c);
				cells.add((cell == null) ? "" : formatter.formatCellValue(cell));
			}
			rows.add(cells);
		}
		return rows;
	}

	private Timestamp receivedAt(String fileName) {
		return this.jdbc.queryForObject("SELECT received_at FROM upload_file WHERE inbox_date = DATE '" + NIGHT
				+ "' AND township_folder = ? AND file_name = ?", Timestamp.class, TOWNSHIP, fileName);
	}

	private static void copy(String fixture, Path target) throws IOException {
		Files.copy(FIXTURES.resolve(fixture), target);
	}

	private static Path reports() {
		return work.resolve("reports");
	}

}
