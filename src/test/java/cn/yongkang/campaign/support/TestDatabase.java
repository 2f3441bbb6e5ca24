package cn.yongkang.campaign.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database on the real PostgreSQL server (by default the machine's own at
 * 127.0.0.1:5432, user postgres; override with CAMPAIGN_TEST_PG_URL, _USER, _PASSWORD),
 * dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

	private static final String ADMIN_URL = env("CAMPAIGN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = env("CAMPAIGN_TEST_PG_USER", "postgres");

	private static final String PASSWORD = env("CAMPAIGN_TEST_PG_PASSWORD", "");

	private final String name;

	private final String url;

	private TestDatabase(String name) {
		this.name = name;
		this.url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
	}

	public static TestDatabase create() {
		String name = "campaign_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		admin("CREATE DATABASE " + name);
		return new TestDatabase(name);
	}

	public String url() {
		return this.url;
	}

	/** The environment that points the application at this database. */
	public Map<String, String> environment() {
		return Map.of("SPRING_DATASOURCE_URL", this.url, "SPRING_DATASOURCE_USERNAME", USER,
				"SPRING_DATASOURCE_PASSWORD", PASSWORD);
	}

	public JdbcTemplate jdbc() {
		return new JdbcTemplate(new DriverManagerDataSource(this.url, USER, PASSWORD));
	}

	@Override
	public void close() {
		admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + this.name + "'");
		admin("DROP DATABASE IF EXISTS " + this.name);
	}

	private static void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is needed for this test ("
					+ ex.getMessage()
					+ "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
