package cn.yongkang.campaign.operator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.pipeline.PipelineLauncher;
import cn.yongkang.campaign.registry.Registry;

/**
 * Checks a command line before any database is touched: options, dates, folders, the
 * campaign and the registry. Mistakes are reported in a second instead of after the
 * application started.
 */
final class Preflight {

	static final String DEFAULT_JOBS = "jobs";

	static final String DEFAULT_REPORTS = "reports";

	static final int BENCHMARK_ROWS = 1_000_000;

	static final int BENCHMARK_TOWNSHIPS = 16;

	private Preflight() {
	}

	static void check(CommandLine line) {
		switch (line.command()) {
			case "run" -> {
				line.allowOnly(Set.of("inbox", "date", "campaign", "jobs", "reports", "allow-empty", "threads"), 0);
				threads(line);
				LocalDate date = line.date("date", true);
				inbox(line);
				jobs(line).choose(line.option("campaign"), date);
			}
			case "rerun" -> {
				line.allowOnly(Set.of("date", "from-step", "campaign", "jobs", "reports", "threads"), 0);
				threads(line);
				line.date("date", true);
				step(line, "from-step");
				// Which campaign: the one the date was done for, known to the database.
				campaignIfGiven(line);
			}
			case "backfill" -> {
				line.allowOnly(Set.of("inbox", "from", "to", "campaign", "jobs", "reports", "allow-empty", "threads"),
						0);
				threads(line);
				LocalDate from = line.date("from", true);
				LocalDate to = line.date("to", true);
				if (to.isBefore(from)) {
					throw new UsageException("--to " + to + " is before --from " + from);
				}
				inbox(line);
				CampaignCatalog campaigns = jobs(line);
				for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
					campaigns.choose(line.option("campaign"), date);
				}
			}
			case "restart", "abandon" -> {
				// --jobs is accepted as everywhere; a restart keeps its execution's
				// folders.
				line.allowOnly(Set.of("jobs", "threads"), 1);
				threads(line);
				line.executionId();
				jobsIfGiven(line);
			}
			case "status" -> {
				line.allowOnly(Set.of("date", "limit", "jobs"), 0);
				line.date("date", false);
				if (line.number("limit", 10) < 1) {
					throw new UsageException("--limit must be at least 1");
				}
				jobsIfGiven(line);
			}
			case "benchmark" -> {
				line.allowOnly(Set.of("rows", "townships", "nights", "through", "campaign", "jobs", "threads"), 0);
				if (line.number("rows", BENCHMARK_ROWS) < 1) {
					throw new UsageException("--rows must be at least 1");
				}
				if (line.number("townships", BENCHMARK_TOWNSHIPS) < 1) {
					throw new UsageException("--townships must be at least 1");
				}
				if (line.number("nights", 1) < 1 || line.number("nights", 1) > 3) {
					throw new UsageException("--nights must be 1, 2 or 3");
				}
				threads(line);
				step(line, "through");
				campaignIfGiven(line);
			}
			case "schedule" -> {
				line.allowOnly(Set.of("inbox", "jobs", "reports", "threads"), 0);
				threads(line);
				jobs(line);
			}
			case "serve" -> {
				line.allowOnly(Set.of("port", "inbox", "no-schedule", "jobs", "reports"), 0);
				int port = line.number("port", 8080);
				if (port < 0 || port > 65535) {
					throw new UsageException("--port must be between 0 and 65535, not " + port);
				}
				jobs(line);
			}
			case "user" -> user(line);
			default -> throw new UsageException("unknown command '" + line.command() + "'");
		}
	}

	private static void user(CommandLine line) {
		String action = line.arguments().isEmpty() ? "" : line.arguments().get(0);
		switch (action) {
			case "add" -> {
				line.allowOnly(Set.of("role", "township", "jobs"), 2);
				String role = line.required("role", "operator|office|township");
				if (!Set.of("operator", "office", "township").contains(role)) {
					throw new UsageException("unknown --role '" + role + "'; roles are operator, office, township");
				}
				if (role.equals("township") != (line.option("township") != null)) {
					throw new UsageException(role.equals("township") ? "a township account needs --township NAME"
							: "only a township account takes --township");
				}
				if (line.option("township") != null) {
					township(line);
				}
			}
			case "list" -> line.allowOnly(Set.of("jobs"), 1);
			case "disable" -> line.allowOnly(Set.of("jobs"), 2);
			default -> throw new UsageException("'user' needs add, list or disable; see 'user --help'");
		}
	}

	/** The registered township a {@code --township} names (name, code or alias). */
	static String township(CommandLine line) {
		Registry registry = Registry.load(line.folder("jobs", DEFAULT_JOBS));
		String name = line.option("township");
		return registry.township(name)
			.or(() -> registry.townshipByCode(name))
			.map((township) -> township.code())
			.orElseThrow(() -> new UsageException("unknown township '" + name + "'; townships are "
					+ String.join("、", registry.townships().stream().map((t) -> t.name()).toList())));
	}

	/** {@code --threads N}: how many files ingest and validate work on at once. */
	private static void threads(CommandLine line) {
		if (line.option("threads") != null && line.number("threads", 1) < 1) {
			throw new UsageException("--threads must be at least 1");
		}
	}

	private static void step(CommandLine line, String option) {
		String step = line.option(option);
		if (step != null && !PipelineLauncher.stages().contains(step)) {
			throw new UsageException("unknown step '" + step + "' for --" + option + "; steps are "
					+ String.join(", ", PipelineLauncher.stages()));
		}
	}

	private static void inbox(CommandLine line) {
		Path inbox = Path.of(line.required("inbox", "DIR (the folder that holds <yyyy-MM-dd>/<township>/ files)"));
		if (!Files.isDirectory(inbox)) {
			throw new UsageException("inbox folder not found: " + inbox.toAbsolutePath().normalize()
					+ " (give --inbox the folder that holds <yyyy-MM-dd>/<township>/ files)");
		}
	}

	/** Loads the jobs folder and checks the --campaign, if one is named. */
	private static void campaignIfGiven(CommandLine line) {
		CampaignCatalog campaigns = jobs(line);
		if (line.option("campaign") != null) {
			campaigns.get(line.option("campaign"));
		}
	}

	private static void jobsIfGiven(CommandLine line) {
		if (line.option("jobs") != null) {
			jobs(line);
		}
	}

	/**
	 * Loads the campaigns and the registry of the jobs folder, so that errors in them
	 * show now.
	 */
	private static CampaignCatalog jobs(CommandLine line) {
		Path jobs = line.folder("jobs", DEFAULT_JOBS);
		if (!Files.isDirectory(jobs)) {
			throw new UsageException("jobs folder not found: " + jobs.toAbsolutePath().normalize()
					+ " (run from the project folder or give --jobs DIR)");
		}
		Registry.load(jobs);
		return CampaignCatalog.load(jobs);
	}

}
