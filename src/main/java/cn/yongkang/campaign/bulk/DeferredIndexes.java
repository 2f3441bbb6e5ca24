package cn.yongkang.campaign.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: a bulk load that at least doubles a table runs without the table's
 * secondary indexes, which are built again after it, in the same transaction. Keeping a
 * unique index on a random 64-character key up to date row by row cost a million new
 * hazards 7 of their 12 s; building it afterwards takes 3 s. Primary keys, and indexes a
 * foreign key relies on, stay. The dropped indexes hold an exclusive lock on the table
 * until the transaction ends (readers wait for it), and a crash rolls the drop back with
 * the rows.
 */
final class DeferredIndexes {

	private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

	private static final String SECONDARY_INDEXES = """
			SELECT i.relname AS index_name, pg_get_indexdef(i.oid) AS index_definition,
			       c.conname AS constraint_name, pg_get_constraintdef(c.oid) AS constraint_definition
			FROM pg_index x
			JOIN pg_class i ON i.oid = x.indexrelid
			LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype = 'u'
			WHERE x.indrelid = CAST(? AS regclass) AND NOT x.indisprimary
			  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = x.indexrelid)
			ORDER BY i.relname""";

	private final JdbcTemplate jdbc;

	DeferredIndexes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void around(Runnable load, long rowsToAdd, String... tables) {
		List<Runnable> rebuilds = new ArrayList<>();
		for (String table : tables) {
			if (rowsToAdd > 0 && rowsToAdd >= rows(table)) {
				rebuilds.add(drop(table));
			}
		}
		load.run();
		if (!rebuilds.isEmpty()) {
			this.jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
			rebuilds.forEach(Runnable::run);
		}
	}

	/** Rows as the planner last counted them (the caller has analyzed a grown table). */
	private long rows(String table) {
		Number rows = this.jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = CAST(? AS regclass)",
				Number.class, table);
		return Math.max(rows == null ? 0 : rows.longValue(), 0);
	}

	private Runnable drop(String table) {
		List<Map<String, Object>> indexes = this.jdbc.queryForList(SECONDARY_INDEXES, table);
		for (Map<String, Object> index : indexes) {
			if (index.get("constraint_name") != null) {
				this.jdbc.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + index.get("constraint_name"));
			}
			else {
				this.jdbc.execute("DROP INDEX " + index.get("index_name"));
			}
		}
		return () -> {
			long started = System.nanoTime();
			for (Map<String, Object> index : indexes) {
				if (index.get("constraint_name") != null) {
					this.jdbc.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + index.get("constraint_name") + " "
							+ index.get("constraint_definition"));
				}
				else {
					this.jdbc.execute((String) index.get("index_definition"));
				}
			}
			log.info("Built {} indexes of {} after its bulk load in {} ms", indexes.size(), table,
					(System.nanoTime() - started) / 1_000_000);
		};
	}

}
