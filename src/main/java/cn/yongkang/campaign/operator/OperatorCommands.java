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
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.account.AccountException;

import cn.yongkang.campaign.benchmark.Benchmark;
import cn.yongkang.campaign.operations.NightlyOperations;
import cn.yongkang.campaign.operations.RunOutcome;
import cn.yongkang.campaign.operations.RunRecord;
import cn.yongkang.campaign.operations.TownshipRecord;
import cn.yongkang.campaign.pipeline.LaunchException;
import cn.yongkang.campaign.pipeline.NightlyRuns;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Folders;
import cn.yongkang.campaign.report.ReportTasklet;
import cn.yongkang.campaign.schedule.NightlySchedule;
import cn.yongkang.campaign.schedule.NightlyTrigger;
import cn.yongkang.campaign.support.RunParameters;

/** Carries out one parsed command with the application's beans. */
@Component
class OperatorCommands {

	private final NightlyOperations operations;

	private final StatusReport status;

	private final NightlyTrigger trigger;

	private final Benchmark benchmark;

	private final UserCommands users;

	private final Environment environment;

	private final CountDownLatch stopRequested = new CountDownLatch(1);

	private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);

	OperatorCommands(NightlyOperations operations, StatusReport status, NightlyTrigger trigger, Benchmark benchmark,
			UserCommands users, Environment environment) {
		this.operations = operations;
		this.status = status;
		this.trigger = trigger;
		this.benchmark = benchmark;
		this.users = users;
		this.environment = environment;
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
				case "serve" -> serve(line);
				case "user" -> this.users.execute(line, this.out);
				case "benchmark" -> benchmark(line);
				default -> throw new UsageException("unknown command '" + line.command() + "'");
			};
		}
		catch (LaunchException | AccountException ex) {
			this.err.println("error: " + ex.getMessage());
			return OperatorConsole.FAILED;
		}
	}

	private int run(CommandLine line) {
		LocalDate date = line.date("date", true);
		if (!line.flag("allow-empty")
				&& this.operations.nothingUploaded(line.option("campaign"), date, folders(line))) {
			throw new LaunchException(
					"no inbox folder " + folders(line).inbox().resolve(date.toString()).toAbsolutePath().normalize()
							+ " for " + date + ": nobody uploaded anything (is the date right?), so nothing was run."
							+ " To publish the date without uploads (every unit named as missing), add --allow-empty");
		}
		return finish(this.operations.run(line.option("campaign"), date, folders(line)), "run of " + date);
	}

	private int rerun(CommandLine line) {
		LocalDate date = line.date("date", true);
		return finish(this.operations.rerun(line.option("campaign"), date, line.option("from-step"), folders(line)),
				"rerun of " + date);
	}

	/**
	 * A restart continues an execution with its own parameters, folders included: say so
	 * when --jobs names another folder.
	 */
	private int restart(CommandLine line) {
		long id = line.executionId();
		if (line.option("jobs") != null) {
			Path jobs = line.folder("jobs", Preflight.DEFAULT_JOBS).toAbsolutePath().normalize();
			this.operations.find(id)
				.map((run) -> Path.of(run.parameters().get(RunParameters.JOBS)))
				.filter((own) -> !own.equals(jobs))
				.ifPresent((own) -> this.err
					.println("note: a restart continues execution " + id + " with its own jobs folder " + own
							+ ", not --jobs; to use " + jobs + ", 'abandon " + id + "' then 'run' with --jobs"));
		}
		return finish(this.operations.restart(id), "restart of " + id);
	}

	private int backfill(CommandLine line) {
		List<RunOutcome> outcomes = this.operations.backfill(line.option("campaign"), line.date("from", true),
				line.date("to", true), folders(line), line.flag("allow-empty"),
				(date) -> this.out
					.println(date + ": no inbox folder, nothing uploaded; skipped (--allow-empty runs such dates)"),
				(outcome) -> {
					RunRecord run = outcome.run();
					if (outcome.alreadyDone()) {
						this.out.println(run.date() + ": already done (execution " + run.id() + "), skipped");
					}
					else if (outcome.succeeded()) {
						this.out.println(run.date() + ": done (execution " + run.id() + ")");
					}
				});
		RunOutcome last = outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
		if (last == null || last.succeeded()) {
			return OperatorConsole.OK;
		}
		return backfillFailed(last.run());
	}

	private int backfillFailed(RunRecord run) {
		if (run.stopped()) {
			this.err.println("error: backfill was stopped at " + run.date() + "; backfill again (or 'restart "
					+ run.id() + "') to continue");
		}
		else {
			this.err.println("error: backfill stopped at " + run.date() + ": " + run.reason()
					+ "; fix the cause, 'restart " + run.id() + "', then backfill again");
		}
		return OperatorConsole.FAILED;
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
		installTrigger(line);
		awaitStop();
		return OperatorConsole.OK;
	}

	/** The console and, unless --no-schedule, the schedule, until asked to stop. */
	private int serve(CommandLine line) {
		if (!line.flag("no-schedule")) {
			installTrigger(line);
		}
		this.out.println("Console running at http://localhost:" + this.environment.getProperty("local.server.port")
				+ "/ (accounts: 'user add'). Stop with SIGTERM (Ctrl-C).");
		awaitStop();
		return OperatorConsole.OK;
	}

	private void installTrigger(CommandLine line) {
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
	}

	private void awaitStop() {
		try {
			this.stopRequested.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Lets a waiting {@code schedule} return, so that the context closes and Quartz shuts
	 * down.
	 */
	void shutDown() {
		this.stopRequested.countDown();
	}

	private int abandon(CommandLine line) {
		RunRecord run = this.operations.abandon(line.executionId());
		String date = run.doneSinceBy() != null
				? "its date " + run.date() + " was done by execution " + run.doneSinceBy()
				: "its date " + run.date() + " can run again with 'run'";
		this.out.println("execution " + run.id() + " is " + run.status() + "; " + date);
		return OperatorConsole.OK;
	}

	/** Prints the result of a run, rerun or restart and turns it into the exit status. */
	private int finish(RunOutcome outcome, String what) {
		RunRecord run = outcome.run();
		if (outcome.alreadyDone()) {
			this.out.println(run.date() + " of campaign " + run.campaignId() + " is already done (execution " + run.id()
					+ "); nothing changed. Use 'rerun --date " + run.date() + "' to recompute it.");
			this.out.println();
		}
		else if (run.stopped()) {
			String step = run.failedStep() == null ? "" : " at step " + run.failedStep();
			this.err.println("error: " + what + " was stopped" + step + "; 'restart " + run.id()
					+ "' (or 'run' again) continues it");
			return OperatorConsole.FAILED;
		}
		else if (!outcome.succeeded()) {
			String step = run.failedStep() == null ? "" : " at step " + run.failedStep();
			this.err.println("error: " + what + " failed" + step + ": " + run.reason()
					+ "; after fixing the cause, run 'restart " + run.id() + "'");
			return OperatorConsole.FAILED;
		}
		Path reportFolder = run.reportFolder();
		Path bulletin = ReportTasklet.bulletinFile(reportFolder);
		try {
			this.out.println(Files.readString(bulletin, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			this.err.println("warning: cannot read " + bulletin + ": " + ex.getMessage());
		}
		if (!outcome.alreadyDone()) {
			List<String> missing = this.operations.missingUploads(run.date())
				.stream()
				.map(TownshipRecord::name)
				.toList();
			this.out.println("Execution " + run.id() + " completed. Reports: " + reportFolder);
			this.out.println(missing.isEmpty() ? "Every township uploaded a readable ledger for " + run.date() + "."
					: "No readable upload for " + run.date() + " from: " + String.join("、", missing));
		}
		return OperatorConsole.OK;
	}

	private static Folders folders(CommandLine line) {
		return new Folders(line.folder("inbox", "inbox"), line.folder("jobs", Preflight.DEFAULT_JOBS),
				line.folder("reports", Preflight.DEFAULT_REPORTS));
	}

}
