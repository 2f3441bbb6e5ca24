package cn.yongkang.campaign.ranking;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import org.springframework.util.FileSystemUtils;

import cn.yongkang.campaign.sample.GamedNights;
import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Five nights on PostgreSQL through the real jar: sample-input's three honest nights, a
 * night on which four townships game their ledgers (bulk and backdated rectifications, a
 * regression, same-day fixes) and one sends nothing, and an honest night after it. The
 * analysts' views are checked against figures worked out here from the snapshot tables,
 * the flags against what was planted, the analyst role against what it may read, and
 * every query of docs/analysts.md is run as that role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalystViewsIntegrationTests {

	private static final List<LocalDate> NIGHTS = List.of(LocalDate.of(2022, 10, 2), LocalDate.of(2022, 10, 3),
			LocalDate.of(2022, 10, 4), GamedNights.OCT_5, GamedNights.OCT_6);

	@TempDir
	static Path work;

	private TestDatabase database;

	private JdbcTemplate jdbc;

	private CampaignJar jar;

	private CampaignJar.Result backfill;

	@BeforeAll
	void runFiveNights() throws IOException {
		Path inbox = work.resolve("inbox");
		for (LocalDate night : NIGHTS.subList(0, 3)) {
			FileSystemUtils.copyRecursively(Path.of("sample-input", night.toString()), inbox.resolve(night.toString()));
		}
		GamedNights.write(inbox);
		FileSystemUtils.copyRecursively(Path.of("jobs"), work.resolve("jobs"));
		this.database = TestDatabase.create();
		this.jdbc = this.database.jdbc();
		this.jar = new CampaignJar(work, this.database.environment());
		this.backfill = this.jar.run("backfill", "--inbox", inbox.toString(), "--from", "2022-10-02", "--to",
				"2022-10-06", "--jobs", jobs().toString(), "--reports", reports().toString());
	}

	@AfterAll
	void dropDatabase() {
		this.database.close();
	}

	@Test
	@Order(1)
	void everyNightIsDone() {
		assertThat(this.backfill.exitCode()).as(this.backfill.toString()).isZero();
		assertThat(this.jdbc.queryForList("SELECT as_of FROM snapshot ORDER BY as_of", LocalDate.class))
			.containsExactlyElementsOf(NIGHTS);
		assertThat(this.jdbc.queryForList("SELECT campaign_id, snapshot_id, as_of FROM latest_snapshot"))
			.containsExactly(Map.of("campaign_id", "shuangyue-2022", "snapshot_id", snapshotId(GamedNights.OCT_6),
					"as_of", java.sql.Date.valueOf(GamedNights.OCT_6)));
	}

	@Test
	@Order(2)
	void flagsFireOnThePlantedNightOnlyAndNameThePlantedHazards() {
		assertThat(this.jdbc.queryForList("""
				SELECT n.as_of FROM snapshot_flag f JOIN snapshot n ON n.snapshot_id = f.snapshot_id
				WHERE n.as_of <> DATE '2022-10-05'""", LocalDate.class)).as("flags on honest nights").isEmpty();
		Map<String, Integer> flags = new HashMap<>();
		this.jdbc
			.queryForList("SELECT township_name, kind, hazards, base FROM snapshot_flag WHERE snapshot_id = ?",
					snapshotId(GamedNights.OCT_5))
			.forEach((row) -> flags.put(row.get("township_name") + " " + row.get("kind"),
					((Number) row.get("hazards")).intValue()));
		int openBefore = this.jdbc.queryForObject("""
				SELECT SUM(s.hazards_found - s.hazards_rectified) FROM township_stats s
				WHERE s.snapshot_id = ? AND s.township_name = ?""", Integer.class,
				snapshotId(LocalDate.of(2022, 10, 4)), GamedNights.BULK);
		assertThat(flags).containsOnly(Map.entry(GamedNights.BULK + " BULK_RECTIFICATION", openBefore),
				Map.entry(GamedNights.BACKDATED + " BACKDATED_RECTIFICATION", GamedNights.BACKDATED_COUNT),
				Map.entry(GamedNights.REGRESSION + " REGRESSION", GamedNights.REGRESSION_COUNT),
				Map.entry(GamedNights.SAME_DAY + " SAME_DAY_RECTIFICATION", GamedNights.SAME_DAY_COUNT));
		// The hazards behind the flags are the planted ones: rectified (or taken back) on
		// 10-05.
		assertThat(this.jdbc.queryForObject(
				"""
						SELECT COUNT(*) FROM snapshot_flag_hazard f JOIN hazard h ON h.hazard_id = f.hazard_id
						WHERE f.snapshot_id = ? AND f.kind = 'BACKDATED_RECTIFICATION' AND h.rectified_on = DATE '2022-10-02'""",
				Integer.class, snapshotId(GamedNights.OCT_5)))
			.isEqualTo(GamedNights.BACKDATED_COUNT);
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM snapshot_flag_hazard f JOIN hazard h ON h.hazard_id = f.hazard_id
				WHERE f.snapshot_id = ? AND f.kind = 'REGRESSION' AND h.regressed AND h.status <> 'RECTIFIED'""",
				Integer.class, snapshotId(GamedNights.OCT_5)))
			.isEqualTo(GamedNights.REGRESSION_COUNT);
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM snapshot_flag_hazard f JOIN hazard h ON h.hazard_id = f.hazard_id
				WHERE f.snapshot_id = ? AND f.kind = 'SAME_DAY_RECTIFICATION'
				  AND h.found_on = DATE '2022-10-05' AND h.rectified_on = DATE '2022-10-05'""", Integer.class,
				snapshotId(GamedNights.OCT_5)))
			.isEqualTo(GamedNights.SAME_DAY_COUNT);
	}

	@Test
	@Order(3)
	void flagsAreInTheTablesAndNotInTheBulletin() throws IOException {
		Path folder = reports().resolve("shuangyue-2022").resolve(GamedNights.OCT_5.toString());
		try (Workbook tables = WorkbookFactory.create(folder.resolve("统计表-2022-10-05.xlsx").toFile(), null, true)) {
			Sheet sheet = tables.getSheet("异常核查");
			List<String> townships = new ArrayList<>();
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				townships.add(sheet.getRow(r).getCell(0).getStringCellValue());
			}
			assertThat(townships).containsExactlyInAnyOrder(GamedNights.BULK, GamedNights.BACKDATED,
					GamedNights.REGRESSION, GamedNights.SAME_DAY);
			assertThat(tables.getSheet("异常核查明细").getLastRowNum()).isGreaterThan(GamedNights.SAME_DAY_COUNT);
		}
		String markdown = Files.readString(folder.resolve("通报-2022-10-05.md"), StandardCharsets.UTF_8);
		String word;
		try (InputStream in = Files.newInputStream(folder.resolve("通报-2022-10-05.docx"));
				XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(in))) {
			word = extractor.getText();
		}
		for (String text : List.of(markdown, word)) {
			assertThat(text).doesNotContain("核查", "倒填", "回退", "同一天").contains("一、排名变化");
		}
	}

	/** township_trend against positions ranked here from township_stats. */
	@Test
	@Order(4)
	void theTrendAgreesWithTheSnapshotsRankedIndependently() {
		List<Map<String, Object>> stats = this.jdbc.queryForList("""
				SELECT s.snapshot_id, s.township_code, s.category, s.hazards_found, s.rectification_rate
				FROM township_stats s""");
		Set<String> expected = new TreeSet<>();
		for (Map<String, Object> row : stats) {
			int found = ((Number) row.get("hazards_found")).intValue();
			BigDecimal rate = (BigDecimal) row.get("rectification_rate");
			long foundAhead = stats.stream()
				.filter((o) -> o.get("snapshot_id").equals(row.get("snapshot_id"))
						&& o.get("category").equals(row.get("category"))
						&& ((Number) o.get("hazards_found")).intValue() > found)
				.count();
			Long rateAhead = (rate == null) ? null
					: stats.stream()
						.filter((o) -> o.get("snapshot_id").equals(row.get("snapshot_id"))
								&& o.get("category").equals(row.get("category")) && o.get("rectification_rate") != null
								&& ((BigDecimal) o.get("rectification_rate")).compareTo(rate) > 0)
						.count();
			expected.add(row.get("snapshot_id") + " " + row.get("township_code") + " " + row.get("category") + " "
					+ (foundAhead + 1) + " " + (rateAhead == null ? "null" : rateAhead + 1));
		}
		Set<String> actual = new TreeSet<>(this.jdbc.query(
				"SELECT snapshot_id, township_code, category, found_position, rate_position FROM township_trend",
				(rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4) + " "
						+ rs.getObject(5)));
		assertThat(actual).hasSize(16 * 3 * NIGHTS.size()).isEqualTo(expected);
	}

	/**
	 * ranking_change's entries and exits against the published lists of consecutive
	 * snapshots.
	 */
	@Test
	@Order(5)
	void rankingChangeNamesTheEntriesAndExits() {
		Set<String> expected = new TreeSet<>();
		for (int i = 1; i < NIGHTS.size(); i++) {
			long now = snapshotId(NIGHTS.get(i));
			long before = snapshotId(NIGHTS.get(i - 1));
			Set<String> listsNow = lists(now);
			Set<String> listsBefore = lists(before);
			for (String entry : listsNow) {
				if (!listsBefore.contains(entry)) {
					expected.add(now + " entered " + entry);
				}
			}
			for (String entry : listsBefore) {
				if (!listsNow.contains(entry)) {
					expected.add(now + " left " + entry);
				}
			}
		}
		Set<String> actual = new TreeSet<>();
		this.jdbc.query("""
				SELECT snapshot_id, township_code, category, metric, entered_list, left_list FROM ranking_change
				WHERE entered_list IS NOT NULL OR left_list IS NOT NULL""", (rs) -> {
			String key = rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " ";
			if (rs.getString(5) != null) {
				actual.add(rs.getLong(1) + " entered " + key + rs.getString(5));
			}
			if (rs.getString(6) != null) {
				actual.add(rs.getLong(1) + " left " + key + rs.getString(6));
			}
		});
		assertThat(actual).isNotEmpty().isEqualTo(expected);
		String dongcheng = this.jdbc.queryForObject("SELECT township_code FROM region_township WHERE township_name = ?",
				String.class, GamedNights.BULK);
		assertThat(actual).contains(
				snapshotId(GamedNights.OCT_5) + " entered " + dongcheng + " RENTAL_HOUSING rectification_rate top",
				snapshotId(GamedNights.OCT_5) + " left " + dongcheng + " RENTAL_HOUSING rectification_rate bottom");
		assertThat(actual).noneMatch((a) -> a.startsWith(snapshotId(GamedNights.OCT_6) + " "));
		assertThat(this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM ranking_change WHERE snapshot_id = ? AND previous_snapshot_id = ?""",
				Integer.class, snapshotId(GamedNights.OCT_6), snapshotId(GamedNights.OCT_5)))
			.isEqualTo(16 * 3 * 2);
	}

	@Test
	@Order(6)
	void theBulletinSaysWhyTownshipsMovedAndNothingWhenNothingDid() throws IOException {
		String moved = bulletin(GamedNights.OCT_5);
		BigDecimal before = rate(LocalDate.of(2022, 10, 4), GamedNights.BULK);
		assertThat(moved).contains(GamedNights.BULK + "居住出租房整改率由"
				+ before.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + "%升至100.0%，进入前三名，退出后三名。");
		String quiet = bulletin(GamedNights.OCT_6);
		String section = quiet.substring(quiet.indexOf("## 一、排名变化"));
		assertThat(section.strip()).isEqualTo("## 一、排名变化\n\n与上期相比，各项排名前三名、后三名名单均无变化。");
	}

	/**
	 * snapshot_source names, per township, the files of the newest night that reported
	 * its hazards.
	 */
	@Test
	@Order(7)
	void snapshotSourceNamesTheFilesTheFiguresRestOn() {
		long oct5 = snapshotId(GamedNights.OCT_5);
		List<Map<String, Object>> sources = this.jdbc.queryForList("""
				SELECT t.township_name, s.inbox_date, s.file_name, s.sha256, s.rows_accepted
				FROM snapshot_source s JOIN region_township t ON t.township_code = s.township_code
				WHERE s.snapshot_id = ?""", oct5);
		Map<String, Set<String>> byTownship = new HashMap<>();
		sources.forEach((row) -> byTownship.computeIfAbsent((String) row.get("township_name"), (k) -> new HashSet<>())
			.add(row.get("inbox_date") + "/" + row.get("file_name")));
		assertThat(byTownship).hasSize(16);
		// Each upload of 10-05 is a full ledger: it alone holds its township's newest
		// state...
		this.jdbc.queryForList("""
				SELECT t.township_name, f.inbox_date, f.file_name FROM upload_file f
				JOIN region_township t ON t.township_code = f.township_code
				WHERE f.inbox_date = DATE '2022-10-05' AND f.status = 'LOADED'""")
			.forEach((row) -> assertThat(byTownship.get(row.get("township_name"))).as((String) row.get("township_name"))
				.containsExactly(row.get("inbox_date") + "/" + row.get("file_name")));
		// ...and the township that sent nothing shows its file of 10-04.
		List<String> silent = this.jdbc.queryForList("""
				SELECT f.inbox_date || '/' || f.file_name FROM upload_file f
				JOIN region_township t ON t.township_code = f.township_code
				WHERE t.township_name = ? AND f.inbox_date = DATE '2022-10-04' AND f.status = 'LOADED'""", String.class,
				GamedNights.SILENT);
		assertThat(byTownship.get(GamedNights.SILENT)).containsExactlyInAnyOrderElementsOf(silent).hasSize(1);
		assertThat(sources).allMatch((row) -> ((String) row.get("sha256")).length() == 64
				&& ((Number) row.get("rows_accepted")).intValue() > 0);
	}

	@Test
	@Order(8)
	void aRerunAfterARegistryFixShowsTheNewFingerprint() throws Exception {
		Map<String, Object> before = this.jdbc.queryForMap("""
				SELECT settings, registry_fingerprint, template_fingerprint, program_version FROM snapshot
				WHERE as_of = DATE '2022-10-06'""");
		assertThat(before.get("registry_fingerprint")).isEqualTo(fingerprint());
		assertThat((String) before.get("settings")).contains("\"ranking\":{\"size\":3}", "\"min_found\":3",
				"\"bulk_rectification\"", "330784001000");
		assertThat((String) before.get("program_version")).startsWith("campaign-pipeline 0.");
		Path townships = jobs().resolve("regions/townships.csv");
		Files.writeString(townships,
				Files.readString(townships).replace("330784001000,东城街道,街道,东城", "330784001000,东城街道,街道,东城|东城区"));
		CampaignJar.Result rerun = this.jar.run("rerun", "--date", "2022-10-06", "--jobs", jobs().toString(),
				"--reports", reports().toString());
		assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
		Map<String, Object> after = this.jdbc.queryForMap(
				"SELECT registry_fingerprint, template_fingerprint FROM snapshot WHERE as_of = DATE '2022-10-06'");
		assertThat(after.get("registry_fingerprint")).isEqualTo(fingerprint())
			.isNotEqualTo(before.get("registry_fingerprint"));
		assertThat(after.get("template_fingerprint")).isEqualTo(before.get("template_fingerprint"));
	}

	@Test
	@Order(9)
	void theAnalystReadsTheViewsAndFlagsAndNothingItShouldNot() throws Exception {
		inAnalystRole((analyst) -> {
			for (String view : List.of("latest_snapshot", "township_trend", "ranking_change", "snapshot_source",
					"snapshot_flag", "snapshot_flag_hazard")) {
				assertThat(analyst.queryForObject("SELECT COUNT(*) FROM " + view, Integer.class)).as(view).isPositive();
			}
			for (String table : List.of("hazard", "validated_row", "work_flag_hazard", "work_hazard_group")) {
				assertThatThrownBy(() -> analyst.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class))
					.as(table)
					.rootCause()
					.hasMessageContaining("permission denied");
			}
			assertThatThrownBy(() -> analyst.update("DELETE FROM snapshot_flag")).rootCause()
				.hasMessageContaining("permission denied");
		});
	}

	/** Every query of docs/analysts.md runs, as the analyst, and returns rows. */
	@Test
	@Order(10)
	void everyQueryOfTheAnalystsGuideRuns() throws Exception {
		String guide = Files.readString(Path.of("docs/analysts.md"), StandardCharsets.UTF_8);
		Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(guide);
		List<String> queries = new ArrayList<>();
		while (block.find()) {
			for (String statement : block.group(1).split(";\\s*\\n")) {
				if (!statement.replaceAll("--[^\\n]*", "").isBlank()) {
					queries.add(statement);
				}
			}
		}
		assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
		inAnalystRole((analyst) -> {
			for (String query : queries) {
				assertThat(analyst.queryForList(query)).as(query).isNotEmpty();
			}
		});
	}

	private interface AnalystWork {

		void run(JdbcTemplate analyst) throws Exception;

	}

	private void inAnalystRole(AnalystWork work) throws Exception {
		String analyst = "analyst_" + Long.toHexString(System.nanoTime());
		this.jdbc.execute("CREATE ROLE " + analyst + " LOGIN IN ROLE campaign_analyst");
		try (Connection connection = DriverManager.getConnection(this.database.url(), analyst, "")) {
			work.run(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
		}
		finally {
			this.jdbc.execute("DROP ROLE " + analyst);
		}
	}

	/** The published lists as "township category metric side". */
	private Set<String> lists(long snapshotId) {
		return new HashSet<>(this.jdbc.query(
				"SELECT township_code, category, metric, side FROM township_ranking WHERE snapshot_id = ?",
				(rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4),
				snapshotId));
	}

	private String bulletin(LocalDate date) throws IOException {
		return Files.readString(
				reports().resolve("shuangyue-2022").resolve(date.toString()).resolve("通报-" + date + ".md"),
				StandardCharsets.UTF_8);
	}

	private BigDecimal rate(LocalDate date, String township) {
		return this.jdbc.queryForObject("""
				SELECT s.rectification_rate FROM township_stats s WHERE s.snapshot_id = ? AND s.township_name = ?
				AND s.category = 'RENTAL_HOUSING'""", BigDecimal.class, snapshotId(date), township);
	}

	/**
	 * SHA-256 over the registry files, each preceded by its path under jobs/ and a
	 * newline.
	 */
	private String fingerprint() throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (String name : List.of("regions/townships.csv", "regions/villages.csv")) {
			digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
			digest.update(Files.readAllBytes(jobs().resolve(name)));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private long snapshotId(LocalDate date) {
		return this.jdbc.queryForObject("SELECT snapshot_id FROM snapshot WHERE as_of = ?", Long.class, date);
	}

	private Path reports() {
		return work.resolve("reports");
	}

	private Path jobs() {
		return work.resolve("jobs");
	}

}
