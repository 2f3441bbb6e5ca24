package cn.yongkang.campaign.operator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an operator sees when things go wrong, through the real jar: one line on stderr
 * that says what to do, a non-zero exit status, and a state that {@code restart} finishes
 * after the fix.
 */
class OperatorFailuresIntegrationTests {

	private static final String SAMPLE = Path.of("sample-input").toAbsolutePath().toString();

	private static final String JOBS = Path.of("jobs").toAbsolutePath().toString();

	@TempDir
	Path work;

	@Test
	void mistakesOnTheCommandLineAreExplainedBeforeAnythingRuns() {
		CampaignJar jar = new CampaignJar(this.work, Map.of());
		CampaignJar.Result noInbox = jar.run("run", "--inbox", "nowhere", "--date", "2022-10-04", "--jobs", JOBS);
		assertThat(noInbox.exitCode()).isEqualTo(2);
		assertThat(lastLine(noInbox.stderr())).startsWith("error: inbox folder not found:").contains("nowhere");
		CampaignJar.Result badDate = jar.run("run", "--inbox", SAMPLE, "--date", "2022/10/04", "--jobs", JOBS);
		assertThat(badDate.exitCode()).isEqualTo(2);
		assertThat(lastLine(badDate.stderr()))
			.isEqualTo("error: invalid --date '2022/10/04': use yyyy-MM-dd, e.g. 2022-10-04");
		CampaignJar.Result badCampaign = jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--campaign", "nope",
				"--jobs", JOBS);
		assertThat(badCampaign.exitCode()).isNotZero();
		assertThat(lastLine(badCampaign.stderr())).startsWith("error: unknown campaign 'nope'")
			.contains("shuangyue-2022");
		CampaignJar.Result noCampaign = jar.run("run", "--inbox", SAMPLE, "--date", "2023-01-01", "--jobs", JOBS);
		assertThat(lastLine(noCampaign.stderr())).contains("no campaign").contains("covers 2023-01-01");
		CampaignJar.Result unknown = jar.run("frobnicate");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.stderr()).contains("unknown command 'frobnicate'");
		assertThat(jar.run("rerun", "--help").stdout()).contains("--from-step");
		CampaignJar.Result nothing = jar.run();
		assertThat(nothing.exitCode()).isEqualTo(2);
		assertThat(lastLine(nothing.stderr())).isEqualTo("error: no command given");
		assertThat(jar.run("--help").stdout()).contains("commands:", "benchmark");
		assertThat(jar.run("restart", "abc").stderr()).contains("'abc' is not an execution id");
		assertThat(jar.run("status", "--limit", "0").stderr()).contains("--limit must be at least 1");
		assertThat(this.work.resolve("data")).as("nothing was started").doesNotExist();
	}

	@Test
	void anUnreachableDatabaseIsOneLineAndAFailure() {
		CampaignJar jar = new CampaignJar(this.work, Map.of("SPRING_DATASOURCE_URL",
				"jdbc:postgresql://127.0.0.1:1/campaign", "SPRING_DATASOURCE_USERNAME", "postgres"));
		CampaignJar.Result result = jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--jobs", JOBS);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(lastLine(result.stderr())).startsWith("error: ").containsIgnoringCase("refused");
	}

	@Test
	void aBlockedReportFolderFailsTheRunAndRestartFinishesItAfterTheFix() throws IOException {
		try (TestDatabase database = TestDatabase.create()) {
			CampaignJar jar = new CampaignJar(this.work, database.environment());
			Path reports = this.work.resolve("reports");
			Files.writeString(reports, "not a folder");
			CampaignJar.Result failed = jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--jobs", JOBS,
					"--reports", reports.toString());
			assertThat(failed.exitCode()).isEqualTo(1);
			String reason = lastLine(failed.stderr());
			assertThat(reason)
				.startsWith("error: run of 2022-10-04 failed at step validate: cannot write feedback workbooks")
				.contains("restart 1");
			CampaignJar.Result status = jar.run("status");
			assertThat(status.stdout()).contains("FAILED", "cannot write feedback workbooks",
					"'restart 1' after fixing it");

			Files.delete(reports);
			Path leftover = reports.resolve("shuangyue-2022/2022-10-04/.bulletin.md123.tmp");
			Files.createDirectories(leftover.getParent());
			Files.writeString(leftover, "a killed process's half-written file");
			CampaignJar.Result restarted = jar.run("restart", "1");
			assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
			JdbcTemplate db = database.jdbc();
			assertThat(db.queryForList("SELECT step_name FROM batch_step_execution WHERE job_execution_id = 2"
					+ " ORDER BY step_execution_id", String.class))
				.as("the restart does not redo ingest")
				.containsExactly("validate", "dedupe", "statistics", "ranking", "report");
			assertThat(db.queryForObject("SELECT COUNT(*) FROM hazard", Integer.class)).isEqualTo(2982);
			assertThat(Files.exists(reports.resolve("shuangyue-2022/2022-10-04/bulletin.md"))).isTrue();
			assertThat(leftover).doesNotExist();
			CampaignJar.Result unknown = jar.run("restart", "99999");
			assertThat(unknown.exitCode()).isEqualTo(1);
			assertThat(lastLine(unknown.stderr())).isEqualTo("error: no execution 99999; 'status' lists them");
		}
	}

	/**
	 * The database drops every connection of the run while it ingests (as a server
	 * restart or a failover does): the run fails saying so, and {@code restart} finishes
	 * it.
	 */
	@Test
	void aLostDatabaseConnectionFailsTheRunAndRestartFinishesIt() throws Exception {
		try (TestDatabase database = TestDatabase.create()) {
			CampaignJar jar = new CampaignJar(this.work, database.environment());
			JdbcTemplate db = database.jdbc();
			Process run = startAndAwaitIngest(jar, db);
			db.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
					+ " WHERE datname = current_database() AND pid <> pg_backend_pid()");
			assertThat(run.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
			String stderr = Files.readString(this.work.resolve(".stderr"));
			assertThat(run.exitValue()).as(stderr).isEqualTo(1);
			assertThat(lastLine(stderr)).startsWith("error: run of 2022-10-04 failed")
				.contains("the database is unreachable or the connection to it was lost")
				.contains("restart 1");
			CampaignJar.Result restarted = jar.run("restart", "1");
			assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
			assertThat(db.queryForObject("SELECT COUNT(*) FROM hazard", Integer.class)).isEqualTo(2982);
			assertThat(db.queryForObject("SELECT COUNT(*) FROM snapshot", Integer.class)).isOne();
			assertThat(jar.run("status").stdout()).contains("Execution 1 ", "Execution 2 ", "COMPLETED",
					"(the date was done since by execution 2)");
		}
	}

	/**
	 * SIGTERM (an init system, Ctrl-C) mid-ingest: the file in hand finishes, the
	 * execution ends STOPPED, and {@code run} continues it to the same result.
	 */
	@Test
	void sigtermStopsTheRunAndRunContinuesIt() throws Exception {
		try (TestDatabase database = TestDatabase.create()) {
			CampaignJar jar = new CampaignJar(this.work, database.environment());
			JdbcTemplate db = database.jdbc();
			Process run = startAndAwaitIngest(jar, db);
			run.destroy();
			assertThat(run.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
			assertThat(run.exitValue()).isNotZero();
			assertThat(db.queryForObject("SELECT status FROM batch_job_execution", String.class)).isEqualTo("STOPPED");
			assertThat(db.queryForObject("SELECT status FROM batch_step_execution WHERE step_name = 'ingest'",
					String.class))
				.isEqualTo("STOPPED");
			assertThat(jar.run("status").stdout()).contains("STOPPED");
			CampaignJar.Result continued = jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--jobs", JOBS);
			assertThat(continued.exitCode()).as(continued.toString()).isZero();
			assertThat(db.queryForObject("SELECT COUNT(*) FROM hazard", Integer.class)).isEqualTo(2982);
			assertThat(db.queryForObject("SELECT COUNT(*) FROM upload_file", Integer.class)).isEqualTo(db
				.queryForObject("SELECT COUNT(DISTINCT sha256 || township_code) FROM upload_file", Integer.class));
		}
	}

	/**
	 * A process that lost the database while saving a step leaves the execution UNKNOWN
	 * or FAILED with the step still marked running, which Spring Batch refuses to restart
	 * ("job execution already running"): {@code restart} recovers it.
	 */
	@Test
	void anExecutionWhoseLastStateWasNotSavedRestarts() throws IOException {
		try (TestDatabase database = TestDatabase.create()) {
			CampaignJar jar = new CampaignJar(this.work, database.environment());
			Path reports = this.work.resolve("reports");
			Files.writeString(reports, "not a folder");
			assertThat(jar
				.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--jobs", JOBS, "--reports", reports.toString())
				.exitCode()).isEqualTo(1);
			JdbcTemplate db = database.jdbc();
			// What a connection lost mid-save leaves behind.
			db.update("UPDATE batch_step_execution SET status = 'STARTED', end_time = NULL, exit_message = ''"
					+ " WHERE step_name = 'validate'");
			db.update("UPDATE batch_job_execution SET status = 'UNKNOWN', exit_message = ''");
			assertThat(jar.run("status").stdout()).contains("UNKNOWN",
					"its last state could not be saved, mostly because the database connection was lost");
			// The execution FAILED, but its step still says STARTED.
			db.update("UPDATE batch_job_execution SET status = 'FAILED'");
			Files.delete(reports);
			CampaignJar.Result restarted = jar.run("restart", "1");
			assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
			assertThat(
					db.queryForList("SELECT status FROM batch_job_execution ORDER BY job_execution_id", String.class))
				.containsExactly("FAILED", "COMPLETED");
			assertThat(db.queryForObject("SELECT COUNT(*) FROM hazard", Integer.class)).isEqualTo(2982);
		}
	}

	/**
	 * A date run for a campaign named with --campaign, where two campaigns cover it:
	 * {@code rerun} without --campaign recomputes that campaign, which the calendar
	 * cannot choose.
	 */
	@Test
	void aRerunRecomputesTheCampaignTheDateWasDoneFor() throws IOException {
		Path jobs = this.work.resolve("jobs");
		org.springframework.util.FileSystemUtils.copyRecursively(Path.of(JOBS), jobs);
		Files.writeString(jobs.resolve("campaigns/november-2022.yml"),
				Files.readString(jobs.resolve("campaigns/shuangyue-2022.yml"))
					.replace("id: shuangyue-2022", "id: november-2022")
					.replace("start: 2022-09-01", "start: 2022-09-15")
					.replace("end: 2022-10-31", "end: 2022-11-30"));
		try (TestDatabase database = TestDatabase.create()) {
			CampaignJar jar = new CampaignJar(this.work, database.environment());
			assertThat(jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--jobs", jobs.toString()).stderr())
				.contains("several campaigns cover 2022-10-04");
			CampaignJar.Result ran = jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--campaign",
					"november-2022", "--jobs", jobs.toString());
			assertThat(ran.exitCode()).as(ran.toString()).isZero();
			CampaignJar.Result rerun = jar.run("rerun", "--date", "2022-10-04", "--jobs", jobs.toString());
			assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
			assertThat(database.jdbc().queryForList("SELECT campaign_id FROM snapshot", String.class))
				.containsExactly("november-2022");
		}
	}

	/** Starts a run of 2022-10-04 and returns once it is inside its ingest step. */
	private static Process startAndAwaitIngest(CampaignJar jar, JdbcTemplate db) throws InterruptedException {
		Process run = jar.start("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--jobs", JOBS);
		long deadline = System.currentTimeMillis() + 120_000;
		while (!ingesting(db) && run.isAlive() && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		assertThat(ingesting(db)).as("the run got to its ingest").isTrue();
		return run;
	}

	/** The run is inside its ingest step and has committed at least one file. */
	private static boolean ingesting(JdbcTemplate db) {
		try {
			return db
				.queryForObject("SELECT COUNT(*) FROM batch_step_execution WHERE step_name = 'ingest'"
						+ " AND status = 'STARTED'", Integer.class) > 0
					&& db.queryForObject("SELECT COUNT(*) FROM upload_file", Integer.class) > 0;
		}
		catch (org.springframework.jdbc.BadSqlGrammarException ex) {
			return false; // Flyway has not created the tables yet
		}
	}

	/**
	 * Another process holds the date (the run lock row a running 'run' or 'schedule'
	 * holds, for whichever campaign): a second run is refused; once the holder's session
	 * ends, the date runs. An analyst can neither take that lock nor stop a night with an
	 * advisory lock on the key runs used to take.
	 */
	@Test
	void aDateRunsOnceAtATime() throws Exception {
		try (TestDatabase database = TestDatabase.create()) {
			CampaignJar jar = new CampaignJar(this.work, database.environment());
			assertThat(jar.run("status").exitCode()).isZero();
			JdbcTemplate admin = database.jdbc();
			// Roles are cluster-wide: a name of this test's own.
			String role = "hostile_analyst_" + ProcessHandle.current().pid();
			admin.execute("CREATE ROLE " + role + " LOGIN IN ROLE campaign_analyst");
			try (Connection analyst = DriverManager.getConnection(database.url(), role, "");
					Statement statement = analyst.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(hashtext('campaign-pipeline|shuangyue-2022|2022-10-04'))");
				statement.execute("SELECT pg_advisory_lock(hashtext('2022-10-04'))");
				analyst.setAutoCommit(false);
				assertThatThrownBy(() -> statement.execute("SELECT * FROM run_lock FOR UPDATE"))
					.hasMessageContaining("permission denied");
				analyst.rollback();
				assertThatThrownBy(() -> statement.execute("LOCK TABLE run_lock"))
					.hasMessageContaining("permission denied");
				analyst.rollback();
				try (Connection holder = DriverManager.getConnection(database.url(), "postgres", "");
						Statement lock = holder.createStatement()) {
					lock.execute("INSERT INTO run_lock (lock_key) VALUES ('2022-10-04') ON CONFLICT DO NOTHING");
					holder.setAutoCommit(false);
					lock.execute("SELECT * FROM run_lock WHERE lock_key = '2022-10-04' FOR UPDATE");
					CampaignJar.Result refused = jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--jobs",
							JOBS);
					assertThat(refused.exitCode()).isEqualTo(1);
					assertThat(lastLine(refused.stderr())).contains("another process is running 2022-10-04");
					// Another campaign of the same date shares its inbox and uploads: it
					// waits for the date too, instead of colliding in ingest.
					Path twoCampaigns = this.work.resolve("jobs-two-campaigns");
					FileSystemUtils.copyRecursively(Path.of(JOBS), twoCampaigns);
					Path campaign = twoCampaigns.resolve("campaigns/shuangyue-2022.yml");
					Files.writeString(twoCampaigns.resolve("campaigns/other-2022.yml"),
							Files.readString(campaign).replace("id: shuangyue-2022", "id: other-2022"));
					CampaignJar.Result other = jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--campaign",
							"other-2022", "--jobs", twoCampaigns.toString());
					assertThat(other.exitCode()).as(other.toString()).isEqualTo(1);
					assertThat(lastLine(other.stderr())).contains("another process is running 2022-10-04");
					assertThat(admin.queryForObject("SELECT COUNT(*) FROM batch_job_execution", Integer.class))
						.isZero();
				}
				// The holder's session ended; the analyst still holds its advisory locks.
				CampaignJar.Result ran = jar.run("run", "--inbox", SAMPLE, "--date", "2022-10-04", "--jobs", JOBS);
				assertThat(ran.exitCode()).as(ran.toString()).isZero();
			}
			finally {
				admin.execute("DROP OWNED BY " + role);
				admin.execute("DROP ROLE IF EXISTS " + role);
			}
		}
	}

	private static String lastLine(String text) {
		String[] lines = text.strip().split("\n");
		return lines[lines.length - 1];
	}

}
