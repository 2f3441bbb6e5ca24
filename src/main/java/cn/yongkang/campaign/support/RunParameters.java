package cn.yongkang.campaign.support;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * The parameters of one nightly job execution, as every stage reads them. The date, the
 * campaign and the attempt number identify the job instance.
 *
 * @param fromStep the first stage to run; earlier stages are skipped (a rerun), null runs
 * all
 * @param toStep the last stage to run; later stages are skipped, null runs all
 */
public record RunParameters(LocalDate date, String campaignId, Path inbox, Path jobs, Path reports, String fromStep,
		String toStep, long jobExecutionId) {

	public static final String DATE = "date";

	public static final String CAMPAIGN = "campaign";

	public static final String INBOX = "inbox";

	public static final String JOBS = "jobs";

	public static final String REPORTS = "reports";

	public static final String FROM_STEP = "fromStep";

	/**
	 * The last stage to run; later ones are skipped (the benchmark stops after validate).
	 */
	public static final String TO_STEP = "toStep";

	/**
	 * Identifying: a new attempt number makes a new job instance (after an abandoned run,
	 * for a rerun).
	 */
	public static final String ATTEMPT = "attempt";

	public static RunParameters of(StepExecution stepExecution) {
		return of(stepExecution.getJobParameters(), stepExecution.getJobExecutionId());
	}

	public static RunParameters of(JobExecution jobExecution) {
		return of(jobExecution.getJobParameters(), jobExecution.getId());
	}

	private static RunParameters of(JobParameters parameters, long jobExecutionId) {
		return new RunParameters(parameters.getLocalDate(DATE), parameters.getString(CAMPAIGN),
				Path.of(parameters.getString(INBOX)), Path.of(parameters.getString(JOBS)),
				Path.of(parameters.getString(REPORTS)), parameters.getString(FROM_STEP), parameters.getString(TO_STEP),
				jobExecutionId);
	}

	/** Whether {@code stage} is the last stage this run runs. */
	public boolean stopsAt(String stage) {
		return stage.equals(this.toStep);
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
