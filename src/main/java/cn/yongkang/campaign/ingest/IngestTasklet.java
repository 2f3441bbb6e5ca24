package cn.yongkang.campaign.ingest;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.support.Fold;
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

	private final FileStaging staging;

	/**
	 * How long a file must be left alone before it is read: it may still be uploading.
	 */
	private final Duration settle;

	public IngestTasklet(JdbcTemplate jdbc, FileStaging staging,
			@Value("${campaign.inbox.settle:60s}") Duration settle) {
		this.jdbc = jdbc;
		this.staging = staging;
		this.settle = settle;
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
		List<InboxFile> files = InboxScanner.scan(run.inboxForDate(), registry, this.settle);
		Set<String> done = this.jdbc
			.queryForList(
					"SELECT township_folder || '/' || file_name || '/' || sha256 FROM upload_file WHERE inbox_date = ?",
					String.class, run.date())
			.stream()
			.collect(Collectors.toSet());
		Deque<InboxFile> todo = new ArrayDeque<>();
		for (InboxFile file : files) {
			if (!done.contains(file.storedFolder() + "/" + file.storedName() + "/" + file.sha256())) {
				todo.add(file);
			}
		}
		log.info("Inbox {}: {} files, {} to ingest", run.inboxForDate(), files.size(), todo.size());
		return todo;
	}

	private void ingest(InboxFile file, RunParameters run, StepContribution contribution) throws IOException {
		if (file.deferral() != null) {
			leaveForNextRun(file, file.deferral(), run);
			return;
		}
		if (file.problem() != null) {
			quarantine(insertFile(file, run, "QUARANTINED", null), file.problem(), file);
			return;
		}
		if (file.township() == null) {
			quarantine(
					insertFile(file, run, "QUARANTINED", null), file.folder().isEmpty()
							? FileProblems.NOT_IN_TOWNSHIP_FOLDER : FileProblems.unknownFolder(file.storedFolder()),
					file);
			return;
		}
		// The same content from the same township again: nothing new to read. (From
		// another township it is read, and its rows are rejected as another township's,
		// which the clerk should see.)
		List<Map<String, Object>> earlier = this.jdbc.queryForList(
				"SELECT file_id, inbox_date, file_name FROM upload_file"
						+ " WHERE sha256 = ? AND township_code = ? AND status = 'LOADED' ORDER BY file_id",
				file.sha256(), file.township().code());
		if (!earlier.isEmpty()) {
			Map<String, Object> first = earlier.get(0);
			long fileId = insertFile(file, run, "DUPLICATE", ((Number) first.get("file_id")).longValue());
			this.jdbc.update("UPDATE upload_file SET reason = ? WHERE file_id = ?",
					FileProblems.duplicate(first.get("inbox_date"), (String) first.get("file_name")), fileId);
			log.info("{}: same content as file {} (SHA-256), not processed again", file.printable(),
					first.get("file_id"));
			return;
		}
		FileSnapshot snapshot;
		try {
			snapshot = FileSnapshot.of(file);
		}
		catch (IOException ex) {
			log.warn("Cannot copy {}: {}", file.printable(), ex.toString());
			quarantine(insertFile(file, run, "QUARANTINED", null), InboxScanner.UNREADABLE_FILE, file);
			return;
		}
		try (snapshot) {
			if (!snapshot.unchanged()) {
				leaveForNextRun(file, "文件在读取时仍在变化（大小或内容与清点时不同），可能仍在上传中，留待下次运行处理", run);
				return;
			}
			long fileId = insertFile(file, run, "LOADED", null);
			FileStaging.Staged staged = this.staging.readAndStage(fileId, snapshot.path(), !file.township().isZone(),
					(row) -> contribution.incrementReadCount());
			if (staged.loaded()) {
				LedgerFiles.LedgerRead table = staged.table();
				contribution.incrementWriteCount(table.dataRows());
				log.info("{}: {} data rows, {} blank, header at row {} of sheet '{}'", file.printable(),
						table.dataRows(), table.blankRows(), table.headerRow(), Fold.printable(table.sheetName()));
			}
			else {
				log.warn("{}: quarantined: {}", file.printable(), Fold.printable(staged.quarantineReason()));
			}
		}
	}

	/**
	 * A file that may still be being written gets no {@code upload_file} row, so the next
	 * run of the date (a rerun from ingest, or a restart) reads it; the note says so in
	 * {@code status}.
	 */
	private void leaveForNextRun(InboxFile file, String note, RunParameters run) {
		this.jdbc.update(
				"INSERT INTO inbox_note (inbox_date, township_folder, file_name, note, job_execution_id, noted_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?)",
				run.date(), file.storedFolder(), file.storedName(), note, run.jobExecutionId(),
				Timestamp.from(Instant.now()));
		log.warn("{}: left for the next run: {}", file.printable(), note);
	}

	private void quarantine(long fileId, String reason, InboxFile file) {
		this.jdbc.update("UPDATE upload_file SET reason = ?, stage = 'DONE' WHERE file_id = ?", reason, fileId);
		log.warn("{}: quarantined: {}", file.printable(), Fold.printable(reason));
	}

	private long insertFile(InboxFile file, RunParameters run, String status, Long duplicateOf) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("INSERT INTO upload_file (inbox_date, township_code,"
					+ " township_folder, file_name, file_size, sha256, status, duplicate_of, stage, job_execution_id,"
					+ " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "file_id" });
			statement.setObject(1, run.date());
			statement.setString(2, file.township() == null ? null : file.township().code());
			statement.setString(3, file.storedFolder());
			statement.setString(4, file.storedName());
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
