package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.registry.Registries;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.support.Fold;
import cn.yongkang.campaign.support.RunParameters;

/**
 * The per-file work of ingest, one partition: copies the partition's file (checking it is
 * still what the scan fingerprinted), reads it and stages its raw rows (validating them
 * as they are read when the pipeline plugs that in, {@link RowsAsRead}), all in one
 * transaction with the file's counts, so a crash loses at most this file and a restart
 * reads it again. A failure of the file's own quarantines it ({@link FileStaging}); the
 * night goes on.
 */
@Component
@StepScope
public class IngestFileTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(IngestFileTasklet.class);

	private final JdbcTemplate jdbc;

	private final FileStaging staging;

	private final Registries registries;

	private final RowsAsRead rowsAsRead;

	private final ExecutionContext partition;

	IngestFileTasklet(JdbcTemplate jdbc, FileStaging staging, Registries registries,
			ObjectProvider<RowsAsRead> rowsAsRead,
			@Value("#{stepExecution.executionContext}") ExecutionContext partition) {
		this.jdbc = jdbc;
		this.staging = staging;
		this.registries = registries;
		this.rowsAsRead = rowsAsRead.getIfAvailable(() -> (run, fileId, townshipCode) -> null);
		this.partition = partition;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		// A partition whose context was lost with the database connection that saved it
		// is found again by its name (partition<fileId>) and its upload_file row.
		String stepName = contribution.getStepExecution().getStepName();
		long fileId = this.partition.containsKey(InboxPartitioner.FILE_ID)
				? this.partition.getLong(InboxPartitioner.FILE_ID)
				: Long.parseLong(stepName.substring(stepName.lastIndexOf("partition") + "partition".length()));
		var row = this.jdbc.queryForMap(
				"SELECT township_folder, file_name, township_code, file_size, sha256 FROM upload_file WHERE file_id = ?",
				fileId);
		String townshipCode = (String) row.get("township_code");
		Township township = this.registries.forExecution(run.jobs(), run.jobExecutionId())
			.townshipByCode(townshipCode)
			.orElseThrow(() -> new IllegalStateException("township " + townshipCode + " of file " + fileId
					+ " is no longer in the registry; restore it in jobs/regions/townships.csv"));
		String relative = this.partition.containsKey(InboxPartitioner.PATH)
				? this.partition.getString(InboxPartitioner.PATH)
				: row.get("township_folder") + "/" + row.get("file_name");
		InboxFile file = InboxFile.readable(locate(run.inboxForDate(), relative), (String) row.get("township_folder"),
				(String) row.get("file_name"), township, ((Number) row.get("file_size")).longValue(),
				(String) row.get("sha256"));
		FileSnapshot snapshot;
		try {
			snapshot = FileSnapshot.of(file);
		}
		catch (IOException ex) {
			log.warn("Cannot copy {}: {}", file.printable(), ex.toString());
			this.jdbc.update(
					"UPDATE upload_file SET status = 'QUARANTINED', reason = ?, stage = 'DONE'" + " WHERE file_id = ?",
					InboxScanner.UNREADABLE_FILE, fileId);
			return RepeatStatus.FINISHED;
		}
		try (snapshot) {
			if (!snapshot.unchanged()) {
				leaveForNextRun(fileId, file, run);
				return RepeatStatus.FINISHED;
			}
			RowsAsRead.FileRows more = this.rowsAsRead.open(run, fileId, townshipCode);
			FileStaging.Staged staged = this.staging.readAndStage(fileId, snapshot.path(), !township.isZone(),
					counted(contribution, (more != null) ? more : RowsAsRead.FileRows.NONE));
			if (staged.loaded()) {
				LedgerFiles.LedgerRead table = staged.table();
				contribution.incrementWriteCount(table.dataRows());
				log.info("{}: {} data rows, {} blank, header at row {} of sheet '{}'", file.printable(),
						table.dataRows(), table.blankRows(), table.headerRow(), Fold.printable(table.sheetName()));
			}
		}
		return RepeatStatus.FINISHED;
	}

	/** Each row read counts in the step's read count. */
	private static RowsAsRead.FileRows counted(StepContribution contribution, RowsAsRead.FileRows rows) {
		return new RowsAsRead.FileRows() {
			@Override
			public void accept(RawRow row) {
				contribution.incrementReadCount();
				rows.accept(row);
			}

			@Override
			public void finish() {
				rows.finish();
			}
		};
	}

	/**
	 * The scanned file again from its relative name. A name whose bytes are not UTF-8 (a
	 * GBK file name) does not survive the trip through a string, so such a component is
	 * found by listing its folder for the entry that reads the same.
	 */
	static Path locate(Path inbox, String relative) {
		Path path = inbox;
		for (String part : relative.split("/")) {
			Path direct = path.resolve(part);
			if (Files.exists(direct, LinkOption.NOFOLLOW_LINKS)) {
				path = direct;
				continue;
			}
			try (Stream<Path> entries = Files.list(path)) {
				path = entries.filter((entry) -> entry.getFileName().toString().equals(part))
					.findFirst()
					.orElse(direct);
			}
			catch (IOException ex) {
				path = direct;
			}
		}
		return path;
	}

	/**
	 * A file that changed since the scan may still be being written: its record goes
	 * (with any same-night duplicate recorded against it), so the next run of the date
	 * reads it afresh; the note says so in {@code status}.
	 */
	private void leaveForNextRun(long fileId, InboxFile file, RunParameters run) {
		String note = "文件在读取时仍在变化（大小或内容与清点时不同），可能仍在上传中，留待下次运行处理";
		this.jdbc.update("DELETE FROM upload_file WHERE duplicate_of = ? AND inbox_date = ?", fileId, run.date());
		this.jdbc.update("DELETE FROM upload_file WHERE file_id = ?", fileId);
		this.jdbc.update(
				"INSERT INTO inbox_note (inbox_date, township_folder, file_name, note, job_execution_id, noted_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?)",
				run.date(), file.storedFolder(), file.storedName(), note, run.jobExecutionId(),
				Timestamp.from(Instant.now()));
		log.warn("{}: left for the next run: {}", file.printable(), note);
	}

}
