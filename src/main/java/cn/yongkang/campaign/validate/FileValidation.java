package cn.yongkang.campaign.validate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.bulk.BulkRows;
import cn.yongkang.campaign.bulk.Database;
import cn.yongkang.campaign.registry.Registries;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.support.RunParameters;

/**
 * Validates one file's rows as they come, wherever they come from: the validate step
 * reads them back from {@code staged_row} (a rerun from validate after a registry fix),
 * and on a normal night the pipeline hands them over while ingest reads the file, so the
 * file is read once. Either way the same rules write the same {@code validated_row} and
 * {@code rejected_row} rows, in the caller's transaction.
 */
@Component
public class FileValidation {

	/** A large upload logs its progress, so that a long validation shows it is alive. */
	private static final int PROGRESS_EVERY = 100_000;

	private static final Logger log = LoggerFactory.getLogger(FileValidation.class);

	private final JdbcTemplate jdbc;

	private final Database database;

	private final Registries registries;

	FileValidation(JdbcTemplate jdbc, Database database, Registries registries) {
		this.jdbc = jdbc;
		this.database = database;
		this.registries = registries;
	}

	/**
	 * Starts on file {@code fileId}, uploaded by the township {@code townshipCode}, with
	 * the registry of this execution.
	 */
	public Verdicts open(RunParameters run, long fileId, String townshipCode) {
		Registry registry = this.registries.forExecution(run.jobs(), run.jobExecutionId());
		Township uploader = registry.townshipByCode(townshipCode)
			.orElseThrow(() -> new IllegalStateException("township " + townshipCode + " of file " + fileId
					+ " is no longer in the registry; restore it in jobs/regions/townships.csv"));
		return new Verdicts(fileId, new RowValidator(registry, uploader, run.date()));
	}

	/** One file's verdicts, written in bulk as they come. */
	public final class Verdicts {

		private final long fileId;

		private final RowValidator validator;

		private final BulkRows acceptedRows;

		private final BulkRows rejectedRows;

		private int accepted;

		private int rejected;

		private int warned;

		private Verdicts(long fileId, RowValidator validator) {
			this.fileId = fileId;
			this.validator = validator;
			this.acceptedRows = FileValidation.this.database.bulkRows("validated_row", "file_id", "row_number",
					"township_code", "identity_key", "hazard_ref", "village_code", "category", "premises", "address",
					"description", "found_on", "status", "rectified_on", "inspector", "contact", "warnings");
			this.rejectedRows = FileValidation.this.database.bulkRows("rejected_row", "file_id", "row_number",
					"reasons", "hazard_ref", "township", "village", "category", "premises", "address", "hazard",
					"found_on", "status", "rectified_on", "inspector", "contact");
		}

		/**
		 * @param values the raw values in {@link RowValidator#VALUE_COLUMNS} order, null
		 * for an empty cell
		 */
		public void add(int rowNumber, String[] values) {
			StagedValues row = new StagedValues(this.fileId, rowNumber, values[0], values[1], values[2], values[3],
					values[4], values[5], values[6], values[7], values[8], values[9], values[10], values[11]);
			RowValidator.Verdict verdict = this.validator.validate(row);
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
				Object[] rejectedValues = new Object[15];
				rejectedValues[0] = this.fileId;
				rejectedValues[1] = rowNumber;
				rejectedValues[2] = verdict.reasons();
				System.arraycopy(values, 0, rejectedValues, 3, 12);
				this.rejectedRows.add(rejectedValues);
				this.rejected++;
			}
			if ((this.accepted + this.rejected) % PROGRESS_EVERY == 0) {
				log.info("File {}: {} rows validated so far", this.fileId, this.accepted + this.rejected);
			}
		}

		/**
		 * Sends what is buffered and stores the file's counts, marking it validated; a
		 * CHECK constraint on {@code upload_file} holds rows read = accepted + rejected +
		 * blank.
		 */
		public void finish() {
			this.acceptedRows.flush();
			this.rejectedRows.flush();
			int updated = FileValidation.this.jdbc.update(
					"UPDATE upload_file SET rows_accepted = ?, rows_rejected = ?, rows_warned = ?,"
							+ " stage = 'VALIDATED' WHERE file_id = ?",
					this.accepted, this.rejected, this.warned, this.fileId);
			if (updated != 1) {
				throw new IllegalStateException("upload_file " + this.fileId + " vanished during validation");
			}
			log.info("File {}: {} accepted, {} rejected, {} with warnings", this.fileId, this.accepted, this.rejected,
					this.warned);
		}

		public int accepted() {
			return this.accepted;
		}

		public int rejected() {
			return this.rejected;
		}

	}

}
