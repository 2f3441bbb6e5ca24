package cn.yongkang.campaign.selfservice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through the real service on PostgreSQL: good, messy, unreadable, oversized,
 * resent and hostile-named files from one township account; each lands only in that
 * township's inbox folder, under a safe name, with an audit row, and answers at once.
 * Then the real jar runs that night on the same database and inbox, and what it stores
 * for each file is what the upload answered.
 */
@SpringBootTest(properties = "campaign.upload.max-size=100KB")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TownshipUploadsIntegrationTests {

	private static final TestDatabase DATABASE = TestDatabase.create();

	private static final Path WORK = temporaryFolder();

	private static final UploadFolders FOLDERS = new UploadFolders(WORK.resolve("inbox"),
			Path.of("jobs").toAbsolutePath(), WORK.resolve("reports"));

	private static final String DONGCHENG = "330784001000";

	/** 2022-10-10 10:30 in Yongkang, a minute later at every upload. */
	private static final Clock CLOCK = new TickingClock(Instant.parse("2022-10-10T02:30:00Z"));

	private static final Path NIGHT = FOLDERS.inbox().resolve("2022-10-10");

	@Autowired
	TownshipUploads uploads;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", DATABASE::url);
		registry.add("spring.datasource.username", () -> DATABASE.environment().get("SPRING_DATASOURCE_USERNAME"));
		registry.add("spring.datasource.password", () -> DATABASE.environment().get("SPRING_DATASOURCE_PASSWORD"));
	}

	@TestConfiguration
	static class FixedDay {

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@Test
	@Order(1)
	void aMessyLedgerIsStoredInTheAccountsFolderAndCheckedAtOnce() throws Exception {
		UploadResult result = upload("../../西城街道/good-ledger.xlsx", fixture("good-ledger.xlsx"));
		assertThat(result.status()).isEqualTo("LOADED");
		assertThat(result.reason()).isNull();
		assertThat(List.of(result.rowsRead(), result.rowsAccepted(), result.rowsRejected(), result.rowsBlank()))
			.containsExactly(5, 3, 2, 0);
		assertThat(result.rejected()).extracting(UploadResult.Rejected::rowNumber).containsExactly(7, 8);
		assertThat(result.rejected()).extracting(UploadResult.Rejected::reasons)
			.containsExactly("村（社区）“下宅口村”不属于东城街道", "整改情况为已整改，但整改日期为空");
		assertThat(result.storedName()).isEqualTo("103000-good-ledger.xlsx");
		Path stored = NIGHT.resolve("东城街道").resolve(result.storedName());
		assertThat(stored).hasSameBinaryContentAs(fixture("good-ledger.xlsx"));
		assertThat(NIGHT.resolve("西城街道")).doesNotExist();
		assertThat(listAll(FOLDERS.inbox())).as("only the stored file, no temporary left behind")
			.containsExactly(stored);

		Map<String, Object> audit = this.jdbc.queryForMap("SELECT * FROM upload_audit WHERE upload_id = ?",
				result.uploadId());
		assertThat(audit).containsEntry("login", "dc-clerk")
			.containsEntry("township_code", DONGCHENG)
			.containsEntry("file_name", "../../西城街道/good-ledger.xlsx")
			.containsEntry("stored_name", "103000-good-ledger.xlsx")
			.containsEntry("file_size", Files.size(stored))
			.containsEntry("sha256", sha256(stored))
			.containsEntry("client_address", "203.0.113.7")
			.containsEntry("status", "LOADED")
			.containsEntry("rows_rejected", 2);
		assertThat(audit.get("inbox_date").toString()).isEqualTo("2022-10-10");

		assertThat(result.feedbackFile()).exists();
		assertThat(result.feedbackFile().getFileName().toString())
			.isEqualTo(result.uploadId() + "-东城街道-2022-10-10-退回清单.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(result.feedbackFile().toFile())) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
				.startsWith("东城街道于2022-10-10上传的“103000-good-ledger.xlsx”");
			assertThat(workbook.getSheetAt(0).getRow(2).getCell(1).getNumericCellValue()).isEqualTo(7);
		}
	}

	@Test
	@Order(2)
	void theSameContentAgainIsADuplicate() throws IOException {
		UploadResult result = upload("again.xlsx", fixture("good-ledger.xlsx"));
		assertThat(result.status()).isEqualTo("DUPLICATE");
		assertThat(result.reason()).isEqualTo("与2022-10-10已上传的“103000-good-ledger.xlsx”内容完全相同，未重复处理");
		assertThat(result.storedName()).isEqualTo("103100-again.xlsx");
	}

	@Test
	@Order(3)
	void anUnreadableFileGetsItsQuarantineReasonOnTheSpot() throws IOException {
		UploadResult result = upload("台账.xlsx", fixture("password-protected.xlsx"));
		assertThat(result.status()).isEqualTo("QUARANTINED");
		assertThat(result.reason()).isEqualTo("文件设置了打开密码，无法读取。请取消密码后重新上传");
		assertThat(result.rowsRead()).isNull();
		assertThat(NIGHT.resolve("东城街道").resolve(result.storedName())).exists();
	}

	@Test
	@Order(4)
	void aFileOverTheLimitIsRefusedAndNotStored() throws IOException {
		long before = listAll(FOLDERS.inbox()).size();
		UploadResult result = upload("大文件.xlsx", fixture("zip-bomb.xlsx"));
		assertThat(result.status()).isEqualTo("QUARANTINED");
		assertThat(result.reason()).startsWith("文件超过上传大小上限100 KB");
		assertThat(result.storedName()).isNull();
		assertThat(listAll(FOLDERS.inbox())).hasSize((int) before);
		assertThat(this.jdbc.queryForObject("SELECT stored_name FROM upload_audit WHERE upload_id = ?", String.class,
				result.uploadId()))
			.isNull();
	}

	@Test
	@Order(5)
	void hostileNamesAndFormulaCellsStayHarmless() throws Exception {
		UploadResult csv = upload("=cmd|' /C calc'!A0\u0000.csv", fixture("formula-like-values.csv"));
		assertThat(csv.storedName()).isEqualTo("103400-C calc'!A0.csv");
		assertThat(csv.status()).isEqualTo("LOADED");
		assertThat(csv.rowsRejected()).isEqualTo(1);
		assertThat(csv.warnings()).extracting(UploadResult.Warning::rowNumber).containsExactly(4);
		try (XSSFWorkbook workbook = new XSSFWorkbook(csv.feedbackFile().toFile())) {
			workbook.forEach((sheet) -> sheet
				.forEach((row) -> row.forEach((cell) -> assertThat(cell.toString()).doesNotStartWith("=")
					.doesNotStartWith("+")
					.doesNotStartWith("@"))));
		}
		UploadResult device = upload("C:\\fakepath\\CON.xlsx", new ByteArrayInputStream("x".getBytes()));
		assertThat(device.storedName()).isEqualTo("103500-_CON.xlsx");
		assertThat(device.status()).isEqualTo("QUARANTINED");
		assertThat(listAll(FOLDERS.inbox())).allMatch((file) -> file.getParent().equals(NIGHT.resolve("东城街道")));
	}

	@Test
	@Order(6)
	void theNightStoresWhatTheUploadsAnswered() {
		CampaignJar jar = new CampaignJar(WORK, DATABASE.environment());
		CampaignJar.Result run = jar.run("run", "--inbox", FOLDERS.inbox().toString(), "--date", "2022-10-10", "--jobs",
				FOLDERS.jobs().toString(), "--reports", FOLDERS.reports().toString());
		assertThat(run.exitCode()).as(run.toString()).isZero();
		List<String> instant = this.jdbc.queryForList(
				"""
						SELECT stored_name || '|' || status || '|' || COALESCE(reason, '') || '|'
						       || COALESCE(CAST(rows_read AS VARCHAR), '') || '|' || COALESCE(CAST(rows_accepted AS VARCHAR), '')
						       || '|' || COALESCE(CAST(rows_rejected AS VARCHAR), '') || '|' || COALESCE(CAST(rows_blank AS VARCHAR), '')
						FROM upload_audit WHERE stored_name IS NOT NULL ORDER BY stored_name""",
				String.class);
		List<String> night = this.jdbc.queryForList(
				"""
						SELECT file_name || '|' || status || '|' || COALESCE(reason, '') || '|'
						       || CASE WHEN status = 'DUPLICATE' THEN '' ELSE COALESCE(CAST(rows_read AS VARCHAR), '') END || '|'
						       || COALESCE(CAST(rows_accepted AS VARCHAR), '') || '|' || COALESCE(CAST(rows_rejected AS VARCHAR), '')
						       || '|' || COALESCE(CAST(rows_blank AS VARCHAR), '')
						FROM upload_file WHERE township_folder = '东城街道' ORDER BY file_name""",
				String.class);
		// A duplicate is not read again by the night; the upload still told the clerk its
		// counts.
		assertThat(night).hasSize(5);
		assertThat(night).containsExactlyElementsOf(instant.stream()
			.map((row) -> row.contains("|DUPLICATE|")
					? row.replaceFirst("\\|[0-9]+\\|[0-9]+\\|[0-9]+\\|[0-9]+$", "||||") : row)
			.toList());
		List<String> instantRejected = this.jdbc.queryForList("""
				SELECT a.stored_name || '|' || r.row_number || '|' || r.reasons FROM rejected_row r
				JOIN upload_file f ON f.file_id = r.file_id JOIN upload_audit a ON a.stored_name = f.file_name
				ORDER BY 1""", String.class);
		assertThat(instantRejected).containsExactly("103000-good-ledger.xlsx|7|村（社区）“下宅口村”不属于东城街道",
				"103000-good-ledger.xlsx|8|整改情况为已整改，但整改日期为空",
				"103400-C calc'!A0.csv|3|场所类型“@SUM(A1:A2)”不是可选类型（居住出租房、沿街店铺、“三合一”企业）");
	}

	private UploadResult upload(String name, Path content) throws IOException {
		return upload(name, Files.newInputStream(content));
	}

	private UploadResult upload(String name, InputStream content) throws IOException {
		return this.uploads.upload(new Upload("dc-clerk", DONGCHENG, name, content, "203.0.113.7"), FOLDERS);
	}

	private static Path fixture(String name) {
		return Path.of("src/test/resources/badfiles").resolve(name);
	}

	private static List<Path> listAll(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("uploads-it");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A clock a minute later at every reading, so that uploads sort in upload order. */
	private static final class TickingClock extends Clock {

		private Instant next;

		TickingClock(Instant start) {
			this.next = start;
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public synchronized Instant instant() {
			Instant now = this.next;
			this.next = now.plus(Duration.ofMinutes(1));
			return now;
		}

	}

}
