package cn.yongkang.campaign.ingest;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yongkang.campaign.bulk.Database;

/**
 * Reads one file and stages its rows, isolated from the rest of the night: whatever goes
 * wrong inside (an unreadable file, a bound exceeded, a bug in a reader, a value the
 * database refuses) rolls back to a savepoint taken before the first row, so the file's
 * partial rows are gone, and the file ends {@code QUARANTINED} with a Chinese reason. The
 * night goes on. Only a lost database still fails the step: that is no file's fault.
 * Out-of-memory is prevented by the readers' bounds, not caught.
 */
@Component
public class FileStaging {

	static final String READ_FAILED = "读取文件时出错，文件内容可能已损坏或不是常规的台账格式，已整体退回。请在Excel或WPS中打开确认，另存为.xlsx后重新上传";

	private static final Logger log = LoggerFactory.getLogger(FileStaging.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	private final Database database;

	public FileStaging(JdbcTemplate jdbc, Database database, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.database = database;
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** What became of a file: its table, or the reason it was quarantined. */
	record Staged(LedgerFiles.LedgerRead table, String quarantineReason) {

		boolean loaded() {
			return this.quarantineReason == null;
		}

	}

	/**
	 * Reads {@code copy} as file {@code fileId} (already recorded LOADED) and stages its
	 * rows; on failure marks the file QUARANTINED with the reason.
	 * @param villageRequired false for a functional zone
	 * @param rows also gets every staged row, and is finished after the file's counts
	 */
	Staged readAndStage(long fileId, Path copy, boolean villageRequired, RowsAsRead.FileRows rows) {
		try {
			LedgerFiles.LedgerRead table = this.savepoint
				.execute((status) -> stage(fileId, copy, villageRequired, rows));
			return new Staged(table, null);
		}
		catch (RuntimeException | StackOverflowError | LinkageError ex) {
			if (isDatabaseGone(ex)) {
				throw ex;
			}
			String reason = reason(ex);
			this.jdbc.update("DELETE FROM staged_row WHERE file_id = ?", fileId);
			this.jdbc.update(
					"UPDATE upload_file SET status = 'QUARANTINED', reason = ?, stage = 'DONE',"
							+ " file_format = NULL, sheet_name = NULL, header_row = NULL WHERE file_id = ?",
					reason, fileId);
			log.warn("File {}: quarantined: {}", fileId, cn.yongkang.campaign.support.Fold.printable(reason));
			log.debug("Quarantine cause", ex);
			return new Staged(null, reason);
		}
	}

	private LedgerFiles.LedgerRead stage(long fileId, Path copy, boolean villageRequired, RowsAsRead.FileRows rows) {
		StagedRows staged = new StagedRows(this.database, fileId);
		try {
			LedgerFiles.LedgerRead table = LedgerFiles.read(copy, villageRequired, (row) -> {
				staged.accept(row);
				rows.accept(row);
			});
			staged.flush();
			this.jdbc.update(
					"UPDATE upload_file SET file_format = ?, sheet_name = ?, header_row = ?, rows_blank = ?,"
							+ " rows_read = ? WHERE file_id = ?",
					table.format(), FileNames.stored(table.sheetName()), table.headerRow(), table.blankRows(),
					table.rowsRead(), fileId);
			rows.finish();
			return table;
		}
		catch (UnreadableFileException ex) {
			throw new UnreadableFileError(ex);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The clerk's reason: the reader's own when it named one, else a general one (the
	 * technical cause goes to the log).
	 */
	static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnreadableFileException || cause instanceof RefusedFileException) {
				return cause.getMessage();
			}
		}
		return READ_FAILED;
	}

	private static boolean isDatabaseGone(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof NonTransientDataAccessResourceException
					|| cause instanceof TransientDataAccessException || cause instanceof java.sql.SQLTransientException
					|| cause instanceof java.sql.SQLRecoverableException || (cause instanceof java.sql.SQLException sql
							&& sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Carries a checked {@link UnreadableFileException} out of the transaction callback.
	 */
	private static final class UnreadableFileError extends RuntimeException {

		UnreadableFileError(UnreadableFileException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
