package cn.yongkang.campaign.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real scheduler daemons (the packaged jar's {@code schedule}) on one PostgreSQL
 * database: a clustered Quartz store, so two daemons never run a night twice, and a night
 * missed while every daemon was down runs once when one comes back.
 */
class ScheduleIntegrationTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String FAST_MISFIRE = "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000";

	@TempDir
	Path work;

	private LocalDate today;

	@BeforeEach
	void jobsAndInboxForToday() throws IOException {
		this.today = LocalDate.now(ZONE);
		FileSystemUtils.copyRecursively(Path.of("jobs"), this.work.resolve("jobs"));
		Files.writeString(this.work.resolve("jobs/campaigns/today.yml"), """
				id: today
				name: 测试行动
				start: %s
				end: %s
				categories: [RENTAL_HOUSING, STREET_SHOP, THREE_IN_ONE]
				""".formatted(this.today.minusDays(30), this.today.plusDays(30)), StandardCharsets.UTF_8);
		Path folder = this.work.resolve("inbox").resolve(this.today.toString()).resolve("东城街道");
		Files.createDirectories(folder);
		try (var files = Files.list(Path.of("sample-input/2022-10-04/东城街道"))) {
			Path ledger = files.findFirst().orElseThrow();
			Files.copy(ledger, folder.resolve(ledger.getFileName()));
		}
	}

	@Test
	void twoDaemonsOnOneDatabaseRunTheNightOnce() throws Exception {
		schedule("0/3 * * * * ?");
		try (TestDatabase database = TestDatabase.create()) {
			JdbcTemplate db = database.jdbc();
			Process first = daemon(database, "a");
			Process second = daemon(database, "b");
			try {
				await(() -> executions(db, "COMPLETED") >= 1, Duration.ofMinutes(2));
				// Let both daemons fire a few more times: every later firing finds the
				// night done.
				Thread.sleep(10_000);
				assertThat(executions(db, "COMPLETED")).isEqualTo(1);
				assertThat(db.queryForObject("SELECT COUNT(*) FROM batch_job_execution", Integer.class)).isEqualTo(1);
				assertThat(log("a") + log("b")).contains("already done");
			}
			finally {
				stop(first);
				stop(second);
			}
			assertThat(log("a") + log("b")).doesNotContain("Exception in thread");
		}
	}

	@Test
	void aNightMissedWhileTheDaemonWasDownRunsOnceWhenItComesBack() throws Exception {
		ZonedDateTime fireAt = ZonedDateTime.now(ZONE).plusSeconds(20);
		schedule("%d %d %d * * ?".formatted(fireAt.getSecond(), fireAt.getMinute(), fireAt.getHour()));
		try (TestDatabase database = TestDatabase.create()) {
			JdbcTemplate db = database.jdbc();
			Process installing = daemon(database, "install");
			await(() -> log("install").contains("Nightly trigger installed"), Duration.ofMinutes(1));
			stop(installing);
			while (ZonedDateTime.now(ZONE).isBefore(fireAt.plusSeconds(3))) {
				Thread.sleep(500);
			}
			assertThat(executions(db, "COMPLETED")).as("nothing runs while no daemon is up").isZero();
			Process back = daemon(database, "back");
			try {
				await(() -> executions(db, "COMPLETED") >= 1, Duration.ofMinutes(2));
				Thread.sleep(5_000);
				assertThat(db.queryForObject("SELECT COUNT(*) FROM batch_job_execution", Integer.class)).isEqualTo(1);
				assertThat(log("back")).contains("Nightly trigger unchanged");
			}
			finally {
				stop(back);
			}
		}
	}

	private void schedule(String cron) throws IOException {
		Files.writeString(this.work.resolve("jobs/schedule.yml"), """
				cron: "%s"
				zone: Asia/Shanghai
				days_before: 0
				inbox: %s
				""".formatted(cron, this.work.resolve("inbox")), StandardCharsets.UTF_8);
	}

	private Process daemon(TestDatabase database, String name) throws IOException {
		Path folder = this.work.resolve("daemon-" + name);
		Files.createDirectories(folder);
		return new CampaignJar(folder, database.environment()).start("schedule", "--jobs",
				this.work.resolve("jobs").toString(), "--reports", this.work.resolve("reports").toString(),
				FAST_MISFIRE);
	}

	private String log(String name) {
		try {
			return Files.readString(this.work.resolve("daemon-" + name).resolve(".stderr"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private int executions(JdbcTemplate db, String status) {
		try {
			return db.queryForObject("SELECT COUNT(*) FROM batch_job_execution e JOIN batch_job_execution_params p"
					+ " ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'date' AND p.parameter_value = ?"
					+ " WHERE e.status = ?", Integer.class, this.today.toString(), status);
		}
		catch (RuntimeException ex) {
			return 0; // not migrated yet
		}
	}

	/** SIGTERM, as an init system stops the daemon; it must end on its own. */
	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("the daemon did not stop within 90 s of SIGTERM");
		}
	}

	private static void await(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.get()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met within " + timeout);
			}
			Thread.sleep(250);
		}
	}

}
