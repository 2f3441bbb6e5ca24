package cn.yongkang.campaign.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Guards an inbox date against two runs at once, whoever starts them and for whichever
 * campaign: ingest shares the date's inbox and uploads across campaigns. On PostgreSQL
 * the date's row of {@code run_lock}, held locked ({@code SELECT ... FOR UPDATE}) in an
 * open transaction on its own connection for the run: other processes see it, it goes
 * away with a killed process, and unlike an advisory lock no other role can take it (only
 * the pipeline's login may write the table). The embedded H2 file admits one process
 * only, so there an in-process lock is enough.
 */
@Component
public class RunLock {

	/** PostgreSQL's lock_not_available, what NOWAIT raises. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final DataSource dataSource;

	private final Set<String> heldInProcess = ConcurrentHashMap.newKeySet();

	private volatile Boolean postgres;

	public RunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** A held lock; closing it releases the date. */
	public interface Held extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * @param campaignId the campaign asking, for messages only: the lock is the date's
	 */
	public Optional<Held> tryLock(String campaignId, LocalDate date) {
		String key = date.toString();
		if (!this.heldInProcess.add(key)) {
			return Optional.empty();
		}
		try {
			if (!isPostgres()) {
				return Optional.of(() -> this.heldInProcess.remove(key));
			}
			Connection connection = this.dataSource.getConnection();
			if (!lockRow(connection, key)) {
				close(connection);
				this.heldInProcess.remove(key);
				return Optional.empty();
			}
			return Optional.of(() -> {
				try {
					connection.rollback();
					connection.setAutoCommit(true);
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

	/**
	 * Makes sure the date's row exists (committed at once, so that a second process does
	 * not wait on an uncommitted insert), then locks it without waiting.
	 */
	private static boolean lockRow(Connection connection, String key) throws SQLException {
		try {
			connection.setAutoCommit(true);
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO run_lock (lock_key) VALUES (?) ON CONFLICT DO NOTHING")) {
				insert.setString(1, key);
				insert.executeUpdate();
			}
			connection.setAutoCommit(false);
			try (PreparedStatement lock = connection
				.prepareStatement("SELECT lock_key FROM run_lock WHERE lock_key = ? FOR UPDATE NOWAIT")) {
				lock.setString(1, key);
				try (ResultSet rs = lock.executeQuery()) {
					return rs.next();
				}
			}
		}
		catch (SQLException ex) {
			if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
				return false;
			}
			close(connection);
			throw ex;
		}
	}

	private boolean isPostgres() throws SQLException {
		if (this.postgres == null) {
			try (Connection connection = this.dataSource.getConnection()) {
				this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
			}
		}
		return this.postgres;
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
