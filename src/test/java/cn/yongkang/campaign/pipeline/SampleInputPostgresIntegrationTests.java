package cn.yongkang.campaign.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real jar runs the real job over sample-input's three nights on a fresh PostgreSQL
 * database; the snapshot tables, the bulletin and the report files are checked against
 * figures worked out by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleInputPostgresIntegrationTests {

	private static final Path SAMPLE = Path.of("sample-input").toAbsolutePath();

	private static final Path JOBS = Path.of("jobs").toAbsolutePath();

	@TempDir
	static Path work;

	private TestDatabase database;

	private JdbcTemplate jdbc;

	private CampaignJar jar;

	private CampaignJar.Result backfill;

	@BeforeAll
	void runTheThreeNights() {
		this.database = TestDatabase.create();
		this.jdbc = this.database.jdbc();
		this.jar = new CampaignJar(work, this.database.environment());
		this.backfill = this.jar.run("backfill", "--inbox", SAMPLE.toString(), "--from", "2022-10-02", "--to",
				SampleFigures.LAST_DATE, "--jobs", JOBS.toString(), "--reports", reports().toString());
	}

	@AfterAll
	void dropDatabase() {
		this.database.close();
	}

	@Test
	@Order(1)
	void everyNightCompletesWithOneSnapshot() {
		assertThat(this.backfill.exitCode()).as(this.backfill.toString()).isZero();
		assertThat(this.backfill.stdout()).contains("2022-10-02: done", "2022-10-03: done", "2022-10-04: done");
		assertThat(this.jdbc.queryForList("SELECT as_of FROM snapshot ORDER BY as_of", LocalDate.class))
			.containsExactly(LocalDate.of(2022, 10, 2), LocalDate.of(2022, 10, 3), LocalDate.of(2022, 10, 4));
	}

	@Test
	@Order(2)
	void figuresRankingsAndLaggingListsAreTheSeedsOnes() {
		SampleSnapshotAssertions.assertFigures(this.jdbc);
		SampleSnapshotAssertions.assertRankings(this.jdbc);
		SampleSnapshotAssertions.assertLagging(this.jdbc);
	}

	@Test
	@Order(3)
	void theBulletinReproducesTheSeedAndItsFilesOpen() throws IOException {
		Path folder = reports().resolve(SampleFigures.CAMPAIGN).resolve(SampleFigures.LAST_DATE);
		String markdown = Files.readString(folder.resolve("通报-" + SampleFigures.LAST_DATE + ".md"),
				StandardCharsets.UTF_8);
		SampleSnapshotAssertions.assertBulletinReproducesSeed(markdown);
		try (InputStream in = Files.newInputStream(folder.resolve("通报-" + SampleFigures.LAST_DATE + ".docx"));
				XWPFDocument word = new XWPFDocument(in)) {
			String text = String.join("\n\n", word.getParagraphs().stream().map(XWPFParagraph::getText).toList());
			SampleSnapshotAssertions.assertBulletinReproducesSeed(text);
		}
		try (Workbook tables = WorkbookFactory
			.create(folder.resolve("统计表-" + SampleFigures.LAST_DATE + ".xlsx").toFile(), null, true)) {
			assertThat(tables.getSheet("乡镇（街道）统计").getLastRowNum()).isEqualTo(1 + 48);
			assertThat(tables.getSheet("村（社区）统计").getLastRowNum()).isEqualTo(1 + 452 * 3);
			assertThat(tables.getSheet("整改落后村（社区）").getLastRowNum()).isEqualTo(1 + 25);
		}
	}

	@Test
	@Order(4)
	void everyRowHasOneOutcomeAndEveryHazardCountsOnce() {
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM upload_file WHERE status = 'LOADED'"
				+ " AND rows_read <> rows_accepted + rows_rejected + rows_blank", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM upload_file f WHERE f.status = 'LOADED' AND (
				  f.rows_accepted <> (SELECT COUNT(*) FROM validated_row v WHERE v.file_id = f.file_id)
				  OR f.rows_rejected <> (SELECT COUNT(*) FROM rejected_row r WHERE r.file_id = f.file_id))""",
				Integer.class))
			.isZero();
		int expectedHazards = SampleFigures.TOWNSHIPS.values()
			.stream()
			.flatMap((m) -> m.values().stream())
			.mapToInt((f) -> f[0])
			.sum();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM hazard", Integer.class)).isEqualTo(expectedHazards);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM validated_row_outcome WHERE outcome IS NULL",
				Integer.class))
			.isZero();
	}

	@Test
	@Order(5)
	void repeatsAcrossDaysAndFilesAreRecognized() {
		assertThat(this.jdbc.queryForList("SELECT t.township_name FROM upload_file f JOIN region_township t"
				+ " ON t.township_code = f.township_code WHERE f.status = 'DUPLICATE'", String.class))
			.containsExactly("舟山镇");
		assertThat(
				this.jdbc
					.queryForObject(
							"SELECT COUNT(*) FROM validated_row_outcome v JOIN upload_file f ON f.file_id = v.file_id"
									+ " WHERE f.inbox_date = DATE '2022-10-04' AND v.outcome = 'REPEATED'",
							Integer.class))
			.isEqualTo(3);
		List<Map<String, Object>> regressed = this.jdbc
			.queryForList("SELECT h.township_code, h.category, h.status FROM hazard h WHERE h.regressed");
		assertThat(regressed).hasSize(1);
		assertThat(regressed.get(0)).containsEntry("category", "STREET_SHOP").containsEntry("status", "UNRECTIFIED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM hazard_history WHERE change_kind = 'REGRESSED'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	@Order(6)
	void plantedMistakesAreRejectedWithReasonsAndFedBack() throws IOException {
		List<String> reasons = this.jdbc.queryForList(
				"SELECT r.reasons FROM rejected_row r JOIN upload_file f"
						+ " ON f.file_id = r.file_id WHERE f.inbox_date = DATE '2022-10-04' ORDER BY r.reasons",
				String.class);
		assertThat(reasons).hasSize(6);
		assertThat(String.join("\n", reasons)).contains("村（社区）“荆山下村”不属于东城街道", "地址为空",
				"排查日期“2022-10-15”晚于上传日期2022-10-04", "整改情况为已整改，但整改日期为空", "与上传单位西溪镇不符", "场所类型“工业厂房”不是可选类型");
		Path feedback = reports().resolve(SampleFigures.CAMPAIGN).resolve(SampleFigures.LAST_DATE).resolve("feedback");
		try (Workbook workbook = WorkbookFactory
			.create(feedback.resolve("东城街道-" + SampleFigures.LAST_DATE + "-退回清单.xlsx").toFile(), null, true)) {
			Sheet sheet = workbook.getSheet("退回清单");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("村（社区）“荆山下村”不属于东城街道");
			assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("村（社区）：可能是“荆山夏村”");
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.toString()).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
				}
			}
		}
	}

	@Test
	@Order(7)
	void statusShowsTheNightsUploads() {
		CampaignJar.Result status = this.jar.run("status", "--date", SampleFigures.LAST_DATE);
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.stdout()).contains("COMPLETED", "ingest", "report",
				"Every township uploaded a readable ledger");
	}

	@Test
	@Order(8)
	void everyTableAndColumnIsDocumentedInTheDatabase() {
		List<String> undocumented = this.jdbc.queryForList("""
				SELECT c.relname || COALESCE('.' || a.attname, '')
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
				LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
				WHERE c.relkind IN ('r', 'v') AND c.relname NOT LIKE 'batch\\_%' AND c.relname NOT LIKE 'qrtz\\_%'
				  AND c.relname <> 'flyway_schema_history'
				  AND (obj_description(c.oid, 'pg_class') IS NULL OR col_description(c.oid, a.attnum) IS NULL)
				ORDER BY 1""", String.class);
		assertThat(undocumented).isEmpty();
	}

	/**
	 * A person given campaign_analyst reads the snapshot and the masked views, not the
	 * tables with names and phone numbers in clear.
	 */
	@Test
	@Order(9)
	void analystsReadSnapshotsAndMaskedPersonalDataOnly() throws Exception {
		String analyst = "analyst_" + Long.toHexString(System.nanoTime());
		this.jdbc.execute("CREATE ROLE " + analyst + " LOGIN IN ROLE campaign_analyst");
		try (Connection connection = DriverManager.getConnection(this.database.url(), analyst, "")) {
			JdbcTemplate analystJdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			assertThat(analystJdbc.queryForObject("SELECT COUNT(*) FROM township_stats", Integer.class)).isPositive();
			assertThat(analystJdbc.queryForList("SELECT contact_masked FROM analyst_hazard"
					+ " WHERE contact_masked IS NOT NULL FETCH FIRST 50 ROWS ONLY", String.class))
				.isNotEmpty()
				// At most the last 4 characters shown, never more than half.
				.allMatch((masked) -> masked.matches("\\*+[^*]{0,4}")
						&& 2 * masked.replace("*", "").length() <= masked.length(), "masked");
			assertThat(analystJdbc.queryForList("SELECT inspector_masked FROM analyst_hazard"
					+ " WHERE inspector_masked IS NOT NULL FETCH FIRST 50 ROWS ONLY", String.class))
				.isNotEmpty()
				.allMatch((masked) -> masked.matches(".\\**"), "masked");
			for (String table : List.of("hazard", "rejected_row", "staged_row", "validated_row")) {
				assertThatThrownBy(() -> analystJdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class))
					.as(table)
					.rootCause()
					.hasMessageContaining("permission denied");
			}
			assertThatThrownBy(() -> analystJdbc.update("DELETE FROM snapshot")).rootCause()
				.hasMessageContaining("permission denied");
		}
		finally {
			this.jdbc.execute("DROP ROLE " + analyst);
		}
	}

	@Test
	@Order(10)
	void runningADoneDateAgainChangesNothing() {
		long before = SampleSnapshotAssertions.snapshotId(this.jdbc);
		CampaignJar.Result again = this.jar.run("run", "--inbox", SAMPLE.toString(), "--date", SampleFigures.LAST_DATE,
				"--jobs", JOBS.toString(), "--reports", reports().toString());
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.stdout()).contains("already done");
		assertThat(SampleSnapshotAssertions.snapshotId(this.jdbc)).isEqualTo(before);
	}

	@Test
	@Order(11)
	void aRerunReplacesTheSnapshotWithTheSameFigures() {
		long before = SampleSnapshotAssertions.snapshotId(this.jdbc);
		CampaignJar.Result rerun = this.jar.run("rerun", "--date", SampleFigures.LAST_DATE, "--jobs", JOBS.toString(),
				"--reports", reports().toString());
		assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
		assertThat(SampleSnapshotAssertions.snapshotId(this.jdbc)).isNotEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM snapshot WHERE as_of = DATE '2022-10-04'",
				Integer.class))
			.isEqualTo(1);
		SampleSnapshotAssertions.assertFigures(this.jdbc);
		SampleSnapshotAssertions.assertLagging(this.jdbc);
	}

	private Path reports() {
		return work.resolve("reports");
	}

}
