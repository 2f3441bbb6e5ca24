package cn.yongkang.campaign.operator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import cn.yongkang.campaign.benchmark.Benchmark;
import cn.yongkang.campaign.operations.Failures;
import cn.yongkang.campaign.pipeline.RunningExecutions;

/**
 * Parses the command line, checks what can be checked without a database, then starts
 * Spring and runs the command. Every failure ends in one line on stderr and a non-zero
 * exit status.
 */
public final class OperatorConsole {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final String JOBS = "--jobs DIR        job definitions (default ./jobs)";

	private static final Map<String, String> HELP = Map.ofEntries(
			Map.entry("run",
					"""
							run --inbox DIR --date yyyy-MM-dd [--campaign ID] [--allow-empty] [--jobs DIR] [--reports DIR] [--threads N]
							  Runs the nightly job for that date now: ingest INBOX/<date>/<township>/ files, validate,
							  dedupe, statistics, ranking snapshot, report. A date already done is reported and left
							  unchanged; a failed date goes on from its failed step.
							  --campaign ID     campaign to use (default: the one whose period holds the date)
							  --allow-empty     run a date without an inbox folder (refused otherwise: a mistyped date?)
							  %s
							  --reports DIR     where reports go (default ./reports)
							  --threads N       files read and validated at once (default: one per core)"""
						.formatted(JOBS)),
			Map.entry("status", """
					status [--date yyyy-MM-dd] [--limit N] [--jobs DIR]
					  Recent executions with each step's status, counts and failure reason; with --date, that
					  night's executions and which townships uploaded what."""), Map.entry("restart", """
					restart <executionId> [--jobs DIR]
					  Continues a failed execution from its failed step (an execution left STARTED by a killed
					  process is marked FAILED first)."""), Map.entry("rerun", """
					rerun --date yyyy-MM-dd [--from-step STEP] [--campaign ID] [--jobs DIR] [--reports DIR]
					  Recomputes a finished date from STEP on (default statistics; steps: ingest, validate,
					  dedupe, statistics, ranking, report); the result replaces that date's snapshot."""),
			Map.entry("backfill",
					"""
							backfill --inbox DIR --from yyyy-MM-dd --to yyyy-MM-dd [--campaign ID] [--allow-empty] [--jobs DIR] [--reports DIR]
							  Runs each date in order, skipping dates already done and (without --allow-empty) dates
							  without an inbox folder; stops at the first failure."""),
			Map.entry("abandon", """
					abandon <executionId> [--jobs DIR]
					  Marks an execution that died (or failed) ABANDONED, so that its date can run afresh."""),
			Map.entry("schedule", """
					schedule [--inbox DIR] [--jobs DIR] [--reports DIR]
					  Runs as a daemon: Quartz fires the nightly job on the cron and time zone of
					  jobs/schedule.yml, for the previous day's inbox."""), Map.entry("serve", """
					serve [--port 8080] [--inbox DIR] [--no-schedule] [--jobs DIR] [--reports DIR]
					  Runs the web console (accounts from 'user add') and, unless --no-schedule, the same
					  nightly schedule as 'schedule', in one daemon. --port 0 picks a free port."""),
			Map.entry("user", """
					user add LOGIN --role operator|office|township [--township NAME] [--jobs DIR]
					user list
					user disable LOGIN
					  Console accounts. 'add' reads the password (at least 10 characters) from stdin; a
					  township account names its township (registered name, code or alias)."""),
			Map.entry("benchmark",
					"""
							benchmark [--rows N] [--townships K] [--nights 1|2|3] [--through STEP] [--threads N] [--campaign ID] [--jobs DIR]
							  Generates a night of messy .xlsx uploads, N rows (default 1000000) over K townships
							  (default 16), under data/benchmark/, runs the job on it through STEP (default report)
							  and prints per step its seconds, rows per second and peak heap; then the limit (the
							  same files read by fastexcel-reader into one COPY on one thread) and the ratio. With
							  --nights 2 every township re-sends its ledger the next night; with --nights 3 every
							  ledger comes back updated the night after (a tenth of the open hazards rectified,
							  one row in a hundred new). Without a configured
							  database it uses a scratch H2 under data/benchmark/; a configured one must hold no
							  uploads yet."""),
			Map.entry("check", """
					check FILE --township NAME [--date yyyy-MM-dd] [--out FILE] [--jobs DIR]
					  The night's reading and row rules on one file, now, storing nothing: prints rows read,
					  accepted, rejected and blank, every rejected row with its reasons, the warnings or the
					  reason the file is unreadable, and writes the 退回清单 (default
					  ./<township>-<date>-退回清单.xlsx). --date is the upload date (default today).
					  Exit status 0 when no row is rejected, 1 otherwise."""), Map.entry("template", """
					template --township NAME [--out FILE] [--campaign ID] [--jobs DIR]
					  Writes a ledger workbook for that township (default ./<township>-隐患排查整治台账模板.xlsx):
					  the header row, a 填报说明 sheet, dropdowns of its villages and communities, the
					  categories and status words, date cells limited to the campaign and today."""));

	private static final List<String> ORDER = List.of("run", "status", "restart", "rerun", "backfill", "abandon",
			"schedule", "serve", "user", "benchmark", "check", "template");

	/**
	 * The commands that keep running: the only ones that need the scheduler, metrics and
	 * pages.
	 */
	private static final Set<String> DAEMONS = Set.of("schedule", "serve");

	private OperatorConsole() {
	}

	public static int launch(Class<?> application, String[] args) {
		CommandLine line;
		try {
			line = CommandLine.parse(args);
			if (line.command() == null) {
				if (line.help()) {
					System.out.println(usage());
					return OK;
				}
				System.err.println(usage());
				System.err.println("error: no command given");
				return USAGE;
			}
			if (!HELP.containsKey(line.command())) {
				throw new UsageException(
						"unknown command '" + line.command() + "'; commands: " + String.join(", ", ORDER));
			}
			if (line.help()) {
				System.out.println("usage: java -jar campaign-pipeline.jar " + HELP.get(line.command()));
				return OK;
			}
			if (SelfServiceCommands.COMMANDS.contains(line.command())) {
				SelfServiceCommands.preflight(line);
				return SelfServiceCommands.execute(line, SelfServiceCommands.stdout());
			}
			Preflight.check(line);
		}
		catch (UsageException ex) {
			System.err.println("error: " + ex.getMessage());
			return USAGE;
		}
		catch (RuntimeException ex) {
			System.err.println("error: " + ex.getMessage());
			return FAILED;
		}
		CountDownLatch finished = new CountDownLatch(1);
		ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
		// Our own shutdown hook instead of Spring's: on SIGTERM, running executions stop
		// after the
		// file in hand (ending STOPPED, restartable) before the database connections
		// close.
		Thread hook = new Thread(() -> {
			ConfigurableApplicationContext context = started[0];
			if (context != null && context.isActive()) {
				context.getBean(RunningExecutions.class).stopAll(Duration.ofMinutes(2));
				context.getBean(OperatorCommands.class).shutDown();
			}
			awaitQuietly(finished);
		}, "graceful-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(line.command().equals("serve") ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.run(springArguments(line))) {
			started[0] = context;
			return context.getBean(OperatorCommands.class).execute(line);
		}
		catch (RuntimeException ex) {
			System.err.println("error: " + Failures.oneLine(ex));
			return FAILED;
		}
		finally {
			finished.countDown();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(3, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * {@code --spring.x=y} options pass through to Spring as command line properties
	 * (above application.properties), e.g. {@code --spring.datasource.url=...}.
	 */
	private static String[] springArguments(CommandLine line) {
		List<String> arguments = new java.util.ArrayList<>();
		line.options().forEach((name, value) -> {
			if (name.startsWith("spring.")) {
				arguments.add("--" + name + "=" + value);
			}
		});
		if (line.option("threads") != null) {
			arguments.add("--campaign.threads=" + line.option("threads"));
		}
		if (!DAEMONS.contains(line.command())) {
			arguments.add("--" + LeanContext.PROPERTY + "=true");
		}
		if (line.command().equals("schedule")) {
			arguments.add("--spring.quartz.auto-startup=true");
		}
		if (line.command().equals("serve")) {
			// Only serve starts a web server; every other command stays without one.
			arguments.add("--spring.main.web-application-type=servlet");
			arguments.add("--server.port=" + line.option("port", "8080"));
			arguments.add("--spring.quartz.auto-startup=" + !line.flag("no-schedule"));
			arguments.add("--campaign.console.jobs=" + line.folder("jobs", Preflight.DEFAULT_JOBS).toAbsolutePath());
			arguments.add(
					"--campaign.console.reports=" + line.folder("reports", Preflight.DEFAULT_REPORTS).toAbsolutePath());
			if (line.option("inbox") != null) {
				arguments.add("--campaign.console.inbox=" + Path.of(line.option("inbox")).toAbsolutePath());
			}
		}
		if (line.command().equals("benchmark")) {
			// Its own embedded H2, emptied first: generated rows never land in the
			// operators' one (a configured SPRING_DATASOURCE_URL still wins).
			FileSystemUtils.deleteRecursively(Benchmark.WORK.resolve("db").toFile());
			arguments
				.add("--campaign.h2-file=./" + Benchmark.WORK.resolve("db/campaign").toString().replace('\\', '/'));
		}
		return arguments.toArray(String[]::new);
	}

	static Set<String> commands() {
		return HELP.keySet();
	}

	static String usage() {
		StringBuilder usage = new StringBuilder(
				"usage: java -jar campaign-pipeline.jar <command> [options]\n\ncommands:\n");
		for (String command : ORDER) {
			usage.append("  ").append(HELP.get(command).lines().findFirst().orElse(command)).append('\n');
		}
		usage.append("\n'<command> --help' explains one. The database comes from SPRING_DATASOURCE_URL,")
			.append(" _USERNAME, _PASSWORD;\nwithout them an embedded H2 database under ./data/ is used.");
		return usage.toString();
	}

}
