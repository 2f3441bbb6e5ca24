package cn.yongkang.campaign.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yongkang.campaign.ingest.MessyLedgers.Defect;
import cn.yongkang.campaign.ingest.MessyLedgers.ExpectedFile;
import cn.yongkang.campaign.ingest.MessyLedgers.ExpectedRow;
import cn.yongkang.campaign.ingest.MessyLedgers.Format;
import cn.yongkang.campaign.ingest.MessyLedgers.Night;
import cn.yongkang.campaign.ingest.MessyLedgers.Outcome;
import cn.yongkang.campaign.ingest.MessyLedgers.Warning;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TableDigest;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation as a property: for random messy nights written by {@link MessyLedgers}
 * (one seed each, a fresh PostgreSQL database each), the real jar's {@code run} gives
 * every row and every file exactly the outcome the generator planted. Per file, the
 * {@code upload_file} counts equal the expectation and rows read = accepted + rejected +
 * blank; every rejected row is in {@code rejected_row} under the row number the
 * spreadsheet shows, with Chinese reasons naming the planted mistake; every accepted row
 * is in {@code validated_row}, with its warning when one was planted; {@code hazard}
 * holds exactly the distinct hazards (nothing lost, nothing counted twice); running the
 * night again changes no table. A failure names the seed, the file and the row.
 */
class MessyLedgerIntegrationTests {

	private static final Path JOBS = Path.of("jobs").toAbsolutePath();

	private static final Registry REGISTRY = Registry.load(JOBS);

	@TempDir
	Path work;

	/**
	 * The seeds to run: {@code -Dcampaign.messy.seeds=1,2,3} explores others (a failure
	 * names its seed, which reproduces it).
	 */
	static Stream<Long> seeds() {
		return Arrays.stream(System.getProperty("campaign.messy.seeds", "20221004,777,4242").split(","))
			.map(String::strip)
			.map(Long::valueOf);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyRowAndEveryFileOfAMessyNightHasOneOutcome(long seed) throws Exception {
		LocalDate date = LocalDate.of(2022, 10, 1).plusDays(Math.floorMod(seed, 30));
		Path inbox = this.work.resolve("inbox");
		Night night = MessyLedgers.write(seed, REGISTRY, date, inbox);
		assertThat(night.files()).hasSizeBetween(20, 40);
		assertEveryRuleIsPlanted(night);
		try (TestDatabase database = TestDatabase.create()) {
			JdbcTemplate jdbc = database.jdbc();
			CampaignJar jar = new CampaignJar(Files.createDirectories(this.work.resolve("run")),
					database.environment());
			String[] run = { "run", "--inbox", inbox.toString(), "--date", date.toString(), "--jobs", JOBS.toString(),
					"--reports", this.work.resolve("reports").toString() };
			CampaignJar.Result result = jar.run(run);
			assertThat(result.exitCode()).as("seed %d: %s", seed, result).isZero();

			SoftAssertions softly = new SoftAssertions();
			assertUploads(softly, jdbc, night);
			for (ExpectedFile file : night.files()) {
				assertFile(softly, jdbc, night, file);
			}
			assertHazards(softly, jdbc, night);
			softly.assertAll();

			Map<String, List<String>> before = TableDigest.of(jdbc);
			Path reports = this.work.resolve("reports").resolve("shuangyue-2022").resolve(date.toString());
			String bulletin = Files.readString(reports.resolve("通报-" + date + ".md"));
			CampaignJar.Result again = jar.run(run);
			assertThat(again.exitCode()).as("seed %d, second run: %s", seed, again).isZero();
			assertThat(again.stdout()).contains("already done");
			Map<String, List<String>> after = TableDigest.of(jdbc);
			before.forEach((table, rows) -> assertThat(after.get(table))
				.as("seed %d: %s after running the night again", seed, table)
				.containsExactlyElementsOf(rows));
			assertThat(reports.resolve("通报-" + date + ".md"))
				.as("seed %d: the bulletin after running the night again", seed)
				.hasContent(bulletin);
			assertRerunFromValidateAgrees(jar, jdbc, seed, before, "rerun", "--date", date.toString(), "--from-step",
					"validate", "--jobs", JOBS.toString(), "--reports", this.work.resolve("reports").toString());
		}
	}

	/**
	 * The night validated each file while reading it; a rerun from validate reads the
	 * staged rows back instead and must come to the very same rows, column by column.
	 */
	private static void assertRerunFromValidateAgrees(CampaignJar jar, JdbcTemplate jdbc, long seed,
			Map<String, List<String>> before, String... rerunFromValidate) {
		String validateReads = "SELECT read_count FROM batch_step_execution WHERE step_name = 'validate'"
				+ " ORDER BY step_execution_id";
		assertThat(jdbc.queryForList(validateReads, Long.class))
			.as("seed %d: the night's validate step had nothing left to read", seed)
			.containsExactly(0L);
		Map<String, List<String>> rows = verdictRows(jdbc);
		CampaignJar.Result rerun = jar.run(rerunFromValidate);
		assertThat(rerun.exitCode()).as("seed %d, rerun from validate: %s", seed, rerun).isZero();
		long staged = jdbc.queryForObject("SELECT COUNT(*) FROM staged_row", Long.class);
		assertThat(jdbc.queryForList(validateReads, Long.class)).as("seed %d: the rerun read the staged rows", seed)
			.containsExactly(0L, staged);
		verdictRows(jdbc)
			.forEach((table, after) -> assertThat(after).as("seed %d: %s after a rerun from validate", seed, table)
				.containsExactlyElementsOf(rows.get(table)));
		Map<String, List<String>> digest = TableDigest.of(jdbc);
		before.forEach((table, expected) -> assertThat(digest.get(table))
			.as("seed %d: %s after a rerun from validate", seed, table)
			.containsExactlyElementsOf(expected));
	}

	/** Every column of the verdicts and of the files' counts. */
	private static Map<String, List<String>> verdictRows(JdbcTemplate jdbc) {
		Map<String, String> queries = Map.of("validated_row", """
				SELECT CONCAT_WS('|', file_id, row_number, township_code, identity_key, hazard_ref, village_code,
				       category, premises, address, description, found_on, status, rectified_on, inspector, contact,
				       warnings) FROM validated_row""", "rejected_row", """
				SELECT CONCAT_WS('|', file_id, row_number, reasons, hazard_ref, township, village, category, premises,
				       address, hazard, found_on, status, rectified_on, inspector, contact) FROM rejected_row""",
				"upload_file", """
						SELECT CONCAT_WS('|', file_id, rows_read, rows_accepted, rows_rejected, rows_warned, rows_blank,
						       stage) FROM upload_file""");
		Map<String, List<String>> rows = new TreeMap<>();
		queries
			.forEach((table, sql) -> rows.put(table, jdbc.queryForList(sql, String.class).stream().sorted().toList()));
		return rows;
	}

	/**
	 * The generator's side of the property: each night plants every rejection rule, the
	 * warnings every township can get, rows of other townships and every format.
	 */
	private static void assertEveryRuleIsPlanted(Night night) {
		List<ExpectedRow> rows = night.files().stream().flatMap((file) -> file.rows().stream()).toList();
		for (Defect defect : Defect.values()) {
			assertThat(rows).as("seed %d plants %s", night.seed(), defect)
				.anyMatch((row) -> row.what().startsWith(defect.name() + " "));
		}
		assertThat(rows).extracting(ExpectedRow::warning)
			.as("seed %d plants warnings", night.seed())
			.contains(Warning.ODD_PHONE, Warning.RECTIFIED_ON_IGNORED);
		assertThat(rows).as("seed %d plants rows of other townships", night.seed())
			.anyMatch((row) -> row.what().startsWith("row of "));
		assertThat(night.files()).extracting(ExpectedFile::format).contains(Format.values());
	}

	/**
	 * One upload_file row per upload, all LOADED; lock and system files are no uploads.
	 */
	private static void assertUploads(SoftAssertions softly, JdbcTemplate jdbc, Night night) {
		List<String> uploads = jdbc.queryForList(
				"SELECT township_folder || '/' || file_name || ' ' || status FROM upload_file WHERE inbox_date = ?",
				String.class, night.date());
		softly.assertThat(uploads)
			.as("seed %d: upload_file rows", night.seed())
			.containsExactlyInAnyOrderElementsOf(
					night.files().stream().map((f) -> f.folder() + "/" + f.fileName() + " LOADED").toList());
		for (String ignored : night.ignored()) {
			softly.assertThat(uploads)
				.as("seed %d: %s is no upload", night.seed(), ignored)
				.noneMatch((u) -> u.startsWith(ignored + " "));
		}
	}

	private static void assertFile(SoftAssertions softly, JdbcTemplate jdbc, Night night, ExpectedFile file) {
		String where = "seed " + night.seed() + ", " + file;
		List<Map<String, Object>> uploads = jdbc.queryForList(
				"SELECT file_id, township_code, status, reason, rows_read,"
						+ " rows_accepted, rows_rejected, rows_blank, rows_warned FROM upload_file"
						+ " WHERE inbox_date = ? AND township_folder = ? AND file_name = ?",
				night.date(), file.folder(), file.fileName());
		if (uploads.size() != 1) {
			softly.fail("%s: %d upload_file rows", where, uploads.size());
			return;
		}
		Map<String, Object> upload = uploads.get(0);
		long fileId = ((Number) upload.get("file_id")).longValue();
		softly.assertThat(upload.get("status"))
			.as("%s: status (reason %s)", where, upload.get("reason"))
			.isEqualTo("LOADED");
		softly.assertThat(upload.get("township_code")).as("%s: township", where).isEqualTo(file.townshipCode());
		Map<String, Integer> counts = new TreeMap<>();
		for (String column : List.of("rows_read", "rows_accepted", "rows_rejected", "rows_blank", "rows_warned")) {
			counts.put(column, (upload.get(column) == null) ? null : ((Number) upload.get(column)).intValue());
		}
		softly.assertThat(counts)
			.as("%s: reconciliation", where)
			.isEqualTo(Map.of("rows_read", file.rowsRead(), "rows_accepted", file.count(Outcome.ACCEPTED),
					"rows_rejected", file.count(Outcome.REJECTED), "rows_blank", file.blankRows(), "rows_warned",
					file.warned()));
		if (counts.values().stream().allMatch((n) -> n != null)) {
			softly.assertThat(counts.get("rows_read"))
				.as("%s: rows read = accepted + rejected + blank", where)
				.isEqualTo(counts.get("rows_accepted") + counts.get("rows_rejected") + counts.get("rows_blank"));
		}

		Map<Integer, String> rejected = jdbc
			.queryForList("SELECT row_number, reasons FROM rejected_row WHERE file_id = ?", fileId)
			.stream()
			.collect(Collectors.toMap((r) -> ((Number) r.get("row_number")).intValue(),
					(r) -> (String) r.get("reasons"), (a, b) -> a + " || " + b, TreeMap::new));
		Map<Integer, String> accepted = jdbc
			.queryForList("SELECT row_number, warnings FROM validated_row WHERE file_id = ?", fileId)
			.stream()
			.collect(Collectors.toMap((r) -> ((Number) r.get("row_number")).intValue(),
					(r) -> String.valueOf(r.get("warnings")), (a, b) -> a + " || " + b, TreeMap::new));
		softly
			.assertThat(
					jdbc.queryForObject("SELECT COUNT(*) FROM validated_row WHERE file_id = ?", Integer.class, fileId))
			.as("%s: validated_row count", where)
			.isEqualTo(file.count(Outcome.ACCEPTED));
		softly
			.assertThat(
					jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row WHERE file_id = ?", Integer.class, fileId))
			.as("%s: rejected_row count", where)
			.isEqualTo(file.count(Outcome.REJECTED));
		for (ExpectedRow row : file.rows()) {
			String at = where + " row " + row.rowNumber() + " [" + row.what() + "]";
			if (row.outcome() == Outcome.REJECTED) {
				String reasons = rejected.remove(row.rowNumber());
				softly.assertThat(reasons)
					.as("%s: expected rejected%s; accepted with warnings %s", at, row.words(),
							accepted.get(row.rowNumber()))
					.isNotNull();
				if (reasons != null) {
					softly.assertThat(reasons).as("%s: reasons", at).matches("(?s).*\\p{IsHan}.*");
					if (!row.words().isEmpty()) {
						softly.assertThat(reasons).as("%s: reasons", at).contains(row.words());
					}
				}
			}
			else {
				String warnings = accepted.remove(row.rowNumber());
				softly.assertThat(warnings)
					.as("%s: expected accepted; rejected with %s", at, rejected.get(row.rowNumber()))
					.isNotNull();
				if (warnings != null && row.warning() == null) {
					softly.assertThat(warnings).as("%s: no warning expected", at).isEqualTo("null");
				}
				else if (warnings != null) {
					softly.assertThat(warnings).as("%s: warning", at).contains(row.warning().words);
				}
			}
		}
		softly.assertThat(rejected).as("%s: rejected rows that should not be there", where).isEmpty();
		softly.assertThat(accepted).as("%s: accepted rows that should not be there", where).isEmpty();
	}

	/** Nothing lost, nothing counted twice. */
	private static void assertHazards(SoftAssertions softly, JdbcTemplate jdbc, Night night) {
		Map<String, Integer> hazards = new TreeMap<>();
		jdbc.queryForList("SELECT township_code, COUNT(*) AS n FROM hazard GROUP BY township_code")
			.forEach((row) -> hazards.put((String) row.get("township_code"), ((Number) row.get("n")).intValue()));
		softly.assertThat(hazards)
			.as("seed %d: distinct hazards per township", night.seed())
			.isEqualTo(night.hazardsByTownship());
		softly.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hazard", Integer.class))
			.as("seed %d: distinct hazards", night.seed())
			.isEqualTo(night.hazards());
		softly
			.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM validated_row_outcome WHERE outcome IS NULL",
					Integer.class))
			.as("seed %d: accepted rows without a dedupe outcome", night.seed())
			.isZero();
	}

}
