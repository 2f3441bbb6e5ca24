package cn.yongkang.campaign.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.support.RunParameters;

/**
 * Finds the executions of a campaign date in the Batch tables. One date may have several
 * job instances: the first run, a new attempt after an abandoned one, and every rerun.
 */
@Component
public class NightlyRuns {

	private final JdbcTemplate jdbc;

	private final JobRepository repository;

	public NightlyRuns(JdbcTemplate jdbc, JobRepository repository) {
		this.jdbc = jdbc;
		this.repository = repository;
	}

	/**
	 * Whether anyone uploaded anything for the date: a date without an inbox folder is
	 * most often a mistyped date, and its bulletin would name every unit as missing.
	 */
	public static boolean hasInbox(Path inbox, LocalDate date) {
		return Files.isDirectory(inbox.resolve(date.toString()));
	}

	/** Notes a night that was not run because its inbox folder is missing. */
	public void noteEmptyNight(Path inbox, LocalDate date) {
		this.jdbc.update(
				"INSERT INTO inbox_note (inbox_date, township_folder, file_name, note, noted_at)"
						+ " VALUES (?, '', '', ?, ?)",
				date,
				"no inbox folder " + inbox.resolve(date.toString()).toAbsolutePath().normalize()
						+ ": nothing was uploaded, nothing run or published (run it with --allow-empty to publish the date anyway)",
				java.sql.Timestamp.from(java.time.Instant.now()));
	}

	/** Every execution of the date, newest first. */
	public List<JobExecution> forDate(String campaignId, LocalDate date) {
		return this.jdbc.queryForList("""
				SELECT e.job_execution_id FROM batch_job_execution e
				JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
				WHERE i.job_name = ?
				  AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
				              AND p.parameter_name = ? AND p.parameter_value = ?)
				  AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
				              AND p.parameter_name = ? AND p.parameter_value = ?)
				ORDER BY e.job_execution_id DESC""", Long.class, NightlyJobConfiguration.JOB_NAME,
				RunParameters.CAMPAIGN, campaignId, RunParameters.DATE, date.toString())
			.stream()
			.map(this.repository::getJobExecution)
			.toList();
	}

	public Optional<JobExecution> completed(String campaignId, LocalDate date) {
		return forDate(campaignId, date).stream().filter((e) -> e.getStatus() == BatchStatus.COMPLETED).findFirst();
	}

	/** The execution that did the date of this one after it, if a later attempt did. */
	public Optional<JobExecution> doneSince(JobExecution execution) {
		RunParameters run = RunParameters.of(execution);
		return completed(run.campaignId(), run.date()).filter((done) -> done.getId() > execution.getId());
	}

	/** The campaigns for which the date has been done. */
	public List<String> campaignsDone(LocalDate date) {
		return this.jdbc.queryForList("""
				SELECT DISTINCT c.parameter_value FROM batch_job_execution e
				JOIN batch_job_execution_params c ON c.job_execution_id = e.job_execution_id AND c.parameter_name = ?
				JOIN batch_job_execution_params d ON d.job_execution_id = e.job_execution_id AND d.parameter_name = ?
				WHERE e.status = 'COMPLETED' AND d.parameter_value = ? ORDER BY 1""", String.class,
				RunParameters.CAMPAIGN, RunParameters.DATE, date.toString());
	}

	/** The highest attempt number used for the date, 0 when it never ran. */
	public long lastAttempt(String campaignId, LocalDate date) {
		return forDate(campaignId, date).stream()
			.map((e) -> e.getJobParameters().getLong(RunParameters.ATTEMPT))
			.filter((a) -> a != null)
			.mapToLong(Long::longValue)
			.max()
			.orElse(0);
	}

	/** The newest executions of any date, for {@code status}. */
	public List<JobExecution> recent(int limit) {
		return this.jdbc
			.queryForList("SELECT job_execution_id FROM batch_job_execution ORDER BY job_execution_id DESC"
					+ " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", Long.class)
			.stream()
			.map(this.repository::getJobExecution)
			.toList();
	}

	public Optional<JobExecution> find(long executionId) {
		try {
			return Optional.ofNullable(this.repository.getJobExecution(executionId));
		}
		catch (EmptyResultDataAccessException ex) {
			return Optional.empty();
		}
	}

}
