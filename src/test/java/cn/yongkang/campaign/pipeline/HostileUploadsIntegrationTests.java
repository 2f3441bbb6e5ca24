package cn.yongkang.campaign.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
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
import org.springframework.util.FileSystemUtils;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.QuarantinedRows;
import cn.yongkang.campaign.support.TestDatabase;

import static cn.yongkang.campaign.pipeline.HostileUploads.FOREIGN_ROW;
import static cn.yongkang.campaign.pipeline.HostileUploads.HEADER;
import static cn.yongkang.campaign.pipeline.HostileUploads.csv;
import static cn.yongkang.campaign.pipeline.HostileUploads.inline;
import static cn.yongkang.campaign.pipeline.HostileUploads.ledger;
import static cn.yongkang.campaign.pipeline.HostileUploads.randomText;
import static cn.yongkang.campaign.pipeline.HostileUploads.row;
import static cn.yongkang.campaign.pipeline.HostileUploads.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-upload night: sample-input's three nights, with every attack of the
 * hostile-upload list beside 东城街道's good ledger of the last night (and a link in 古山镇's
 * folder), run by the real jar with {@code -Xmx256m}, on PostgreSQL, in an environment
 * without any locale (as cron runs it), with the default settle time. The night
 * completes; every township's figures are those of the clean sample (none of the attack
 * files adds a hazard); every bad file is quarantined, or left for the next run, with a
 * reason; every bad row is rejected with a reason; nothing stored stops a later stage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUploadsIntegrationTests {

	private static final String NIGHT = "2022-10-04";

	private static final String TOWNSHIP = "东城街道";

	private static final String FOREIGN = "乡镇（街道）“古山镇”与上传单位东城街道不符，请由古山镇自行上报";

	private static final String MODIFIED = "请在Excel或WPS中打开，另存为.xlsx后重新上传";

	private static final Path JOBS = Path.of("jobs").toAbsolutePath();

	@TempDir
	static Path work;

	private TestDatabase database;

	private JdbcTemplate jdbc;

	private CampaignJar jar;

	private CampaignJar.Result earlierNights;

	private CampaignJar.Result night;

	private Path temporary;

	private Path deadProcessFolder;

	@BeforeAll
	void runTheNight() throws IOException, InterruptedException {
		Path inbox = work.resolve("inbox");
		FileSystemUtils.copyRecursively(Path.of("sample-input"), inbox);
		Files.deleteIfExists(inbox.resolve("README.md"));
		Path township = inbox.resolve(NIGHT).resolve(TOWNSHIP);
		writeAttacks(township, inbox.resolve(NIGHT).resolve("古山镇"));
		// Everything was uploaded an hour ago, but for one file still arriving.
		try (Stream<Path> files = Files.walk(inbox)) {
			for (Path file : files.filter((f) -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
				Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
			}
		}

		this.temporary = Files.createDirectories(work.resolve("tmp"));
		this.deadProcessFolder = Files.createDirectories(this.temporary.resolve("campaign-pipeline-999999999"));
		Files.writeString(this.deadProcessFolder.resolve("poi-sxssf-sheet.xml"), "left by a killed process");

		this.database = TestDatabase.create();
		this.jdbc = this.database.jdbc();
		Map<String, String> bare = new HashMap<>(this.database.environment());
		// No locale at all, as under cron or env -i; the default settle time.
		bare.put("LANG", "");
		bare.put("LC_ALL", "");
		bare.put("LC_CTYPE", "");
		bare.put("CAMPAIGN_INBOX_SETTLE", "60s");
		bare.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + this.temporary);
		this.jar = new CampaignJar(work, bare, "256m");
		this.earlierNights = this.jar.run("backfill", "--inbox", inbox.toString(), "--from", "2022-10-02", "--to",
				"2022-10-03", "--jobs", JOBS.toString(), "--reports", work.resolve("reports").toString());
		// A ledger still arriving as the night starts (a new one: the same content again
		// would be a duplicate without being read).
		csv(township.resolve("刚上传.csv"), (w) -> w.write(String.join(",", foreign(3, "古山一村11号")) + "\r\n"));
		// Its writer is still at it while the night starts (however slowly the JVM does).
		Files.setLastModifiedTime(township.resolve("刚上传.csv"), FileTime.from(Instant.now().plusSeconds(30)));
		this.night = this.jar.run("run", "--inbox", inbox.toString(), "--date", NIGHT, "--jobs", JOBS.toString(),
				"--reports", work.resolve("reports").toString());
	}

	@AfterAll
	void dropDatabase() {
		this.database.close();
	}

	private static void writeAttacks(Path township, Path otherTownship) throws IOException, InterruptedException {
		Random random = new Random(20221004);
		// Shared strings: more than 8 million, and one string of 120 million characters.
		xlsx(township.resolve("共享字符串过多.xlsx"), "Sheet1", (w) -> {
			w.write("<sst xmlns=\"" + HostileUploads.MAIN + "\">");
			String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
			for (int i = 0; i < 8_200_000; i++) {
				w.write("<si><t>");
				w.write(letters.charAt(random.nextInt(letters.length())));
				w.write("</t></si>");
			}
			w.write("</sst>");
		}, ledger(""));
		xlsx(township.resolve("超长字符串.xlsx"), "Sheet1", (w) -> {
			w.write("<sst xmlns=\"" + HostileUploads.MAIN + "\" count=\"1\" uniqueCount=\"1\"><si><t>");
			randomText(w, 80_000_000L, random);
			w.write("</t></si></sst>");
		}, ledger("<row r=\"3\">" + inline("A3", TOWNSHIP) + inline("B3", "园丁社区") + inline("C3", "居住出租房")
				+ inline("D3", "园丁路1号") + "<c r=\"E3\" t=\"s\"><v>0</v></c>" + inline("F3", "2022-10-01")
				+ inline("G3", "未整改") + "</row>"));
		// A cell past XFD; a row twice; a sheet name of 2,100 characters; count="abc".
		xlsx(township.resolve("列超出XFD.xlsx"), "Sheet1", null,
				ledger("<row r=\"3\">" + inline("AAAAAA3", "古山镇") + "</row>"));
		xlsx(township.resolve("行号重复.xlsx"), "Sheet1", null, ledger(row(2, FOREIGN_ROW)));
		xlsx(township.resolve("超长工作表名.xlsx"), "台账".repeat(1050), null, ledger(""));
		xlsx(township.resolve("计数非数字.xlsx"), "Sheet1", (w) -> {
			w.write("<sst xmlns=\"" + HostileUploads.MAIN + "\" count=\"abc\" uniqueCount=\"-1x\">");
			for (String value : FOREIGN_ROW) {
				w.write("<si><t>" + value + "</t></si>");
			}
			w.write("</sst>");
		}, (w) -> {
			w.write(row(1, HEADER));
			w.write("<row r=\"2\">");
			for (int i = 0; i < FOREIGN_ROW.size(); i++) {
				w.write("<c r=\"" + HostileUploads.ref(i, 2) + "\" t=\"s\"><v>" + i + "</v></c>");
			}
			w.write("</row>");
		});
		// Numbers in text cells that would expand to billions of digits; NUL in xlsx.
		xlsx(township.resolve("指数文本.xlsx"), "Sheet1", null,
				ledger(row(3, foreign(7, "1E999999999")) + row(4, foreign(7, "1E2147483647"))));
		xlsx(township.resolve("空字符.xlsx"), "Sheet1", null, ledger(row(3, foreign(3, "古山一村_x0000_9号"))));
		// A cell over Excel's 32,767 characters, in a row that is otherwise fine.
		xlsx(township.resolve("超长单元格.xlsx"), "Sheet1", null, ledger(row(3, List.of(TOWNSHIP, "园丁社区", "居住出租房", "园丁路1号",
				randomChinese(40_000, random), "2022-10-01", "未整改", "", ""))));
		// A cell of 150 million characters in the sheet itself (a parser that held it
		// whole
		// would need 300 MB), and the classic XML attacks: an external entity, entity
		// expansion.
		xlsx(township.resolve("超长内联单元格.xlsx"), "Sheet1", null, (w) -> {
			ledger("").write(w);
			w.write("<row r=\"3\">" + inline("A3", TOWNSHIP) + inline("B3", "园丁社区") + inline("C3", "居住出租房")
					+ inline("D3", "园丁路3号") + "<c r=\"E3\" t=\"inlineStr\"><is><t>");
			randomText(w, 150_000_000L, random);
			w.write("</t></is></c>" + inline("F3", "2022-10-01") + inline("G3", "未整改") + "</row>");
		});
		String secret = Files.writeString(work.resolve("secret.txt"), "机密").toUri().toString();
		xlsx(township.resolve("外部实体.xlsx"), "Sheet1", null,
				ledger("<row r=\"3\">" + inline("A3", TOWNSHIP)
						+ "<c r=\"B3\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"),
				"<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret + "\">]>");
		StringBuilder laughs = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY a0 \"哈哈哈哈哈哈哈哈哈哈\">");
		for (int i = 1; i <= 9; i++) {
			laughs.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
		}
		xlsx(township.resolve("实体膨胀.xlsx"), "Sheet1", null,
				ledger("<row r=\"3\">" + inline("A3", TOWNSHIP)
						+ "<c r=\"B3\" t=\"inlineStr\"><is><t>&a9;</t></is></c></row>"),
				laughs.append("]>").toString());
		// CSV: a 50 MB cell, a line of 3 million commas, NUL, a last record cut short.
		csv(township.resolve("超长单元格.csv"), (w) -> {
			w.write(TOWNSHIP + ",园丁社区,居住出租房,园丁路2号,");
			randomText(w, 20_000_000L, random);
			w.write(",2022-10-01,未整改,,\r\n");
		});
		csv(township.resolve("超长行.csv"), (w) -> w.write(",".repeat(3_000_000) + "\r\n"));
		csv(township.resolve("空字符.csv"), (w) -> {
			for (int i = 0; i < 20; i++) {
				w.write(String.join(",", FOREIGN_ROW) + "\r\n");
			}
			w.write(String.join(",", foreign(3, "古山一村\u00009号")) + "\r\n");
		});
		csv(township.resolve("上传中断.csv"), (w) -> w.write("古山镇,古山一村,居住出租房,古山一村10号,电线"));
		// Names: a path of over 500 characters, GBK bytes, terminal escapes.
		Path deep = township;
		for (String word : List.of("台账", "汇总", "存档", "备份", "历史", "资料")) {
			deep = deep.resolve(word.repeat(40));
		}
		Files.createDirectories(deep);
		csv(deep.resolve("东城街道消防安全隐患排查整治台账".repeat(4) + ".csv"),
				(w) -> w.write(String.join(",", foreign(3, "古山一村12号")) + "\r\n"));
		csv(township.resolve("escape.csv"), (w) -> w.write(String.join(",", foreign(3, "古山一村13号")) + "\r\n"));
		Files.move(township.resolve("escape.csv"), township.resolve("台账\u001b[2J\u001b]0;owned\u0007.csv"));
		csv(township.resolve("gbk.csv"), (w) -> {
		});
		shell("cd '" + township + "' && mv gbk.csv \"$(printf '\\266\\253\\263\\307\\314\\250\\325\\313').csv\"");
		// Links: to /etc/shadow, and to a ledger outside the inbox; a pipe.
		Files.createSymbolicLink(township.resolve("shadow.xlsx"), Path.of("/etc/shadow"));
		Path outside = Files.createDirectories(work.resolve("elsewhere"));
		try (Stream<Path> ledgers = Files.list(otherTownship)) {
			Files.copy(ledgers.findFirst().orElseThrow(), outside.resolve("古山镇台账.xlsx"));
		}
		Files.createSymbolicLink(otherTownship.resolve("外部台账.xlsx"), outside.resolve("古山镇台账.xlsx"));
		shell("mkfifo '" + township.resolve("管道.csv") + "'");
	}

	/** Varied enough not to look like a zip bomb (over 100:1) once deflated. */
	private static String randomChinese(int length, Random random) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append("杂物堆放堵塞通道电线私拉乱接".charAt(random.nextInt(14)));
		}
		return text.toString();
	}

	private static List<String> foreign(int column, String value) {
		List<String> row = new java.util.ArrayList<>(FOREIGN_ROW);
		row.set(column, value);
		return row;
	}

	private static void shell(String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
		assertThat(process.waitFor()).as(command).isZero();
	}

	private Map<String, Map<String, Object>> uploads() {
		Map<String, Map<String, Object>> uploads = new HashMap<>();
		this.jdbc
			.queryForList("SELECT township_folder, file_name, status, reason, sheet_name, rows_read, rows_rejected"
					+ " FROM upload_file WHERE inbox_date = DATE '" + NIGHT + "'")
			.forEach((row) -> uploads.put(row.get("township_folder") + "/" + row.get("file_name"), row));
		return uploads;
	}

	private Map<String, Object> upload(String name) {
		Map<String, Object> upload = uploads().get(TOWNSHIP + "/" + name);
		assertThat(upload).as(name + " in " + uploads().keySet()).isNotNull();
		return upload;
	}

	private void assertQuarantined(String name, String... reason) {
		Map<String, Object> upload = upload(name);
		assertThat(upload.get("status")).as(name).isEqualTo("QUARANTINED");
		assertThat((String) upload.get("reason")).as(name).contains(reason);
	}

	/** Loaded, every data row rejected with the reasons given. */
	private void assertRejected(String name, int rows, String... reasons) {
		Map<String, Object> upload = upload(name);
		assertThat(upload.get("status")).as(name).isEqualTo("LOADED");
		assertThat(((Number) upload.get("rows_rejected")).intValue()).as(name).isEqualTo(rows);
		List<String> found = this.jdbc.queryForList("SELECT r.reasons FROM rejected_row r JOIN upload_file f"
				+ " ON f.file_id = r.file_id WHERE f.file_name = ? ORDER BY r.row_number", String.class, name);
		assertThat(String.join("\n", found)).as(name).contains(reasons);
	}

	@Test
	void theNightCompletesWithTheCleanFigures() {
		assertThat(this.earlierNights.exitCode()).as(this.earlierNights.toString()).isZero();
		assertThat(this.night.exitCode()).as(this.night.toString()).isZero();
		assertThat(this.night.stderr()).doesNotContain("OutOfMemoryError", "Exception in thread");
		assertThat(this.jdbc.queryForList("SELECT status FROM batch_job_execution", String.class)).hasSize(3)
			.containsOnly("COMPLETED");
		SampleSnapshotAssertions.assertFigures(this.jdbc);
		SampleSnapshotAssertions.assertRankings(this.jdbc);
		SampleSnapshotAssertions.assertLagging(this.jdbc);
		QuarantinedRows.assertNone(this.jdbc);
	}

	@Test
	void sharedStringsAreBounded() {
		assertQuarantined("共享字符串过多.xlsx", "共享字符串", "800万");
		assertRejected("超长字符串.xlsx", 2, FOREIGN, "隐患描述内容超过32767个字符");
	}

	@Test
	void sheetStructureIsBounded() {
		assertQuarantined("列超出XFD.xlsx", "单元格引用“AAAAAA3”超出Excel的最大列XFD", MODIFIED);
		assertQuarantined("行号重复.xlsx", "第2行出现了不止一次", MODIFIED);
		Map<String, Object> longName = upload("超长工作表名.xlsx");
		assertThat(longName.get("status")).isEqualTo("LOADED");
		assertThat((String) longName.get("sheet_name")).startsWith("台账台账").contains("名称过长，共2100个字符，已截断，");
		assertRejected("超长工作表名.xlsx", 1, FOREIGN);
		assertRejected("计数非数字.xlsx", 1, FOREIGN);
	}

	@Test
	void sheetXmlIsBounded() {
		assertRejected("超长内联单元格.xlsx", 2, FOREIGN, "隐患描述内容超过32767个字符");
		assertQuarantined("外部实体.xlsx", "文件已损坏");
		assertQuarantined("实体膨胀.xlsx", "文件已损坏");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM staged_row WHERE hazard LIKE '%机密%'"
				+ " OR village LIKE '%机密%' OR village LIKE '%哈哈%'", Integer.class))
			.isZero();
	}

	@Test
	void valuesAreBoundedAndStorable() {
		assertRejected("指数文本.xlsx", 3, FOREIGN);
		assertThat(this.jdbc.queryForList(
				"SELECT r.contact FROM rejected_row r JOIN upload_file f"
						+ " ON f.file_id = r.file_id WHERE f.file_name = '指数文本.xlsx' ORDER BY r.row_number",
				String.class))
			.containsExactly("13812345678", "1E999999999", "1E2147483647");
		for (String name : List.of("空字符.xlsx", "空字符.csv")) {
			assertRejected(name, name.endsWith(".csv") ? 22 : 2, FOREIGN);
			assertThat(this.jdbc.queryForList(
					"SELECT r.address FROM rejected_row r JOIN upload_file f"
							+ " ON f.file_id = r.file_id WHERE f.file_name = ? AND r.address LIKE '%9号'",
					String.class, name))
				.containsExactly("古山一村9号");
		}
		assertRejected("超长单元格.xlsx", 2, "隐患描述内容超过32767个字符（Excel单元格的上限）");
		assertRejected("超长单元格.csv", 2, "隐患描述内容超过32767个字符（Excel单元格的上限）");
		assertQuarantined("超长行.csv", "第3行超过200万个字符");
		assertQuarantined("上传中断.csv", "文件在第3行中途结束", "请确认文件完整后重新上传");
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM staged_row s JOIN upload_file f ON f.file_id = s.file_id"
						+ " WHERE f.file_name = '上传中断.csv'", Integer.class))
			.isZero();
	}

	@Test
	void theFeedbackWorkbookHoldsEveryLongValueCut() throws Exception {
		Path feedback = work.resolve("reports/shuangyue-2022/" + NIGHT + "/feedback/东城街道-" + NIGHT + "-退回清单.xlsx");
		try (Workbook workbook = WorkbookFactory.create(feedback.toFile(), null, true)) {
			Sheet rejected = workbook.getSheet("退回清单");
			boolean cut = false;
			for (Row row : rejected) {
				for (Cell cell : row) {
					String text = cell.toString();
					assertThat(text.length()).isLessThanOrEqualTo(32_767);
					assertThat(text).doesNotContain("\u0000");
					cut |= text.contains("超出单元格上限，以下省略");
				}
			}
			assertThat(cut).isTrue();
			assertThat(workbook.getSheet("无法读取的文件").getPhysicalNumberOfRows()).isGreaterThan(5);
		}
		assertThat(Files.getPosixFilePermissions(feedback)).contains(PosixFilePermission.GROUP_READ);
		assertThat(
				Files.getPosixFilePermissions(work.resolve("reports/shuangyue-2022/" + NIGHT + "/通报-" + NIGHT + ".md")))
			.contains(PosixFilePermission.GROUP_READ);
	}

	@Test
	void pathsAreNeverFollowedOutOfTheInbox() {
		assertQuarantined("shadow.xlsx", "符号链接");
		Map<String, Object> outside = uploads().get("古山镇/外部台账.xlsx");
		assertThat(outside).containsEntry("status", "QUARANTINED");
		assertThat((String) outside.get("reason")).contains("符号链接");
		assertQuarantined("管道.csv", "不是普通文件");
		assertThat(this.jdbc.queryForList(
				"SELECT sha256 FROM upload_file WHERE file_name IN ('shadow.xlsx', '外部台账.xlsx')", String.class))
			.containsOnly("-");
	}

	@Test
	void namesAreReadByTheirBytesAndStoredWithinBounds() {
		assertRejected("东城台账.csv", 1, FOREIGN);
		assertThat(uploads().keySet().stream().filter((name) -> name.contains("\ufffd"))).isEmpty();
		String deep = uploads().keySet()
			.stream()
			.filter((name) -> name.startsWith(TOWNSHIP + "/台账台账"))
			.findFirst()
			.orElseThrow();
		assertThat(deep).contains("名称过长", "已截断").endsWith(".csv");
		assertThat(uploads().get(deep)).containsEntry("status", "LOADED");
	}

	@Test
	void statusShowsNamesEscapedAndTheFileLeftForTheNextRun() {
		CampaignJar.Result status = this.jar.run("status", "--date", NIGHT);
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.stdout()).doesNotContain("\u001b", "\u0007")
			.contains("台账\\u001b[2J\\u001b]0;owned\\u0007.csv")
			.contains("Left for the next run")
			.contains("东城街道/刚上传.csv: 文件刚被修改，可能仍在上传中，留待下次运行处理");
		assertThat(uploads()).doesNotContainKey(TOWNSHIP + "/刚上传.csv");
		assertThat(this.night.stderr()).doesNotContain("\u001b");
	}

	@Test
	void temporaryFilesGoWithTheirProcess() throws IOException {
		assertThat(this.deadProcessFolder).doesNotExist();
		try (Stream<Path> left = Files.list(this.temporary)) {
			assertThat(left.filter((p) -> p.getFileName().toString().startsWith("campaign-pipeline-"))).isEmpty();
		}
	}

	@Test
	void masksHoldForEveryLength() {
		long hazard = this.jdbc.queryForObject("SELECT MIN(hazard_id) FROM hazard WHERE category = 'RENTAL_HOUSING'",
				Long.class);
		this.jdbc.update(
				"UPDATE hazard SET contact = '87654321', inspector = '张', premises = '朱某波出租屋'" + " WHERE hazard_id = ?",
				hazard);
		Map<String, Object> masked = this.jdbc.queryForMap(
				"SELECT contact_masked, inspector_masked, premises FROM analyst_hazard WHERE hazard_id = ?", hazard);
		assertThat(masked).containsEntry("contact_masked", "****4321")
			.containsEntry("inspector_masked", "张**")
			.containsEntry("premises", "朱**出租屋");
		for (Map<String, Object> row : this.jdbc
			.queryForList("SELECT h.contact, a.contact_masked FROM hazard h JOIN analyst_hazard a"
					+ " ON a.hazard_id = h.hazard_id WHERE h.contact IS NOT NULL")) {
			String contact = (String) row.get("contact");
			String shown = ((String) row.get("contact_masked")).replace("*", "");
			assertThat(shown.length()).as(contact).isLessThanOrEqualTo(Math.min(4, contact.length() / 2));
			assertThat(contact).endsWith(shown);
		}
	}

	@Test
	void aDateWithoutUploadsIsRefused() {
		String empty = "2022-10-09";
		CampaignJar.Result refused = this.jar.run("run", "--inbox", work.resolve("inbox").toString(), "--date", empty,
				"--jobs", JOBS.toString(), "--reports", work.resolve("reports").toString());
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
		assertThat(refused.stderr()).contains("no inbox folder", "--allow-empty");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_execution_params"
				+ " WHERE parameter_name = 'date' AND parameter_value = ?", Integer.class, empty))
			.isZero();

	}

}
