package cn.yongkang.campaign.validate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.bulk.BulkRows;
import cn.yongkang.campaign.bulk.Database;
import cn.yongkang.campaign.registry.Registries;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.support.Fold;
import cn.yongkang.campaign.support.RunParameters;

/**
 * The per-file work of validate, one partition: the file's staged rows go to
 * {@code validated_row} or {@code rejected_row} and its counts to {@code upload_file},
 * where a CHECK constraint holds rows read = accepted + rejected + blank, all in one
 * transaction.
 */
@Component
@StepScope
public class ValidateFileTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ValidateFileTasklet.class);

	private static final int FETCH_SIZE = 2000;

	private static final String SELECT_STAGED = "SELECT file_id, row_number, hazard_ref, township, village, category,"
			+ " premises, address, hazard, found_on, status, rectified_on, inspector, contact"
			+ " FROM staged_row WHERE file_id = ? ORDER BY row_number";

	/** A large upload logs its progress, so that a long validation shows it is alive. */
	private static final int PROGRESS_EVERY = 100_000;

	private final JdbcTemplate jdbc;

	private final Database database;

	private final Registries registries;

	private final long fileId;

	ValidateFileTasklet(JdbcTemplate jdbc, Database database, Registries registries,
			@Value("#{stepExecutionContext['" + ValidatePartitioner.FILE_ID + "']}") long fileId) {
		this.jdbc = jdbc;
		this.database = database;
		this.registries = registries;
		this.fileId = fileId;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		Registry registry = this.registries.forExecution(run.jobs(), run.jobExecutionId());
		var file = this.jdbc.queryForMap("SELECT township_code, file_name FROM upload_file WHERE file_id = ?",
				this.fileId);
		String townshipCode = (String) file.get("township_code");
		Township uploader = registry.townshipByCode(townshipCode)
			.orElseThrow(() -> new IllegalStateException("township " + townshipCode + " of file " + this.fileId
					+ " is no longer in the registry; restore it in jobs/regions/townships.csv"));
		RowValidator validator = new RowValidator(registry, uploader, run.date());
		Verdicts verdicts = new Verdicts(this.database);
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(SELECT_STAGED);
			statement.setFetchSize(FETCH_SIZE);
			statement.setLong(1, this.fileId);
			return statement;
		}, (rs) -> {
			StagedValues row = new StagedValues(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
			contribution.incrementReadCount();
			verdicts.add(row, validator.validate(row));
		});
		verdicts.flush();
		int updated = this.jdbc.update(
				"UPDATE upload_file SET rows_accepted = ?, rows_rejected = ?, rows_warned = ?,"
						+ " stage = 'VALIDATED' WHERE file_id = ?",
				verdicts.accepted, verdicts.rejected, verdicts.warned, this.fileId);
		if (updated != 1) {
			throw new IllegalStateException("upload_file " + this.fileId + " vanished during validation");
		}
		contribution.incrementWriteCount(verdicts.accepted);
		contribution.incrementFilterCount(verdicts.rejected);
		log.info("File {} ({}): {} accepted, {} rejected, {} with warnings", this.fileId,
				Fold.printable((String) file.get("file_name")), verdicts.accepted, verdicts.rejected, verdicts.warned);
		return RepeatStatus.FINISHED;
	}

	/** Writes verdicts in bulk as they come. */
	private static final class Verdicts {

		private final BulkRows acceptedRows;

		private final BulkRows rejectedRows;

		private int accepted;

		private int rejected;

		private int warned;

		Verdicts(Database database) {
			this.acceptedRows = database.bulkRows("validated_row", "file_id", "row_number", "township_code",
					"identity_key", "hazard_ref", "village_code", "category", "premises", "address", "description",
					"found_on", "status", "rectified_on", "inspector", "contact", "warnings");
			this.rejectedRows = database.bulkRows("rejected_row", "file_id", "row_number", "reasons", "hazard_ref",
					"township", "village", "category", "premises", "address", "hazard", "found_on", "status",
					"rectified_on", "inspector", "contact");
		}

		void add(StagedValues row, RowValidator.Verdict verdict) {
			if (verdict.isAccepted()) {
				AcceptedRow a = verdict.accepted();
				this.acceptedRows.add(a.fileId(), a.rowNumber(), a.townshipCode(), a.identityKey(), a.hazardRef(),
						a.villageCode(), a.category(), a.premises(), a.address(), a.description(), a.foundOn(),
						a.status().name(), a.rectifiedOn(), a.inspector(), a.contact(), a.warnings());
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
			if ((this.accepted + this.rejected) % PROGRESS_EVERY == 0) {
				log.info("File {}: {} rows validated so far", row.fileId(), this.accepted + this.rejected);
			}
		}

		void flush() {
			this.acceptedRows.flush();
			this.rejectedRows.flush();
		}

	}

}
