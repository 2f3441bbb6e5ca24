package cn.yongkang.campaign.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a file's raw rows to {@code staged_row} in JDBC batches, so memory stays flat.
 */
final class StagedRows implements Consumer<RawRow> {

	static final int BATCH_SIZE = 1000;

	/** A large upload logs its progress, so that a long ingest shows it is alive. */
	static final int PROGRESS_EVERY = 100_000;

	private static final Logger log = LoggerFactory.getLogger(StagedRows.class);

	private static final String INSERT = "INSERT INTO staged_row (file_id, row_number, hazard_ref, township, village,"
			+ " category, premises, address, hazard, found_on, status, rectified_on, inspector, contact)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final long fileId;

	private final List<Object[]> batch = new ArrayList<>(BATCH_SIZE);

	private long staged;

	StagedRows(JdbcTemplate jdbc, long fileId) {
		this.jdbc = jdbc;
		this.fileId = fileId;
	}

	@Override
	public void accept(RawRow row) {
		Object[] values = new Object[2 + LedgerField.values().length];
		values[0] = this.fileId;
		values[1] = row.rowNumber();
		System.arraycopy(row.values(), 0, values, 2, LedgerField.values().length);
		this.batch.add(values);
		if (this.batch.size() == BATCH_SIZE) {
			flush();
		}
		if (++this.staged % PROGRESS_EVERY == 0) {
			log.info("File {}: {} rows staged so far", this.fileId, this.staged);
		}
	}

	void flush() {
		if (!this.batch.isEmpty()) {
			this.jdbc.batchUpdate(INSERT, this.batch);
			this.batch.clear();
		}
	}

}
