package cn.yongkang.campaign.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code benchmark} command through the real jar, with few rows: the generated
 * uploads go through the real job, every row is accounted for, the figures (and the bare
 * read-and-COPY they are measured against) are printed, and the command never adds its
 * rows to a database that holds real uploads.
 */
class BenchmarkIntegrationTests {

	private static final Pattern ROWS = Pattern
		.compile("Rows: read ([\\d,]+) = accepted ([\\d,]+) \\+ rejected ([\\d,]+) \\+ blank ([\\d,]+); ([\\d,]+)");

	private static final String JOBS = Path.of("jobs").toAbsolutePath().toString();

	@TempDir
	Path work;

	@Test
	void threeNightsOfGeneratedRowsOnPostgresReconcileAndAreMeasuredAgainstTheBareRead() {
		try (TestDatabase database = TestDatabase.create()) {
			CampaignJar jar = new CampaignJar(this.work, database.environment());
			CampaignJar.Result result = jar.run("benchmark", "--rows", "3000", "--townships", "2", "--nights", "3",
					"--threads", "2", "--jobs", JOBS);
			assertThat(result.exitCode()).as(result.toString()).isZero();
			Matcher rows = ROWS.matcher(result.stdout());
			assertThat(rows.find()).as(result.stdout()).isTrue();
			long read = number(rows.group(1));
			long accepted = number(rows.group(2));
			long rejected = number(rows.group(3));
			long blank = number(rows.group(4));
			assertThat(read).isEqualTo(3000).isEqualTo(accepted + rejected + blank);
			assertThat(rejected).isPositive();
			assertThat(blank).isPositive();
			assertThat(number(rows.group(5))).isPositive();
			for (String step : new String[] { "ingest", "validate", "dedupe", "statistics", "ranking", "report",
					"together" }) {
				assertThat(result.stdout()).containsPattern("\\n  " + step + " +[\\d.]+ s +[\\d,]+ rows/s");
			}
			assertThat(result.stdout()).containsPattern("Heap: max \\d+ MB; highest use after a collection \\d+ MB");
			assertThat(result.stdout())
				.containsPattern("Limit: the same 2 files, fastexcel-reader → one COPY, one thread: [\\d,]+ rows in")
				.containsPattern("Ratio: the night \\([\\d.]+ s\\) took [\\d.]+x the bare read-and-COPY")
				.containsPattern(
						"Night 2: execution \\d+ COMPLETED in [\\d.]+ s; 2 of 2 uploads recognized as DUPLICATE")
				.containsPattern(
						"Night 3: execution \\d+ COMPLETED in [\\d.]+ s; 0 of 2 uploads recognized as DUPLICATE");
			var jdbc = database.jdbc();
			assertThat(jdbc.queryForMap("SELECT sum(rows_read) AS rows_read, sum(rows_accepted) AS rows_accepted,"
					+ " sum(rows_rejected) AS rows_rejected, sum(rows_blank) AS rows_blank FROM upload_file"
					+ " WHERE status = 'LOADED' AND inbox_date = (SELECT min(inbox_date) FROM upload_file)"))
				.isEqualTo(Map.of("rows_read", read, "rows_accepted", accepted, "rows_rejected", rejected, "rows_blank",
						blank));
			// Every generated row is a hazard of its own: none lost, none counted twice;
			// the updated ledgers of night 3 add their new rows and only rectify.
			long added = jdbc.queryForObject("SELECT count(*) FROM hazard_history WHERE change_kind = 'NEW'"
					+ " AND inbox_date = (SELECT max(inbox_date) FROM upload_file)", Long.class);
			assertThat(added).isBetween(3000 / 100 * 8 / 10L, 3000 / 100L);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM hazard", Long.class)).isEqualTo(accepted + added);
			assertThat(jdbc.queryForObject(
					"SELECT count(*) FROM hazard_history WHERE change_kind = 'UPDATED' AND status = 'RECTIFIED'",
					Long.class))
				.isBetween(accepted / 50, accepted / 10);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM rejected_row r JOIN upload_file f"
					+ " ON f.file_id = r.file_id WHERE f.inbox_date = (SELECT min(inbox_date) FROM upload_file)",
					Long.class))
				.isEqualTo(rejected);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM hazard_history WHERE change_kind <> 'NEW'"
					+ " AND (change_kind <> 'UPDATED' OR status <> 'RECTIFIED')", Long.class))
				.as("night 3 changes nothing but rectifications")
				.isZero();
			assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot", Long.class)).isEqualTo(3);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM work_hazard_group", Long.class))
				.as("the statistics' work set is emptied after each night")
				.isZero();

			CampaignJar.Result again = jar.run("benchmark", "--rows", "100", "--jobs", JOBS);
			assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
			assertThat(again.stderr()).contains("already holds 6 uploads", "empty database");
			assertThat(jdbc.queryForObject("SELECT count(*) FROM upload_file", Long.class)).isEqualTo(6);
		}
	}

	@Test
	void withoutAConfiguredDatabaseItUsesAScratchH2OfItsOwn() throws Exception {
		CampaignJar jar = new CampaignJar(this.work, Map.of());
		for (int run = 0; run < 2; run++) {
			CampaignJar.Result result = jar.run("benchmark", "--rows", "500", "--townships", "1", "--through",
					"validate", "--jobs", JOBS);
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.stdout()).contains("Rows: read 500 = ", "validate", "rows/s");
			assertThat(result.stdout()).doesNotContainPattern("\\n  dedupe ");
		}
		assertThat(this.work.resolve("data/benchmark/db")).isDirectory();
		assertThat(this.work.resolve("data/campaign.mv.db")).doesNotExist();
		try (var files = Files.list(this.work.resolve("data/benchmark/inbox/2022-10-04/东城街道"))) {
			assertThat(files).hasSize(1);
		}
	}

	@Test
	void aMistakenCommandLineIsRefusedAtOnce() {
		CampaignJar jar = new CampaignJar(this.work, Map.of());
		CampaignJar.Result result = jar.run("benchmark", "--through", "nowhere", "--jobs", JOBS);
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("unknown step 'nowhere' for --through");
		assertThat(jar.run("benchmark", "--rows", "0", "--jobs", JOBS).stderr()).contains("--rows must be at least 1");
		assertThat(jar.run("benchmark", "--nights", "4", "--jobs", JOBS).stderr())
			.contains("--nights must be 1, 2 or 3");
	}

	private static long number(String text) {
		return Long.parseLong(text.replace(",", ""));
	}

}
