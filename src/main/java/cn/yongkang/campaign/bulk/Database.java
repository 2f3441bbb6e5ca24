package cn.yongkang.campaign.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that knows which database the pipeline runs on: PostgreSQL (production)
 * or the embedded H2. Everything that differs between them asks here.
 */
@Component
public class Database {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private volatile Boolean postgres;

	public Database(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	public boolean isPostgres() {
		if (this.postgres == null) {
			try (Connection connection = this.dataSource.getConnection()) {
				this.postgres = connection.getMetaData()
					.getDatabaseProductName()
					.toLowerCase(Locale.ROOT)
					.contains("postgres");
			}
			catch (SQLException ex) {
				throw new DataAccessResourceFailureException("cannot tell which database this is: " + ex.getMessage(),
						ex);
			}
		}
		return this.postgres;
	}

	/**
	 * Refreshes the planner's statistics of tables that a bulk load has just changed
	 * much: without it, PostgreSQL plans the next night's joins for the tables as they
	 * were (autovacuum comes later, if at all, inside a long run). H2 plans without them.
	 */
	public void analyze(String... tables) {
		if (isPostgres()) {
			for (String table : tables) {
				this.jdbc.execute("ANALYZE " + table);
			}
		}
	}

	/**
	 * Like {@link #analyze}, but only for a table that has changed by half since the
	 * planner last looked (as PostgreSQL counts it): between the files of a night, where
	 * a table grows from nothing to a million rows, a plan for the empty table would scan
	 * the full one once per file.
	 */
	public void analyzeIfGrown(String table) {
		if (!isPostgres()) {
			return;
		}
		var counts = this.jdbc
			.queryForList("SELECT n_mod_since_analyze, n_live_tup FROM pg_stat_user_tables WHERE relname = ?", table);
		if (!counts.isEmpty()) {
			long modified = ((Number) counts.get(0).get("n_mod_since_analyze")).longValue();
			long live = ((Number) counts.get(0).get("n_live_tup")).longValue();
			if (modified > Math.max(10_000, live / 2)) {
				this.jdbc.execute("ANALYZE " + table);
			}
		}
	}

	/**
	 * For the rest of the current transaction, joins by hashing or merging rather than by
	 * nested loops (PostgreSQL). The set-based statements that fill a table while joining
	 * it would otherwise rescan its growing heap for each row when the planner believes
	 * it small, as it is before a night's first rows; index lookups stay allowed. The
	 * hash tables get the memory to hold a night's million rows at once: with the
	 * server's default (4 MB) they spill to disk in dozens of batches.
	 */
	public void preferHashJoins() {
		if (isPostgres()) {
			this.jdbc.execute("SET LOCAL enable_nestloop = off");
			this.jdbc.execute("SET LOCAL work_mem = '128MB'");
		}
	}

	/**
	 * Runs a set-based load, in the caller's transaction, that may add up to
	 * {@code rowsToAdd} rows to the tables: on PostgreSQL a table it would at least
	 * double is loaded without its secondary indexes, which are built again afterwards
	 * ({@link DeferredIndexes}). H2 loads with its indexes.
	 */
	public void loadMany(long rowsToAdd, Runnable load, String... tables) {
		if (isPostgres()) {
			new DeferredIndexes(this.jdbc).around(load, rowsToAdd, tables);
		}
		else {
			load.run();
		}
	}

	/** Appends rows to a table, the fastest way this database has. */
	public BulkRows bulkRows(String table, String... columns) {
		return isPostgres() ? new CopyRows(this.dataSource, table, columns)
				: new BatchedRows(this.jdbc, table, columns);
	}

}
