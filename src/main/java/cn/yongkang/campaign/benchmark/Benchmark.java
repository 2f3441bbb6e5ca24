package cn.yongkang.campaign.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.pipeline.LaunchException;
import cn.yongkang.campaign.pipeline.PipelineLauncher;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Folders;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Outcome;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.registry.Village;

/**
 * The {@code benchmark} command: generates one township's large messy .xlsx upload, runs
 * the real nightly job on it through the given stage (ingest and validate by default) and
 * prints rows per second per stage and the heap it took. It adds a night of generated
 * rows to the database, so it refuses a database that already holds uploads.
 */
@Component
public class Benchmark {

	/** The benchmark's folder: generated inbox, reports and, by default, its database. */
	public static final Path WORK = Path.of("data", "benchmark");

	private static final double MB = 1024.0 * 1024.0;

	private final PipelineLauncher launcher;

	private final JdbcTemplate jdbc;

	Benchmark(PipelineLauncher launcher, JdbcTemplate jdbc) {
		this.launcher = launcher;
		this.jdbc = jdbc;
	}

	/** What to measure: the rows to generate and the last stage to run. */
	public record Settings(int rows, String throughStep, Path jobs, String campaignId) {
	}

	/** Runs the benchmark and prints its figures; false when the job failed. */
	public boolean run(Settings settings, PrintStream out) {
		Long uploads = this.jdbc.queryForObject("SELECT count(*) FROM upload_file", Long.class);
		if (uploads != null && uploads > 0) {
			throw new LaunchException("the benchmark adds a night of generated rows, but this database already holds "
					+ uploads + " uploads; point it at an empty database (createdb campaign_benchmark,"
					+ " --spring.datasource.url=jdbc:postgresql://.../campaign_benchmark) or leave the datasource"
					+ " unset to use a scratch H2 under data/benchmark/");
		}
		CampaignCatalog campaigns = CampaignCatalog.load(settings.jobs());
		Campaign campaign = settings.campaignId() != null ? campaigns.get(settings.campaignId())
				: campaigns.all().stream().max(Comparator.comparing(Campaign::start)).orElseThrow();
		LocalDate date = campaign.start().plusDays(33).isAfter(campaign.end()) ? campaign.end()
				: campaign.start().plusDays(33);
		Registry registry = Registry.load(settings.jobs());
		List<Township> townships = campaign.participants(registry);
		Township township = townships.stream().filter((t) -> !t.isZone()).findFirst().orElse(townships.get(0));
		List<String> villages = registry.villages()
			.stream()
			.filter((v) -> v.townshipCode().equals(township.code()))
			.map(Village::name)
			.toList();
		String other = townships.stream().filter((t) -> t != township).findFirst().orElse(township).name();
		Path folder = WORK.resolve("inbox").resolve(date.toString()).resolve(township.name());

		long started = System.nanoTime();
		Path file = folder.resolve(township.name() + "隐患排查台账.xlsx");
		int strings;
		try {
			FileSystemUtils.deleteRecursively(WORK.resolve("inbox"));
			FileSystemUtils.deleteRecursively(WORK.resolve("reports"));
			Files.createDirectories(folder);
			strings = new LargeLedger(township.name(), villages.isEmpty() ? List.of("") : villages, other,
					campaign.start(), date)
				.write(file, settings.rows());
			// Written just now, but not still being written: ingest reads it at once.
			Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime
				.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the benchmark upload under " + folder, ex);
		}
		out.printf(Locale.ROOT, "Generated %s: %,d rows, %,d shared strings, %.1f MB, in %.1f s%n", file,
				settings.rows(), strings, size(file) / MB, (System.nanoTime() - started) / 1e9);
		out.printf(Locale.ROOT, "Running %s of campaign %s for %s through '%s', max heap %.0f MB...%n", township.name(),
				campaign.id(), date, settings.throughStep(), HeapWatch.maxHeap() / MB);

		Outcome outcome;
		long peakUsed;
		long peakLive;
		try (HeapWatch heap = new HeapWatch()) {
			outcome = this.launcher.run(campaign.id(), date,
					new Folders(WORK.resolve("inbox"), settings.jobs(), WORK.resolve("reports")),
					settings.throughStep());
			peakUsed = heap.peakUsed();
			peakLive = heap.peakLiveAfterCollection();
		}
		JobExecution execution = outcome.execution();
		print(out, execution, date, peakUsed, peakLive);
		return outcome.succeeded();
	}

	private void print(PrintStream out, JobExecution execution, LocalDate date, long peakUsed, long peakLive) {
		Map<String, Object> rows = this.jdbc.queryForMap("SELECT coalesce(sum(rows_read), 0) AS read,"
				+ " coalesce(sum(rows_accepted), 0) AS accepted, coalesce(sum(rows_rejected), 0) AS rejected,"
				+ " coalesce(sum(rows_blank), 0) AS blank, coalesce(sum(rows_warned), 0) AS warned,"
				+ " max(status) AS status, max(reason) AS reason FROM upload_file WHERE inbox_date = ?", date);
		long read = ((Number) rows.get("read")).longValue();
		out.println();
		out.printf(Locale.ROOT, "Execution %d %s; upload %s%s%n", execution.getId(), execution.getStatus(),
				rows.get("status"), rows.get("reason") == null ? "" : " (" + rows.get("reason") + ")");
		out.printf(Locale.ROOT,
				"Rows: read %,d = accepted %,d + rejected %,d + blank %,d; %,d accepted with warnings%n", read,
				rows.get("accepted"), rows.get("rejected"), rows.get("blank"), rows.get("warned"));
		Duration total = Duration.ZERO;
		for (StepExecution step : execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.toList()) {
			if ("NOOP".equals(step.getExitStatus().getExitCode()) || step.getEndTime() == null) {
				continue;
			}
			Duration took = Duration.between(step.getStartTime(), step.getEndTime());
			total = total.plus(took);
			out.printf(Locale.ROOT, "  %-10s %8.1f s  %,10.0f rows/s%n", step.getStepName(), seconds(took),
					read / seconds(took));
		}
		out.printf(Locale.ROOT, "  %-10s %8.1f s  %,10.0f rows/s%n", "together", seconds(total), read / seconds(total));
		out.printf(
				"Heap: max %.0f MB; highest use after a collection %.0f MB; highest use sampled %.0f MB"
						+ " (includes garbage not yet collected)%n",
				HeapWatch.maxHeap() / MB, peakLive / MB, peakUsed / MB);
	}

	private static double seconds(Duration duration) {
		return Math.max(duration.toMillis(), 1) / 1000.0;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return -1;
		}
	}

}
