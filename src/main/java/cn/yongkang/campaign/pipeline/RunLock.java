package cn.yongkang.campaign.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.bulk.Database;

/**
 * Guards a campaign date against two runs at once, whoever starts them. On PostgreSQL a
 * session advisory lock, held on its own connection for the run: other processes see it,
 * and it goes away with a killed process. The embedded H2 file admits one process only,
 * so there an in-process lock is enough.
 */
@Component
public class RunLock {

	private final DataSource dataSource;

	private final Database database;

	private final Set<String> heldInProcess = ConcurrentHashMap.newKeySet();

	public RunLock(DataSource dataSource, Database database) {
		this.dataSource = dataSource;
		this.database = database;
	}

	/** A held lock; closing it releases the date. */
	public interface Held extends AutoCloseable {

		@Override
		void close();

	}

	public Optional<Held> tryLock(String campaignId, java.time.LocalDate date) {
		String key = "campaign-pipeline|" + campaignId + "|" + date;
		if (!this.heldInProcess.add(key)) {
			return Optional.empty();
		}
		try {
			if (!this.database.isPostgres()) {
				return Optional.of(() -> this.heldInProcess.remove(key));
			}
			Connection connection = this.dataSource.getConnection();
			if (!advisory(connection, "SELECT pg_try_advisory_lock(hashtext(?))", key)) {
				close(connection);
				this.heldInProcess.remove(key);
				return Optional.empty();
			}
			return Optional.of(() -> {
				try {
					advisory(connection, "SELECT pg_advisory_unlock(hashtext(?))", key);
				}
				catch (SQLException ignored) {
					// Closing the session releases the lock anyway.
				}
				finally {
					close(connection);
					this.heldInProcess.remove(key);
				}
			});
		}
		catch (SQLException ex) {
			this.heldInProcess.remove(key);
			throw new DataAccessResourceFailureException(
					"cannot take the run lock for " + date + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean advisory(Connection connection, String sql, String key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, key);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ignored) {
			// Nothing to do: the pool discards a broken connection.
		}
	}

}
