package cn.yongkang.campaign.registry;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mirrors the registry files and the category list into {@code region_township},
 * {@code region_village} and {@code category}, so that statistics and rankings can join
 * them. The files stay the source: the tables are replaced as a whole in one transaction.
 */
@Component
public class RegistrySync {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	public RegistrySync(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	public void sync(Registry registry) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("DELETE FROM region_village");
			this.jdbc.update("DELETE FROM region_township");
			this.jdbc.update("DELETE FROM category");
			List<Object[]> categories = Arrays.stream(Category.values())
				.map((c) -> new Object[] { c.name(), c.label(), c.ordinal() + 1 })
				.toList();
			this.jdbc.batchUpdate("INSERT INTO category (category, label, sort_order) VALUES (?, ?, ?)", categories);
			List<Object[]> townships = registry.townships()
				.stream()
				.map((t) -> new Object[] { t.code(), t.name(), t.type(), t.order() })
				.toList();
			this.jdbc
				.batchUpdate("INSERT INTO region_township (township_code, township_name, township_type, sort_order)"
						+ " VALUES (?, ?, ?, ?)", townships);
			List<Object[]> villages = registry.villages()
				.stream()
				.map((v) -> new Object[] { v.code(), v.townshipCode(), v.name(), v.kind() })
				.toList();
			this.jdbc.batchUpdate("INSERT INTO region_village (village_code, township_code, village_name, village_kind)"
					+ " VALUES (?, ?, ?, ?)", villages);
		});
	}

}
