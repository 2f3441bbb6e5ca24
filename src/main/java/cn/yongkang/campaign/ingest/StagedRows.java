package cn.yongkang.campaign.ingest;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.yongkang.campaign.bulk.BulkRows;
import cn.yongkang.campaign.bulk.Database;

/**
 * Writes a file's raw rows to {@code staged_row} in bulk ({@code COPY} on PostgreSQL), so
 * memory stays flat and no row costs a round trip.
 */
final class StagedRows implements Consumer<RawRow> {

	/** A large upload logs its progress, so that a long ingest shows it is alive. */
	static final int PROGRESS_EVERY = 100_000;

	private static final Logger log = LoggerFactory.getLogger(StagedRows.class);

	private final BulkRows rows;

	private final long fileId;

	StagedRows(Database database, long fileId) {
		this.rows = database.bulkRows("staged_row", "file_id", "row_number", "hazard_ref", "township", "village",
				"category", "premises", "address", "hazard", "found_on", "status", "rectified_on", "inspector",
				"contact");
		this.fileId = fileId;
	}

	@Override
	public void accept(RawRow row) {
		Object[] values = new Object[2 + LedgerField.values().length];
		values[0] = this.fileId;
		values[1] = row.rowNumber();
		System.arraycopy(row.values(), 0, values, 2, LedgerField.values().length);
		this.rows.add(values);
		if (this.rows.count() % PROGRESS_EVERY == 0) {
			log.info("File {}: {} rows staged so far", this.fileId, this.rows.count());
		}
	}

	void flush() {
		this.rows.flush();
	}

}
