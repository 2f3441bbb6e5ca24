package cn.yongkang.campaign.validate;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.support.Fold;
import cn.yongkang.campaign.support.RerunReset;
import cn.yongkang.campaign.support.RunParameters;

/**
 * The validate stage. Each call validates one staged file in one transaction: its rows go
 * to {@code validated_row} or {@code rejected_row}, its counts to {@code upload_file},
 * where a CHECK constraint holds rows read = accepted + rejected + blank. When no file is
 * left, the night's feedback workbooks are written.
 */
@Component
public class ValidateTasklet implements Tasklet, RerunReset {

	private static final Logger log = LoggerFactory.getLogger(ValidateTasklet.class);

	private static final int BATCH_SIZE = 1000;

	private static final String SELECT_STAGED = "SELECT file_id, row_number, hazard_ref, township, village, category,"
			+ " premises, address, hazard, found_on, status, rectified_on, inspector, contact"
			+ " FROM staged_row WHERE file_id = ? ORDER BY row_number";

	private static final String INSERT_ACCEPTED = "INSERT INTO validated_row (file_id, row_number, township_code,"
			+ " identity_key, hazard_ref, village_code, category, premises, address, description, found_on, status,"
			+ " rectified_on, inspector, contact, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_REJECTED = "INSERT INTO rejected_row (file_id, row_number, reasons, hazard_ref,"
			+ " township, village, category, premises, address, hazard, found_on, status, rectified_on, inspector,"
			+ " contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** A large upload logs its progress, so that a long validation shows it is alive. */
	private static final int PROGRESS_EVERY = 100_000;

	private final JdbcTemplate jdbc;

	private final FeedbackWorkbooks feedback;

	public ValidateTasklet(JdbcTemplate jdbc, FeedbackWorkbooks feedback) {
		this.jdbc = jdbc;
		this.feedback = feedback;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		List<FileToValidate> next = this.jdbc.query("SELECT file_id, township_code, file_name FROM upload_file"
				+ " WHERE inbox_date = ? AND status = 'LOADED' AND stage = 'STAGED' ORDER BY file_id FETCH FIRST 1 ROWS ONLY",
				(rs, i) -> new FileToValidate(rs.getLong(1), rs.getString(2), rs.getString(3)), run.date());
		if (next.isEmpty()) {
			this.feedback.write(run);
			return RepeatStatus.FINISHED;
		}
		validate(next.get(0), run, contribution);
		return RepeatStatus.CONTINUABLE;
	}

	/**
	 * A rerun from validate (after a registry fix, say) validates the night's staged rows
	 * again: their earlier verdicts go, in the same transaction as the first file's new
	 * ones.
	 */
	@Override
	public void resetForRerun(RunParameters run) {
		String files = "SELECT file_id FROM upload_file WHERE inbox_date = ? AND status = 'LOADED'";
		this.jdbc.update("DELETE FROM validated_row WHERE file_id IN (" + files + ")", run.date());
		this.jdbc.update("DELETE FROM rejected_row WHERE file_id IN (" + files + ")", run.date());
		int reset = this.jdbc
			.update("UPDATE upload_file SET stage = 'STAGED', rows_accepted = NULL, rows_rejected = NULL,"
					+ " rows_warned = NULL WHERE inbox_date = ? AND status = 'LOADED'", run.date());
		log.info("Rerun from validate: {} files of {} will be validated again", reset, run.date());
	}

	private void validate(FileToValidate file, RunParameters run, StepContribution contribution) {
		Registry registry = Registry.load(run.jobs());
		Township uploader = registry.townshipByCode(file.townshipCode())
			.orElseThrow(() -> new IllegalStateException("township " + file.townshipCode() + " of file " + file.fileId()
					+ " is no longer in the registry; restore it in jobs/regions/townships.csv"));
		RowValidator validator = new RowValidator(registry, uploader, run.date());
		Batches batches = new Batches();
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(SELECT_STAGED);
			statement.setFetchSize(BATCH_SIZE);
			statement.setLong(1, file.fileId());
			return statement;
		}, (rs) -> {
			StagedValues row = new StagedValues(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
			contribution.incrementReadCount();
			batches.add(row, validator.validate(row));
		});
		batches.flush();
		int updated = this.jdbc.update(
				"UPDATE upload_file SET rows_accepted = ?, rows_rejected = ?, rows_warned = ?,"
						+ " stage = 'VALIDATED' WHERE file_id = ?",
				batches.accepted, batches.rejected, batches.warned, file.fileId());
		if (updated != 1) {
			throw new IllegalStateException("upload_file " + file.fileId() + " vanished during validation");
		}
		contribution.incrementWriteCount(batches.accepted);
		contribution.incrementFilterCount(batches.rejected);
		log.info("File {} ({}): {} accepted, {} rejected, {} with warnings", file.fileId(),
				Fold.printable(file.fileName()), batches.accepted, batches.rejected, batches.warned);
	}

	private record FileToValidate(long fileId, String townshipCode, String fileName) {
	}

	/** Buffers verdicts and writes them in JDBC batches. */
	private final class Batches {

		private final List<Object[]> acceptedRows = new ArrayList<>(BATCH_SIZE);

		private final List<Object[]> rejectedRows = new ArrayList<>(BATCH_SIZE);

		private int accepted;

		private int rejected;

		private int warned;

		void add(StagedValues row, RowValidator.Verdict verdict) {
			if (verdict.isAccepted()) {
				AcceptedRow a = verdict.accepted();
				this.acceptedRows.add(new Object[] { a.fileId(), a.rowNumber(), a.townshipCode(), a.identityKey(),
						a.hazardRef(), a.villageCode(), a.category(), a.premises(), a.address(), a.description(),
						a.foundOn(), a.status().name(), a.rectifiedOn(), a.inspector(), a.contact(), a.warnings() });
				this.accepted++;
				if (a.warnings() != null) {
					this.warned++;
				}
			}
			else {
				Object[] values = new Object[15];
				values[0] = row.fileId();
				values[1] = row.rowNumber();
				values[2] = verdict.reasons();
				System.arraycopy(row.values(), 0, values, 3, 12);
				this.rejectedRows.add(values);
				this.rejected++;
			}
			if (this.acceptedRows.size() + this.rejectedRows.size() >= BATCH_SIZE) {
				flush();
			}
			if ((this.accepted + this.rejected) % PROGRESS_EVERY == 0) {
				log.info("File {}: {} rows validated so far", row.fileId(), this.accepted + this.rejected);
			}
		}

		void flush() {
			if (!this.acceptedRows.isEmpty()) {
				ValidateTasklet.this.jdbc.batchUpdate(INSERT_ACCEPTED, this.acceptedRows);
				this.acceptedRows.clear();
			}
			if (!this.rejectedRows.isEmpty()) {
				ValidateTasklet.this.jdbc.batchUpdate(INSERT_REJECTED, this.rejectedRows);
				this.rejectedRows.clear();
			}
		}

	}

}
