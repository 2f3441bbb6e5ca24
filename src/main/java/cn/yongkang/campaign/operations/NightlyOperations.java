package cn.yongkang.campaign.operations;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Service;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.pipeline.LaunchException;
import cn.yongkang.campaign.pipeline.NightlyRuns;
import cn.yongkang.campaign.pipeline.PipelineLauncher;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Folders;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Outcome;
import cn.yongkang.campaign.pipeline.RunningExecutions;
import cn.yongkang.campaign.support.RunParameters;

/**
 * The operations an operator asks for, wherever the request comes from (command line,
 * console): each goes through the one launcher the schedule uses too, and each answers
 * with records, never with printed text.
 */
@Service
public class NightlyOperations {

	/**
	 * The stage a rerun starts at unless told otherwise: figures after a registry fix.
	 */
	public static final String DEFAULT_RERUN_STEP = "statistics";

	private final PipelineLauncher launcher;

	private final NightlyRuns runs;

	private final RunningExecutions running;

	private final NightQueries nights;

	private final BackgroundLaunches background;

	NightlyOperations(PipelineLauncher launcher, NightlyRuns runs, RunningExecutions running, NightQueries nights,
			BackgroundLaunches background) {
		this.launcher = launcher;
		this.runs = runs;
		this.running = running;
		this.nights = nights;
		this.background = background;
	}

	public static List<String> stages() {
		return PipelineLauncher.stages();
	}

	/**
	 * Runs a date for the named campaign, or the one whose period holds it (null).
	 */
	public RunOutcome run(String campaignId, LocalDate date, Folders folders) {
		Campaign campaign = CampaignCatalog.load(folders.jobs()).choose(campaignId, date);
		return outcome(this.launcher.run(campaign.id(), date, folders));
	}

	/**
	 * Recomputes a finished date from a stage on. Without a campaign named, the rerun is
	 * for the campaign the date was done for, even one chosen by name outside its period.
	 */
	public RunOutcome rerun(String campaignId, LocalDate date, String fromStep, Folders folders) {
		return outcome(this.launcher.rerun(rerunCampaign(campaignId, date, folders.jobs()), date,
				fromStep == null ? DEFAULT_RERUN_STEP : fromStep, folders));
	}

	/** Which campaign a rerun of the date uses. */
	public String rerunCampaign(String campaignId, LocalDate date, Path jobs) {
		List<String> done = this.runs.campaignsDone(date);
		if (campaignId != null || done.isEmpty()) {
			return CampaignCatalog.load(jobs).choose(campaignId, date).id();
		}
		if (done.size() == 1) {
			return done.get(0);
		}
		throw new LaunchException(
				date + " was done for campaigns " + String.join(", ", done) + "; name one with --campaign ID");
	}

	public RunOutcome restart(long executionId) {
		return outcome(this.launcher.restart(executionId));
	}

	/** Marks an execution ABANDONED; the record says whether its date was done since. */
	public RunRecord abandon(long executionId) {
		return record(this.launcher.abandon(executionId));
	}

	/**
	 * Asks an execution this process runs to stop after the file in hand; it ends STOPPED
	 * and can be restarted.
	 */
	public RunRecord stop(long executionId) {
		RunRecord run = find(executionId)
			.orElseThrow(() -> new LaunchException("no execution " + executionId + "; 'status' lists them"));
		if (!this.running.stop(executionId)) {
			throw new LaunchException("execution " + executionId + " is " + run.status()
					+ " and not running in this process; only the process that runs it can stop it (SIGTERM)");
		}
		return run;
	}

	/**
	 * Runs each date in order, skipping dates already done, and stops at the first that
	 * does not complete; {@code each} hears of every date as it ends.
	 * @return the outcome of every date tried, the last one the failure if there was one
	 */
	public List<RunOutcome> backfill(String campaignId, LocalDate from, LocalDate to, Folders folders,
			Consumer<RunOutcome> each) {
		CampaignCatalog campaigns = CampaignCatalog.load(folders.jobs());
		List<RunOutcome> outcomes = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			Campaign campaign = campaigns.choose(campaignId, date);
			RunOutcome outcome = outcome(this.launcher.run(campaign.id(), date, folders));
			outcomes.add(outcome);
			each.accept(outcome);
			if (!outcome.succeeded()) {
				break;
			}
		}
		return outcomes;
	}

	/** {@link #run} in the background: returns as soon as the execution exists. */
	public Submission startRun(String campaignId, LocalDate date, Folders folders) {
		CampaignCatalog.load(folders.jobs()).choose(campaignId, date);
		return this.background.submit("run of " + date, () -> run(campaignId, date, folders));
	}

	/** {@link #rerun} in the background. */
	public Submission startRerun(String campaignId, LocalDate date, String fromStep, Folders folders) {
		return this.background.submit("rerun of " + date, () -> rerun(campaignId, date, fromStep, folders));
	}

	/** {@link #restart} in the background. */
	public Submission startRestart(long executionId) {
		return this.background.submit("restart of " + executionId, () -> restart(executionId));
	}

	public Optional<RunRecord> find(long executionId) {
		return this.runs.find(executionId).map(this::record);
	}

	/** The newest executions of any date. */
	public List<RunRecord> recent(int limit) {
		return this.runs.recent(limit).stream().map(this::record).toList();
	}

	/** Every execution of the date, whatever the campaign, newest first. */
	public List<RunRecord> forDate(LocalDate date) {
		return this.nights.campaignsRun(date)
			.stream()
			.flatMap((campaign) -> this.runs.forDate(campaign, date).stream())
			.sorted(Comparator.comparing(JobExecution::getId).reversed())
			.map(this::record)
			.toList();
	}

	public List<UploadRecord> uploads(LocalDate date) {
		return this.nights.uploads(date);
	}

	/** Registered townships without a readable upload that night. */
	public List<TownshipRecord> missingUploads(LocalDate date) {
		return this.nights.missing(date);
	}

	public List<TownshipRecord> townships() {
		return this.nights.townships();
	}

	/** The nights from {@code from} to {@code to}, newest first. */
	public List<NightRecord> nights(LocalDate from, LocalDate to) {
		int townships = this.nights.townships().size();
		List<NightRecord> result = new ArrayList<>();
		for (LocalDate date = to; !date.isBefore(from); date = date.minusDays(1)) {
			List<RunRecord> executions = forDate(date);
			List<UploadRecord> uploads = uploads(date);
			List<TownshipRecord> missing = uploads.isEmpty() && executions.isEmpty() ? List.of() : missingUploads(date);
			RunRecord latest = executions.isEmpty() ? null : executions.get(0);
			result.add(new NightRecord(date, state(executions), latest, townships - missing.size(), townships,
					uploads.stream().mapToInt((u) -> u.rowsRejected() == null ? 0 : u.rowsRejected()).sum(),
					(int) uploads.stream().filter((u) -> u.status().equals("QUARANTINED")).count(),
					missing.stream().map(TownshipRecord::name).toList()));
		}
		return result;
	}

	/** The newest date any execution was for, if any ran. */
	public Optional<LocalDate> latestRunDate() {
		return Optional.ofNullable(this.nights.latestRunDate());
	}

	private static String state(List<RunRecord> executions) {
		if (executions.isEmpty()) {
			return "NOT_RUN";
		}
		if (executions.stream().anyMatch(RunRecord::runningHere)) {
			return "RUNNING";
		}
		if (executions.stream().anyMatch(RunRecord::completed)) {
			return "COMPLETED";
		}
		RunRecord latest = executions.get(0);
		if (latest.markedRunning()) {
			return "RUNNING";
		}
		return latest.stopped() ? "STOPPED" : latest.status().equals("ABANDONED") ? "ABANDONED" : "FAILED";
	}

	private RunOutcome outcome(Outcome outcome) {
		return new RunOutcome(record(outcome.execution()), outcome.alreadyDone());
	}

	private RunRecord record(JobExecution execution) {
		Long doneSince = this.runs.doneSince(execution).map(JobExecution::getId).orElse(null);
		return RunRecord.of(execution, doneSince, this.running.isRunningHere(execution.getId()));
	}

	/** The report folder a completed run of the date wrote to, if one did. */
	public Optional<Path> reportFolder(String campaignId, LocalDate date) {
		return this.runs.completed(campaignId, date).map((execution) -> RunParameters.of(execution).reportFolder());
	}

}
