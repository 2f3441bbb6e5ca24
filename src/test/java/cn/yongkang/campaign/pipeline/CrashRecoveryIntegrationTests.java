package cn.yongkang.campaign.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TableDigest;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the real application with SIGKILL in the middle of each stage, recovers the way
 * an operator would ('restart', or 'run' again), and compares every table with an
 * uninterrupted run of the same nights: no duplicate hazards, history rows, rejections or
 * snapshots.
 */
class CrashRecoveryIntegrationTests {

	private static final Path SAMPLE = Path.of("sample-input").toAbsolutePath();

	private static final Path JOBS = Path.of("jobs").toAbsolutePath();

	@TempDir
	Path work;

	@Test
	void killedRunsRecoverToTheTablesOfAnUninterruptedRun() throws Exception {
		try (TestDatabase uninterrupted = TestDatabase.create(); TestDatabase crashed = TestDatabase.create()) {
			CampaignJar plain = jar(uninterrupted, "plain");
			CampaignJar.Result backfill = plain.run("backfill", "--inbox", SAMPLE.toString(), "--from", "2022-10-02",
					"--to", "2022-10-04", "--jobs", JOBS.toString(), "--reports",
					this.work.resolve("plain-reports").toString());
			assertThat(backfill.exitCode()).as(backfill.toString()).isZero();

			CampaignJar jar = jar(crashed, "crashed");
			JdbcTemplate db = crashed.jdbc();
			killDuring(jar, db, "2022-10-02", "SELECT COUNT(*) FROM upload_file WHERE inbox_date = DATE '2022-10-02'",
					5);
			recover(jar, db, "restart");
			killDuring(jar, db, "2022-10-03",
					"SELECT COUNT(*) FROM upload_file WHERE inbox_date = DATE '2022-10-03' AND stage IN ('VALIDATED', 'DEDUPED')",
					3);
			recover(jar, db, "run");
			killDuring(jar, db, "2022-10-04",
					"SELECT COUNT(*) FROM upload_file WHERE inbox_date = DATE '2022-10-04' AND stage = 'DEDUPED'", 4);
			recover(jar, db, "restart");
			assertSameTables(db, uninterrupted.jdbc());

			// A rerun killed while it publishes the snapshot leaves the old one in place,
			// then replaces it.
			String rankingSteps = "SELECT COUNT(*) FROM batch_step_execution WHERE step_name = 'ranking'";
			int before = db.queryForObject(rankingSteps, Integer.class);
			Process rerun = jar.start("rerun", "--date", "2022-10-04", "--jobs", JOBS.toString(), "--reports",
					reports().toString());
			killWhen(rerun, db, rankingSteps, before + 1);
			assertThat(
					db.queryForObject("SELECT COUNT(*) FROM snapshot WHERE as_of = DATE '2022-10-04'", Integer.class))
				.isEqualTo(1);
			recover(jar, db, "restart");
			assertSameTables(db, uninterrupted.jdbc());
		}
	}

	private static void assertSameTables(JdbcTemplate actual, JdbcTemplate expected) {
		Map<String, List<String>> want = TableDigest.of(expected);
		TableDigest.of(actual)
			.forEach((table, rows) -> assertThat(rows).as(table).containsExactlyElementsOf(want.get(table)));
	}

	private CampaignJar jar(TestDatabase database, String name) throws Exception {
		Path folder = this.work.resolve(name);
		java.nio.file.Files.createDirectories(folder);
		return new CampaignJar(folder, database.environment());
	}

	private void killDuring(CampaignJar jar, JdbcTemplate db, String date, String progressQuery, int threshold) {
		Process process = jar.start("run", "--inbox", SAMPLE.toString(), "--date", date, "--jobs", JOBS.toString(),
				"--reports", reports().toString());
		killWhen(process, db, progressQuery, threshold);
	}

	/**
	 * Polls the database until the run got as far as asked, then kills the process with
	 * SIGKILL.
	 */
	private static void killWhen(Process process, JdbcTemplate db, String progressQuery, int threshold) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (process.isAlive() && Instant.now().isBefore(deadline)) {
			Integer progress = queryQuietly(db, progressQuery);
			if (progress != null && progress >= threshold) {
				process.destroyForcibly();
				break;
			}
			sleep(15);
		}
		waitFor(process);
		assertThat(process.exitValue()).as("the run was killed before it finished (SIGKILL: 137)").isEqualTo(137);
	}

	/**
	 * As an operator would: 'status' explains, then 'restart <id>' or 'run' again
	 * finishes the date.
	 */
	private void recover(CampaignJar jar, JdbcTemplate db, String how) {
		Map<String, Object> latest = db.queryForMap("SELECT e.job_execution_id, e.status FROM batch_job_execution e"
				+ " ORDER BY e.job_execution_id DESC FETCH FIRST 1 ROWS ONLY");
		long id = ((Number) latest.get("job_execution_id")).longValue();
		assertThat(latest.get("status")).isEqualTo("STARTED");
		CampaignJar.Result status = jar.run("status", "--limit", "1");
		assertThat(status.stdout()).contains("still marked STARTED", "restart " + id);
		CampaignJar.Result result;
		if (how.equals("restart")) {
			result = jar.run("restart", String.valueOf(id));
		}
		else {
			String date = db.queryForObject("SELECT parameter_value FROM batch_job_execution_params"
					+ " WHERE job_execution_id = ? AND parameter_name = 'date'", String.class, id);
			result = jar.run("run", "--inbox", SAMPLE.toString(), "--date", date, "--jobs", JOBS.toString(),
					"--reports", reports().toString());
		}
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(db.queryForObject(
				"SELECT status FROM batch_job_execution ORDER BY job_execution_id DESC" + " FETCH FIRST 1 ROWS ONLY",
				String.class))
			.isEqualTo("COMPLETED");
		List<String> failedBefore = db.queryForList("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
				String.class, id);
		assertThat(failedBefore).containsExactly("FAILED");
	}

	private Path reports() {
		return this.work.resolve("crashed-reports");
	}

	private static Integer queryQuietly(JdbcTemplate db, String sql) {
		try {
			return db.queryForObject(sql, Integer.class);
		}
		catch (RuntimeException ex) {
			return null; // tables not created yet: the process is still starting
		}
	}

	private static void waitFor(Process process) {
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
