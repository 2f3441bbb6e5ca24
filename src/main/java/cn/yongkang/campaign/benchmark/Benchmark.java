package cn.yongkang.campaign.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import cn.yongkang.campaign.bulk.Database;
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
 * The {@code benchmark} command: generates a night of large messy .xlsx uploads (N rows
 * over K townships), runs the real nightly job on it through the given stage (the whole
 * night by default) and prints per stage its wall time, rows per second and peak heap;
 * then, in the same process, the limit: the same files read by fastexcel-reader and
 * streamed into one {@code COPY} on one thread, and how many times that the night took.
 * With {@code --nights 2} a second night follows in which every township re-sends its
 * ledger unchanged (the usual case); {@code --nights 3} adds a third in which every
 * ledger comes back updated (a tenth of the open hazards rectified, a hundredth more
 * rows), which is parsed and merged in full. It adds generated nights to the database, so
 * it refuses a database that already holds uploads.
 */
@Component
public class Benchmark {

	/** The benchmark's folder: generated inbox, reports and, by default, its database. */
	public static final Path WORK = Path.of("data", "benchmark");

	private static final double MB = 1024.0 * 1024.0;

	private final PipelineLauncher launcher;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final Database database;

	Benchmark(PipelineLauncher launcher, JdbcTemplate jdbc, DataSource dataSource, Database database) {
		this.launcher = launcher;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.database = database;
	}

	/**
	 * What to measure: the rows to generate, over how many townships, for how many
	 * nights, and the last stage to run.
	 */
	public record Settings(int rows, int townships, int nights, String throughStep, Path jobs, String campaignId) {
	}

	/** One township's generated upload. */
	private record Upload(Township township, Path file, int rows) {
	}

	/** Runs the benchmark and prints its figures; false when a night failed. */
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
		LocalDate last = campaign.start().plusDays(33).isAfter(campaign.end()) ? campaign.end()
				: campaign.start().plusDays(33);
		LocalDate first = last.minusDays(settings.nights() - 1L);
		Registry registry = Registry.load(settings.jobs());
		List<Township> participants = campaign.participants(registry);
		List<Township> townships = participants.subList(0, Math.min(settings.townships(), participants.size()));

		long started = System.nanoTime();
		clear(WORK.resolve("inbox"));
		clear(WORK.resolve("reports"));
		List<Upload> night = generate(settings.rows(), townships, participants, registry, campaign, first, null, out);
		double mb = night.stream().mapToLong((upload) -> size(upload.file())).sum() / MB;
		out.printf(Locale.ROOT, "Generated %d uploads, %,d rows in all, %.1f MB, in %.1f s%n", night.size(),
				settings.rows(), mb, (System.nanoTime() - started) / 1e9);
		out.printf(Locale.ROOT, "Night 1: %d townships, campaign %s, %s, through '%s', max heap %.0f MB...%n",
				townships.size(), campaign.id(), first, settings.throughStep(), HeapWatch.maxHeap() / MB);

		Folders folders = new Folders(WORK.resolve("inbox"), settings.jobs(), WORK.resolve("reports"));
		Outcome outcome;
		try (HeapWatch heap = new HeapWatch()) {
			outcome = this.launcher.run(campaign.id(), first, folders, settings.throughStep());
			printRows(out, outcome.execution(), first);
			printSteps(out, outcome.execution(), readRows(first), heap);
			printHeap(out, heap);
		}
		if (!outcome.succeeded()) {
			return false;
		}
		double nightSeconds = seconds(outcome.execution().getStartTime(), outcome.execution().getEndTime());

		BareReadAndCopy.Result bare = new BareReadAndCopy(this.dataSource, this.database.isPostgres())
			.run(night.stream().map(Upload::file).toList());
		out.printf(Locale.ROOT, "Limit: the same %d files, %s, one thread: %,d rows in %.1f s, %,.0f rows/s%n",
				night.size(), bare.how(), bare.rows(), bare.seconds(), bare.rows() / Math.max(bare.seconds(), 0.001));
		out.printf(Locale.ROOT, "Ratio: the night (%.1f s) took %.2fx the bare read-and-COPY (%.1f s)%n", nightSeconds,
				nightSeconds / Math.max(bare.seconds(), 0.001), bare.seconds());

		for (int n = 2; n <= settings.nights(); n++) {
			LocalDate date = first.plusDays(n - 1L);
			if (n == 2) {
				resend(night, first, date);
				out.printf(Locale.ROOT, "%nNight %d: %s, every township re-sends its ledger unchanged...%n", n, date);
			}
			else {
				generate(settings.rows(), townships, participants, registry, campaign, first, date, out);
				out.printf(Locale.ROOT, "%nNight %d: %s, every ledger comes back updated (a tenth of the open hazards"
						+ " rectified, one row in a hundred new)...%n", n, date);
			}
			Outcome again;
			try (HeapWatch heap = new HeapWatch()) {
				again = this.launcher.run(campaign.id(), date, folders, settings.throughStep());
				// An unchanged night reads nothing: its rate is over the rows it
				// recognized.
				printSteps(out, again.execution(), (n == 2) ? readRows(first) : readRows(date), heap);
			}
			Map<String, Object> files = this.jdbc.queryForMap("SELECT count(*) AS files,"
					+ " count(CASE WHEN status = 'DUPLICATE' THEN 1 END) AS duplicates FROM upload_file"
					+ " WHERE inbox_date = ?", date);
			out.printf(Locale.ROOT, "Night %d: execution %d %s in %.1f s; %s of %s uploads recognized as DUPLICATE%n",
					n, again.execution().getId(), again.execution().getStatus(),
					seconds(again.execution().getStartTime(), again.execution().getEndTime()), files.get("duplicates"),
					files.get("files"));
			if (!again.succeeded()) {
				return false;
			}
		}
		return true;
	}

	private static void clear(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot empty the benchmark's " + folder, ex);
		}
	}

	/**
	 * Writes each township's ledger as first uploaded on {@code date}, or, with
	 * {@code updatedOn}, as it comes back updated on that day.
	 */
	private static List<Upload> generate(int rows, List<Township> townships, List<Township> participants,
			Registry registry, Campaign campaign, LocalDate date, LocalDate updatedOn, PrintStream out) {
		List<Upload> night = new ArrayList<>();
		LocalDate folderDate = (updatedOn != null) ? updatedOn : date;
		try {
			for (int i = 0; i < townships.size(); i++) {
				Township township = townships.get(i);
				int share = rows / townships.size() + (i < rows % townships.size() ? 1 : 0);
				List<String> villages = registry.villages()
					.stream()
					.filter((v) -> v.townshipCode().equals(township.code()))
					.map(Village::name)
					.toList();
				String other = participants.stream().filter((t) -> t != township).findFirst().orElse(township).name();
				Path folder = WORK.resolve("inbox").resolve(folderDate.toString()).resolve(township.name());
				Files.createDirectories(folder);
				Path file = folder.resolve(township.name() + "隐患排查台账.xlsx");
				int strings = new LargeLedger(township.name(), villages.isEmpty() ? List.of("") : villages, other,
						campaign.start(), date)
					.updatedOn(updatedOn)
					.write(file, share);
				// Written just now, but not still being written: ingest reads it at once.
				settled(file);
				if (townships.size() == 1) {
					out.printf(Locale.ROOT, "Generated %s: %,d rows, %,d shared strings%n", file, share, strings);
				}
				night.add(new Upload(township, file, share));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the benchmark uploads under " + WORK.resolve("inbox"), ex);
		}
		return night;
	}

	/**
	 * Dates a generated file an hour back, so ingest does not leave it as still being
	 * written.
	 */
	private static void settled(Path file) throws IOException {
		Files.setLastModifiedTime(file,
				java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
	}

	/** The next night's inbox: every township's ledger again, byte for byte. */
	private static void resend(List<Upload> night, LocalDate first, LocalDate date) {
		Path inbox = WORK.resolve("inbox");
		try {
			for (Upload upload : night) {
				Path target = inbox.resolve(date.toString())
					.resolve(inbox.resolve(first.toString()).relativize(upload.file()));
				Files.createDirectories(target.getParent());
				Files.copy(upload.file(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				settled(target);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the benchmark's next night under " + inbox, ex);
		}
	}

	private long readRows(LocalDate date) {
		Long read = this.jdbc.queryForObject(
				"SELECT coalesce(sum(rows_read), 0) FROM upload_file WHERE inbox_date = ? AND status = 'LOADED'",
				Long.class, date);
		return read == null ? 0 : read;
	}

	private void printRows(PrintStream out, JobExecution execution, LocalDate date) {
		Map<String, Object> rows = this.jdbc.queryForMap("SELECT coalesce(sum(rows_read), 0) AS read,"
				+ " coalesce(sum(rows_accepted), 0) AS accepted, coalesce(sum(rows_rejected), 0) AS rejected,"
				+ " coalesce(sum(rows_blank), 0) AS blank, coalesce(sum(rows_warned), 0) AS warned,"
				+ " count(*) AS files, count(CASE WHEN status = 'LOADED' THEN 1 END) AS loaded,"
				+ " max(reason) AS reason FROM upload_file WHERE inbox_date = ?", date);
		out.println();
		out.printf(Locale.ROOT, "Execution %d %s; %s of %s uploads LOADED%s%n", execution.getId(),
				execution.getStatus(), rows.get("loaded"), rows.get("files"),
				rows.get("reason") == null ? "" : " (" + rows.get("reason") + ")");
		out.printf(Locale.ROOT,
				"Rows: read %,d = accepted %,d + rejected %,d + blank %,d; %,d accepted with warnings%n",
				((Number) rows.get("read")).longValue(), rows.get("accepted"), rows.get("rejected"), rows.get("blank"),
				rows.get("warned"));
	}

	/** The stages (not their per-file partitions): wall time, rows/s, peak heap. */
	private static void printSteps(PrintStream out, JobExecution execution, long rows, HeapWatch heap) {
		for (StepExecution step : execution.getStepExecutions()
			.stream()
			.filter((step) -> !step.getStepName().contains(":"))
			.sorted(Comparator.comparing(StepExecution::getId))
			.toList()) {
			if ("NOOP".equals(step.getExitStatus().getExitCode()) || step.getEndTime() == null) {
				continue;
			}
			double took = seconds(step.getStartTime(), step.getEndTime());
			out.printf(Locale.ROOT, "  %-10s %8.1f s  %,10.0f rows/s  heap peak %4.0f MB%n", step.getStepName(), took,
					rows / took, heap.peakUsedBetween(instant(step.getStartTime()), instant(step.getEndTime())) / MB);
		}
		double night = seconds(execution.getStartTime(), execution.getEndTime());
		out.printf(Locale.ROOT, "  %-10s %8.1f s  %,10.0f rows/s%n", "together", night, rows / night);
	}

	private static void printHeap(PrintStream out, HeapWatch heap) {
		out.printf(
				"Heap: max %.0f MB; highest use after a collection %.0f MB; highest use sampled %.0f MB"
						+ " (includes garbage not yet collected)%n",
				HeapWatch.maxHeap() / MB, heap.peakLiveAfterCollection() / MB, heap.peakUsed() / MB);
	}

	private static java.time.Instant instant(LocalDateTime time) {
		return time.atZone(ZoneId.systemDefault()).toInstant();
	}

	private static double seconds(LocalDateTime from, LocalDateTime to) {
		return Math.max(Duration.between(from, to).toMillis(), 1) / 1000.0;
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
