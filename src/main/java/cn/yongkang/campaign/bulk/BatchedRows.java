package cn.yongkang.campaign.bulk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The portable path: JDBC batches of {@value #BATCH_SIZE} rows. */
final class BatchedRows implements BulkRows {

	static final int BATCH_SIZE = 1000;

	private final JdbcTemplate jdbc;

	private final String insert;

	private final List<Object[]> batch = new ArrayList<>(BATCH_SIZE);

	private long count;

	BatchedRows(JdbcTemplate jdbc, String table, String... columns) {
		this.jdbc = jdbc;
		this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
	}

	@Override
	public void add(Object... values) {
		this.batch.add(values.clone());
		this.count++;
		if (this.batch.size() == BATCH_SIZE) {
			flush();
		}
	}

	@Override
	public void flush() {
		if (!this.batch.isEmpty()) {
			this.jdbc.batchUpdate(this.insert, this.batch);
			this.batch.clear();
		}
	}

	@Override
	public long count() {
		return this.count;
	}

}
