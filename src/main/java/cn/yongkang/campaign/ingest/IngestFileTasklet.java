package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yongkang.campaign.bulk.Database;
import cn.yongkang.campaign.registry.Registries;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.support.RunParameters;

/**
 * The per-file work of ingest, one partition: reads the partition's file and stages its
 * raw rows, all in one transaction with the file's counts, so a crash loses at most this
 * file and a restart reads it again. A failure of the file's own (unreadable, or an error
 * while reading it) quarantines the file and the night goes on.
 */
@Component
@StepScope
public class IngestFileTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(IngestFileTasklet.class);

	private static final Map<FileFormat, WorkbookReader> READERS = Map.of(FileFormat.XLSX, new XlsxWorkbookReader(),
			FileFormat.XLS, new XlsWorkbookReader(), FileFormat.CSV, new CsvWorkbookReader());

	private final JdbcTemplate jdbc;

	private final Database database;

	private final Registries registries;

	private final TransactionTemplate savepoint;

	private final long fileId;

	IngestFileTasklet(JdbcTemplate jdbc, Database database, Registries registries,
			PlatformTransactionManager transactionManager,
			@Value("#{stepExecutionContext['" + InboxPartitioner.FILE_ID + "']}") long fileId) {
		this.jdbc = jdbc;
		this.database = database;
		this.registries = registries;
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.fileId = fileId;
	}

	/** The file of this partition, as the partitioner recorded it. */
	private record NightFile(long fileId, Path path, String name, Township township) {
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		var row = this.jdbc.queryForMap(
				"SELECT township_folder, file_name, township_code FROM upload_file WHERE file_id = ?", this.fileId);
		String folder = (String) row.get("township_folder");
		String fileName = (String) row.get("file_name");
		String townshipCode = (String) row.get("township_code");
		Township township = this.registries.forExecution(run.jobs(), run.jobExecutionId())
			.townshipByCode(townshipCode)
			.orElseThrow(() -> new IllegalStateException("township " + townshipCode + " of file " + this.fileId
					+ " is no longer in the registry; restore it in jobs/regions/townships.csv"));
		NightFile file = new NightFile(this.fileId, run.inboxForDate().resolve(folder).resolve(fileName),
				folder + "/" + fileName, township);
		try {
			this.savepoint.executeWithoutResult((status) -> stage(file, contribution));
		}
		catch (FileFailure failure) {
			quarantine(file, failure.reason(), failure.getCause());
		}
		catch (RuntimeException ex) {
			if (ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException
					|| ex instanceof NonTransientDataAccessResourceException) {
				throw ex; // the database, not the file: the step fails and a restart
							// redoes the file
			}
			quarantine(file, "读取文件时出错（" + ex.getClass().getSimpleName() + "），已暂停处理该文件。请在Excel或WPS中打开确认，另存为.xlsx后重新上传",
					ex);
		}
		return RepeatStatus.FINISHED;
	}

	private void stage(NightFile file, StepContribution contribution) {
		StagedRows staged = new StagedRows(this.database, file.fileId());
		LedgerTable table = new LedgerTable(!file.township().isZone(), (row) -> {
			contribution.incrementReadCount();
			staged.accept(row);
		});
		FileFormat format;
		try {
			format = FileFormat.detect(file.path());
			READERS.get(format).read(file.path(), table);
			table.requireHeader();
		}
		catch (UnreadableFileException ex) {
			throw new FileFailure(ex.getMessage(), ex.getCause());
		}
		catch (IOException ex) {
			throw new FileFailure("读取文件时出错，已暂停处理该文件。请重新上传", ex);
		}
		staged.flush();
		this.jdbc.update(
				"UPDATE upload_file SET file_format = ?, sheet_name = ?, header_row = ?, rows_blank = ?,"
						+ " rows_read = ? WHERE file_id = ?",
				format.name(), table.sheetName(), table.headerRow(), table.blankRows(),
				table.dataRows() + table.blankRows(), file.fileId());
		contribution.incrementWriteCount(table.dataRows());
		log.info("{}: {} data rows, {} blank, header at row {} of sheet '{}'", file.name(), table.dataRows(),
				table.blankRows(), table.headerRow(), table.sheetName());
	}

	/**
	 * The one place a file's failure ends: its partial rows are gone (the savepoint
	 * rolled them back; the delete makes sure), the file is QUARANTINED with the reason.
	 */
	private void quarantine(NightFile file, String reason, Throwable cause) {
		this.jdbc.update("DELETE FROM staged_row WHERE file_id = ?", file.fileId());
		this.jdbc.update("UPDATE upload_file SET status = 'QUARANTINED', reason = ?, stage = 'DONE' WHERE file_id = ?",
				reason, file.fileId());
		log.warn("{}: quarantined: {}", file.name(), reason);
		log.debug("Quarantine cause", cause);
	}

	/** A failure of the file itself, with the reason for the clerk. */
	private static final class FileFailure extends RuntimeException {

		private final String reason;

		FileFailure(String reason, Throwable cause) {
			super(reason, cause);
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

	}

}
