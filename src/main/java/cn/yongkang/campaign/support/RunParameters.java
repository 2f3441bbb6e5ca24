package cn.yongkang.campaign.support;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * The parameters of one nightly job execution, as every stage reads them. The date and the
 * campaign identify the job instance; a rerun adds its own identifying sequence number.
 *
 * @param fromStep the first stage to run; earlier stages are skipped (a rerun), null runs all
 */
public record RunParameters(LocalDate date, String campaignId, Path inbox, Path jobs, Path reports, String fromStep,
		long jobExecutionId) {

	public static final String DATE = "date";

	public static final String CAMPAIGN = "campaign";

	public static final String INBOX = "inbox";

	public static final String JOBS = "jobs";

	public static final String REPORTS = "reports";

	public static final String FROM_STEP = "fromStep";

	public static final String RERUN = "rerun";

	public static RunParameters of(StepExecution stepExecution) {
		JobParameters parameters = stepExecution.getJobParameters();
		return new RunParameters(parameters.getLocalDate(DATE), parameters.getString(CAMPAIGN),
				Path.of(parameters.getString(INBOX)), Path.of(parameters.getString(JOBS)),
				Path.of(parameters.getString(REPORTS)), parameters.getString(FROM_STEP),
				stepExecution.getJobExecutionId());
	}

	/** The folder of this night's uploads: {@code INBOX/<date>/}. */
	public Path inboxForDate() {
		return this.inbox.resolve(this.date.toString());
	}

	/** Where this run's reports go: {@code reports/<campaign>/<date>/}. */
	public Path reportFolder() {
		return this.reports.resolve(this.campaignId).resolve(this.date.toString());
	}

}
