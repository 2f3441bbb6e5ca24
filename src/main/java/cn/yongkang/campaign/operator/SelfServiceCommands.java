package cn.yongkang.campaign.operator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.selfservice.CheckReport;
import cn.yongkang.campaign.selfservice.LedgerCheck;
import cn.yongkang.campaign.selfservice.LedgerTemplate;
import cn.yongkang.campaign.validate.FeedbackWorkbook;
import cn.yongkang.campaign.validate.Problem;
import cn.yongkang.campaign.validate.RowOutcome;

/**
 * {@code check} and {@code template}: they need the jobs folder and the file, never the
 * database, so they run without starting the application (a clerk's desktop has no
 * database, and a check must store nothing).
 */
final class SelfServiceCommands {

	static final Set<String> COMMANDS = Set.of("check", "template");

	/** Upload dates are the office's calendar days. */
	static final ZoneId ZONE = LedgerCheck.ZONE;

	private SelfServiceCommands() {
	}

	static void preflight(CommandLine line) {
		if (line.command().equals("check")) {
			line.allowOnly(Set.of("township", "date", "out", "jobs"), 1);
			Path file = Path.of(line.arguments().get(0));
			if (!Files.isRegularFile(file)) {
				throw new UsageException("file not found: " + file.toAbsolutePath().normalize());
			}
			line.date("date", false);
		}
		else {
			line.allowOnly(Set.of("township", "out", "campaign", "jobs"), 0);
		}
		township(line, registry(line));
	}

	static int execute(CommandLine line, PrintStream out) {
		return line.command().equals("check") ? check(line, out) : template(line, out);
	}

	private static int check(CommandLine line, PrintStream out) {
		Registry registry = registry(line);
		Township township = township(line, registry);
		LocalDate date = line.date("date", false) != null ? line.date("date", false) : LocalDate.now(ZONE);
		Path file = Path.of(line.arguments().get(0));
		String fileName = file.getFileName().toString();
		LedgerCheck check = new LedgerCheck();
		CheckReport report = check.check(file, registry, township, date);
		Path feedback = Path.of(line.options().getOrDefault("out", FeedbackWorkbook.fileName(township.name(), date)));
		check.writeFeedback(report, fileName, feedback);
		print(report, fileName, out);
		out.println("feedback workbook: " + feedback.toAbsolutePath().normalize());
		return report.clean() ? OperatorConsole.OK : OperatorConsole.FAILED;
	}

	static void print(CheckReport report, String fileName, PrintStream out) {
		out.println(report.township().name() + " " + report.date() + ": " + fileName);
		if (!report.readable()) {
			out.println("QUARANTINED: " + report.quarantineReason());
			return;
		}
		out.println(
				"  " + report.format() + ", sheet '" + report.sheetName() + "', header at row " + report.headerRow());
		out.println("  rows " + report.rowsRead() + " = accepted " + report.rowsAccepted() + " + rejected "
				+ report.rowsRejected() + " + blank " + report.rowsBlank() + ", warnings " + report.warned().size());
		if (!report.rejected().isEmpty()) {
			out.println("rejected rows:");
			for (RowOutcome row : report.rejected()) {
				out.println("  row " + row.rowNumber() + ": " + row.reasons() + suggestions(row.problems()));
			}
		}
		if (!report.warned().isEmpty()) {
			out.println("warnings (rows accepted):");
			for (RowOutcome row : report.warned()) {
				out.println("  row " + row.rowNumber() + ": " + String.join("；", row.warnings()));
			}
		}
	}

	private static String suggestions(List<Problem> problems) {
		List<String> texts = problems.stream().map(Problem::suggestion).filter((s) -> s != null).toList();
		return texts.isEmpty() ? "" : " (" + String.join("；", texts) + ")";
	}

	private static int template(CommandLine line, PrintStream out) {
		Path jobs = line.folder("jobs", Preflight.DEFAULT_JOBS);
		Registry registry = registry(line);
		Township township = township(line, registry);
		Campaign campaign;
		try {
			campaign = LedgerTemplate.campaign(CampaignCatalog.load(jobs), line.option("campaign"),
					LocalDate.now(ZONE));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		Path target = Path.of(line.options().getOrDefault("out", LedgerTemplate.fileName(township)));
		try {
			LedgerTemplate.write(registry, township, campaign, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
		out.println("template for " + township.name() + " (campaign " + campaign.id() + ", " + campaign.start() + " to "
				+ campaign.end() + "): " + target.toAbsolutePath().normalize());
		return OperatorConsole.OK;
	}

	private static Registry registry(CommandLine line) {
		Path jobs = line.folder("jobs", Preflight.DEFAULT_JOBS);
		if (!Files.isDirectory(jobs)) {
			throw new UsageException("jobs folder not found: " + jobs.toAbsolutePath().normalize()
					+ " (run from the project folder or give --jobs DIR)");
		}
		return Registry.load(jobs);
	}

	private static Township township(CommandLine line, Registry registry) {
		String name = line.required("township", "NAME (registered name, code or alias, e.g. 东城街道)");
		return registry.township(name)
			.orElseThrow(() -> new UsageException("'" + name + "' is not a registered township (name, code or alias in"
					+ " jobs/regions/townships.csv)"));
	}

	static PrintStream stdout() {
		return new PrintStream(System.out, true, StandardCharsets.UTF_8);
	}

}
