package cn.yongkang.campaign.operator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.quartz.SchedulerException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.benchmark.Benchmark;
import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.pipeline.LaunchException;
import cn.yongkang.campaign.pipeline.NightlyRuns;
import cn.yongkang.campaign.pipeline.PipelineLauncher;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Folders;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Outcome;
import cn.yongkang.campaign.report.ReportTasklet;
import cn.yongkang.campaign.schedule.NightlySchedule;
import cn.yongkang.campaign.schedule.NightlyTrigger;
import cn.yongkang.campaign.support.RunParameters;

/** Carries out one parsed command with the application's beans. */
@Component
class OperatorCommands {

	private final PipelineLauncher launcher;

	private final StatusReport status;

	private final NightlyTrigger trigger;

	private final Benchmark benchmark;

	private final NightlyRuns runs;

	private final CountDownLatch stopRequested = new CountDownLatch(1);

	private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);

	OperatorCommands(PipelineLauncher launcher, StatusReport status, NightlyTrigger trigger, Benchmark benchmark,
			NightlyRuns runs) {
		this.launcher = launcher;
		this.status = status;
		this.trigger = trigger;
		this.benchmark = benchmark;
		this.runs = runs;
	}

	int execute(CommandLine line) {
		try {
			return switch (line.command()) {
				case "run" -> run(line);
				case "rerun" -> rerun(line);
				case "restart" -> restart(line);
				case "abandon" -> abandon(line);
				case "backfill" -> backfill(line);
				case "status" -> {
					this.status.print(this.out, line.date("date", false), line.number("limit", 10));
					yield OperatorConsole.OK;
				}
				case "schedule" -> schedule(line);
				case "benchmark" -> benchmark(line);
				default -> throw new UsageException("unknown command '" + line.command() + "'");
			};
		}
		catch (LaunchException ex) {
			this.err.println("error: " + ex.getMessage());
			return OperatorConsole.FAILED;
		}
	}

	private int run(CommandLine line) {
		LocalDate date = line.date("date", true);
		Campaign campaign = campaigns(line).choose(line.option("campaign"), date);
		if (isEmpty(line, campaign, date)) {
			throw new LaunchException(
					"no inbox folder " + folders(line).inbox().resolve(date.toString()).toAbsolutePath().normalize()
							+ " for " + date + ": nobody uploaded anything (is the date right?), so nothing was run."
							+ " To publish the date without uploads (every unit named as missing), add --allow-empty");
		}
		Outcome outcome = this.launcher.run(campaign.id(), date, folders(line));
		return finish(outcome, "run of " + date);
	}

	/**
	 * A date never run, without an inbox folder and without --allow-empty: most often a
	 * mistyped date.
	 */
	private boolean isEmpty(CommandLine line, Campaign campaign, LocalDate date) {
		return !line.flag("allow-empty") && !NightlyRuns.hasInbox(folders(line).inbox(), date)
				&& this.runs.forDate(campaign.id(), date).isEmpty();
	}

	/**
	 * Without --campaign, a rerun recomputes the campaign the date was done for, even one
	 * chosen with --campaign outside its period.
	 */
	private int rerun(CommandLine line) {
		LocalDate date = line.date("date", true);
		String campaignId;
		List<String> done = this.runs.campaignsDone(date);
		if (line.option("campaign") != null || done.isEmpty()) {
			campaignId = campaigns(line).choose(line.option("campaign"), date).id();
		}
		else if (done.size() == 1) {
			campaignId = done.get(0);
		}
		else {
			throw new LaunchException(
					date + " was done for campaigns " + String.join(", ", done) + "; name one with --campaign ID");
		}
		String fromStep = line.options().getOrDefault("from-step", "statistics");
		return finish(this.launcher.rerun(campaignId, date, fromStep, folders(line)), "rerun of " + date);
	}

	/**
	 * A restart continues an execution with its own parameters, folders included: say so
	 * when --jobs names another folder.
	 */
	private int restart(CommandLine line) {
		long id = line.executionId();
		if (line.option("jobs") != null) {
			Path jobs = line.folder("jobs", Preflight.DEFAULT_JOBS).toAbsolutePath().normalize();
			this.runs.find(id)
				.map(RunParameters::of)
				.filter((run) -> !run.jobs().equals(jobs))
				.ifPresent((run) -> this.err
					.println("note: a restart continues execution " + id + " with its own jobs folder " + run.jobs()
							+ ", not --jobs; to use " + jobs + ", 'abandon " + id + "' then 'run' with --jobs"));
		}
		return finish(this.launcher.restart(id), "restart of " + id);
	}

	private int backfill(CommandLine line) {
		LocalDate from = line.date("from", true);
		LocalDate to = line.date("to", true);
		CampaignCatalog campaigns = campaigns(line);
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			Campaign campaign = campaigns.choose(line.option("campaign"), date);
			if (isEmpty(line, campaign, date)) {
				this.out.println(date + ": no inbox folder, nothing uploaded; skipped (--allow-empty runs such dates)");
				continue;
			}
			Outcome outcome = this.launcher.run(campaign.id(), date, folders(line));
			if (outcome.alreadyDone()) {
				this.out.println(date + ": already done (execution " + outcome.execution().getId() + "), skipped");
				continue;
			}
			if (outcome.execution().getStatus() == BatchStatus.STOPPED) {
				this.err.println("error: backfill was stopped at " + date + "; backfill again (or 'restart "
						+ outcome.execution().getId() + "') to continue");
				return OperatorConsole.FAILED;
			}
			if (!outcome.succeeded()) {
				this.err.println("error: backfill stopped at " + date + ": " + Failures.reason(outcome.execution())
						+ "; fix the cause, 'restart " + outcome.execution().getId() + "', then backfill again");
				return OperatorConsole.FAILED;
			}
			this.out.println(date + ": done (execution " + outcome.execution().getId() + ")");
		}
		return OperatorConsole.OK;
	}

	private int benchmark(CommandLine line) {
		Benchmark.Settings settings = new Benchmark.Settings(line.number("rows", Preflight.BENCHMARK_ROWS),
				line.number("townships", Preflight.BENCHMARK_TOWNSHIPS), line.number("nights", 1),
				line.options().getOrDefault("through", "report"), line.folder("jobs", Preflight.DEFAULT_JOBS),
				line.option("campaign"));
		return this.benchmark.run(settings, this.out) ? OperatorConsole.OK : OperatorConsole.FAILED;
	}

	/**
	 * Installs the trigger, then waits until the process is asked to stop (SIGTERM,
	 * Ctrl-C).
	 */
	private int schedule(CommandLine line) {
		Path jobs = line.folder("jobs", Preflight.DEFAULT_JOBS);
		NightlySchedule schedule = NightlySchedule.load(jobs);
		Path inbox = line.option("inbox") != null ? Path.of(line.option("inbox")) : schedule.inbox();
		try {
			Date next = this.trigger.install(schedule, inbox, jobs, line.folder("reports", Preflight.DEFAULT_REPORTS));
			this.out.println("Scheduler running: '" + schedule.cron() + "' " + schedule.zone() + ", inbox " + inbox
					+ "; next run " + next + ". Stop with SIGTERM (Ctrl-C).");
		}
		catch (SchedulerException ex) {
			throw new LaunchException("cannot install the nightly trigger: " + ex.getMessage());
		}
		try {
			this.stopRequested.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return OperatorConsole.OK;
	}

	/**
	 * Lets a waiting {@code schedule} return, so that the context closes and Quartz shuts
	 * down.
	 */
	void shutDown() {
		this.stopRequested.countDown();
	}

	private int abandon(CommandLine line) {
		JobExecution execution = this.launcher.abandon(line.executionId());
		RunParameters run = RunParameters.of(execution);
		String date = this.runs.completed(run.campaignId(), run.date())
			.map((done) -> "its date " + run.date() + " was done by execution " + done.getId())
			.orElse("its date " + run.date() + " can run again with 'run'");
		this.out.println("execution " + execution.getId() + " is " + execution.getStatus() + "; " + date);
		return OperatorConsole.OK;
	}

	/** Prints the result of a run, rerun or restart and turns it into the exit status. */
	private int finish(Outcome outcome, String what) {
		JobExecution execution = outcome.execution();
		RunParameters run = RunParameters.of(execution);
		if (outcome.alreadyDone()) {
			this.out.println(run.date() + " of campaign " + run.campaignId() + " is already done (execution "
					+ execution.getId() + "); nothing changed. Use 'rerun --date " + run.date() + "' to recompute it.");
			this.out.println();
		}
		else if (execution.getStatus() == BatchStatus.STOPPED) {
			String step = Failures.failedStep(execution).map((s) -> " at step " + s.getStepName()).orElse("");
			this.err.println("error: " + what + " was stopped" + step + "; 'restart " + execution.getId()
					+ "' (or 'run' again) continues it");
			return OperatorConsole.FAILED;
		}
		else if (!outcome.succeeded()) {
			String step = Failures.failedStep(execution).map((s) -> " at step " + s.getStepName()).orElse("");
			this.err.println("error: " + what + " failed" + step + ": " + Failures.reason(execution)
					+ "; after fixing the cause, run 'restart " + execution.getId() + "'");
			return OperatorConsole.FAILED;
		}
		Path bulletin = ReportTasklet.bulletinFile(run.reportFolder());
		try {
			this.out.println(Files.readString(bulletin, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			this.err.println("warning: cannot read " + bulletin + ": " + ex.getMessage());
		}
		if (!outcome.alreadyDone()) {
			List<String> missing = this.status.missingUploads(run.date());
			this.out.println("Execution " + execution.getId() + " completed. Reports: " + run.reportFolder());
			this.out.println(missing.isEmpty() ? "Every township uploaded a readable ledger for " + run.date() + "."
					: "No readable upload for " + run.date() + " from: " + String.join("、", missing));
		}
		return OperatorConsole.OK;
	}

	private static CampaignCatalog campaigns(CommandLine line) {
		return CampaignCatalog.load(line.folder("jobs", Preflight.DEFAULT_JOBS));
	}

	private static Folders folders(CommandLine line) {
		return new Folders(line.folder("inbox", "inbox"), line.folder("jobs", Preflight.DEFAULT_JOBS),
				line.folder("reports", Preflight.DEFAULT_REPORTS));
	}

}
