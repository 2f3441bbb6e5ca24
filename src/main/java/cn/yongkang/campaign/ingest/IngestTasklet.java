package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.support.RunParameters;

/**
 * The ingest stage. Each call handles one file in its own transaction (the step commits
 * after every call), so a crash loses at most the file in hand, and a restart goes on
 * with the files that have no {@code upload_file} row yet.
 */
@Component
public class IngestTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(IngestTasklet.class);

	private final JdbcTemplate jdbc;

	/**
	 * Files still to ingest, per step execution: listed and fingerprinted once per
	 * execution.
	 */
	private final Map<Long, Deque<InboxFile>> pending = new ConcurrentHashMap<>();

	public IngestTasklet(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		var stepExecution = contribution.getStepExecution();
		RunParameters run = RunParameters.of(stepExecution);
		Deque<InboxFile> files = this.pending.computeIfAbsent(stepExecution.getId(), (id) -> filesToIngest(run));
		InboxFile file = files.poll();
		if (file != null) {
			ingest(file, run, contribution);
		}
		if (files.isEmpty()) {
			this.pending.remove(stepExecution.getId());
			return RepeatStatus.FINISHED;
		}
		return RepeatStatus.CONTINUABLE;
	}

	private Deque<InboxFile> filesToIngest(RunParameters run) {
		Registry registry = Registry.load(run.jobs());
		List<InboxFile> files = InboxScanner.scan(run.inboxForDate(), registry);
		Set<String> done = this.jdbc
			.queryForList(
					"SELECT township_folder || '/' || file_name || '/' || sha256 FROM upload_file WHERE inbox_date = ?",
					String.class, run.date())
			.stream()
			.collect(Collectors.toSet());
		Deque<InboxFile> todo = new ArrayDeque<>();
		for (InboxFile file : files) {
			if (!done.contains(file.folder() + "/" + file.fileName() + "/" + file.sha256())) {
				todo.add(file);
			}
		}
		log.info("Inbox {}: {} files, {} to ingest", run.inboxForDate(), files.size(), todo.size());
		return todo;
	}

	private void ingest(InboxFile file, RunParameters run, StepContribution contribution) throws IOException {
		if (file.township() == null) {
			quarantine(insertFile(file, run, "QUARANTINED", null), file.folder().isEmpty()
					? FileProblems.NOT_IN_TOWNSHIP_FOLDER : FileProblems.unknownFolder(file.folder()), file);
			return;
		}
		// The same content from the same township again: nothing new to read. (From
		// another township
		// it is read, and its rows are rejected as another township's, which the clerk
		// should see.)
		List<Map<String, Object>> earlier = this.jdbc.queryForList(
				"SELECT file_id, inbox_date, file_name FROM upload_file"
						+ " WHERE sha256 = ? AND township_code = ? AND status = 'LOADED' ORDER BY file_id",
				file.sha256(), file.township().code());
		if (!earlier.isEmpty()) {
			Map<String, Object> first = earlier.get(0);
			long fileId = insertFile(file, run, "DUPLICATE", ((Number) first.get("file_id")).longValue());
			this.jdbc.update("UPDATE upload_file SET reason = ? WHERE file_id = ?",
					FileProblems.duplicate(first.get("inbox_date"), (String) first.get("file_name")), fileId);
			log.info("{}/{}: same content as file {} (SHA-256), not processed again", file.folder(), file.fileName(),
					first.get("file_id"));
			return;
		}
		long fileId = insertFile(file, run, "LOADED", null);
		StagedRows staged = new StagedRows(this.jdbc, fileId);
		try {
			LedgerFiles.LedgerRead table = LedgerFiles.read(file.path(), !file.township().isZone(), (row) -> {
				contribution.incrementReadCount();
				staged.accept(row);
			});
			staged.flush();
			this.jdbc.update(
					"UPDATE upload_file SET file_format = ?, sheet_name = ?, header_row = ?, rows_blank = ?,"
							+ " rows_read = ? WHERE file_id = ?",
					table.format(), table.sheetName(), table.headerRow(), table.blankRows(), table.rowsRead(), fileId);
			contribution.incrementWriteCount(table.dataRows());
			log.info("{}/{}: {} data rows, {} blank, header at row {} of sheet '{}'", file.folder(), file.fileName(),
					table.dataRows(), table.blankRows(), table.headerRow(), table.sheetName());
		}
		catch (UnreadableFileException ex) {
			this.jdbc.update("DELETE FROM staged_row WHERE file_id = ?", fileId);
			this.jdbc.update("UPDATE upload_file SET status = 'QUARANTINED' WHERE file_id = ?", fileId);
			quarantine(fileId, ex.getMessage(), file);
			log.debug("Quarantine cause", ex.getCause());
		}
	}

	private void quarantine(long fileId, String reason, InboxFile file) {
		this.jdbc.update("UPDATE upload_file SET reason = ?, stage = 'DONE' WHERE file_id = ?", reason, fileId);
		log.warn("{}/{}: quarantined: {}", file.folder(), file.fileName(), reason);
	}

	private long insertFile(InboxFile file, RunParameters run, String status, Long duplicateOf) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("INSERT INTO upload_file (inbox_date, township_code,"
					+ " township_folder, file_name, file_size, sha256, status, duplicate_of, stage, job_execution_id,"
					+ " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "file_id" });
			statement.setObject(1, run.date());
			statement.setString(2, file.township() == null ? null : file.township().code());
			statement.setString(3, file.folder());
			statement.setString(4, file.fileName());
			statement.setLong(5, file.size());
			statement.setString(6, file.sha256());
			statement.setString(7, status);
			statement.setObject(8, duplicateOf);
			statement.setString(9, "LOADED".equals(status) ? "STAGED" : "DONE");
			statement.setLong(10, run.jobExecutionId());
			statement.setTimestamp(11, Timestamp.from(Instant.now()));
			return statement;
		}, key);
		return key.getKey().longValue();
	}

}
