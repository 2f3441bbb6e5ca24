package cn.yongkang.campaign.ingest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yongkang.campaign.registry.Registries;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.support.Fold;
import cn.yongkang.campaign.support.RunParameters;

/**
 * Splits the night's ingest into one partition per file to read. In one thread and one
 * transaction it scans the inbox, fingerprints every file, decides what is a duplicate or
 * has no township, and records each file in {@code upload_file} with its upload order (a
 * township's files apply in file-name order); each partition then carries only its file's
 * id, so any thread (or, later, another process) can read it. Run again on a restart, it
 * records nothing twice and hands out the files that were not read yet.
 */
@Component
@StepScope
public class InboxPartitioner implements Partitioner {

	/** The partition's file, in its step execution context. */
	public static final String FILE_ID = "fileId";

	/**
	 * Where the partition's file lies, relative to the night's inbox folder (the stored
	 * name may be cut). The size and SHA-256 the scan saw are in its upload_file row.
	 */
	static final String PATH = "path";

	private static final Logger log = LoggerFactory.getLogger(InboxPartitioner.class);

	private final JdbcTemplate jdbc;

	private final Registries registries;

	private final TransactionTemplate transaction;

	private final StepExecution stepExecution;

	/**
	 * How long a file must be left alone before it is read: it may still be uploading.
	 */
	private final Duration settle;

	InboxPartitioner(JdbcTemplate jdbc, Registries registries, PlatformTransactionManager transactionManager,
			@Value("#{stepExecution}") StepExecution stepExecution,
			@Value("${campaign.inbox.settle:60s}") Duration settle) {
		this.jdbc = jdbc;
		this.registries = registries;
		this.transaction = new TransactionTemplate(transactionManager);
		this.stepExecution = stepExecution;
		this.settle = settle;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		RunParameters run = RunParameters.of(this.stepExecution);
		return this.transaction.execute((status) -> {
			Map<String, InboxFile> scanned = record(run);
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			this.jdbc.query("SELECT file_id, township_folder || '/' || file_name || '/' || sha256 FROM upload_file"
					+ " WHERE inbox_date = ? AND status = 'LOADED' AND stage = 'STAGED' AND rows_read IS NULL"
					+ " ORDER BY upload_order", (rs) -> {
						long fileId = rs.getLong(1);
						InboxFile file = scanned.get(rs.getString(2));
						if (file == null) {
							// Recorded by an earlier attempt, gone from the inbox since.
							this.jdbc.update("UPDATE upload_file SET status = 'QUARANTINED', reason = ?, stage = 'DONE'"
									+ " WHERE file_id = ?", InboxScanner.UNREADABLE_FILE, fileId);
							return;
						}
						ExecutionContext context = new ExecutionContext();
						context.putLong(FILE_ID, fileId);
						context.putString(PATH, run.inboxForDate().relativize(file.path()).toString());
						partitions.put("partition" + fileId, context);
					}, run.date());
			return partitions;
		});
	}

	/**
	 * Records the files not recorded yet; returns every scanned file by its stored key.
	 */
	private Map<String, InboxFile> record(RunParameters run) {
		Registry registry = this.registries.forExecution(run.jobs(), run.jobExecutionId());
		List<InboxFile> files = InboxScanner.scan(run.inboxForDate(), registry, this.settle);
		Set<String> recorded = this.jdbc
			.queryForList(
					"SELECT township_folder || '/' || file_name || '/' || sha256 FROM upload_file WHERE inbox_date = ?",
					String.class, run.date())
			.stream()
			.collect(Collectors.toSet());
		Map<String, InboxFile> scanned = new HashMap<>();
		int order = 0;
		int added = 0;
		for (InboxFile file : files) {
			order++;
			if (file.deferral() != null) {
				leaveForNextRun(file, file.deferral(), run);
				continue;
			}
			String key = file.storedFolder() + "/" + file.storedName() + "/" + file.sha256();
			scanned.put(key, file);
			if (!recorded.contains(key)) {
				insert(file, run, order);
				added++;
			}
		}
		log.info("Inbox {}: {} files, {} newly recorded", run.inboxForDate(), files.size(), added);
		return scanned;
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

	private void insert(InboxFile file, RunParameters run, int order) {
		String status = "LOADED";
		String reason = null;
		Long duplicateOf = null;
		if (file.problem() != null) {
			status = "QUARANTINED";
			reason = file.problem();
			log.warn("{}: quarantined: {}", file.printable(), Fold.printable(reason));
		}
		else if (file.township() == null) {
			status = "QUARANTINED";
			reason = file.folder().isEmpty() ? FileProblems.NOT_IN_TOWNSHIP_FOLDER
					: FileProblems.unknownFolder(file.storedFolder());
			log.warn("{}: quarantined: {}", file.printable(), Fold.printable(reason));
		}
		else {
			// The same content from the same township again: nothing new to read. (From
			// another township it is read, and its rows are rejected as another
			// township's, which the clerk should see.)
			List<Map<String, Object>> earlier = this.jdbc.queryForList(
					"SELECT file_id, inbox_date, file_name FROM upload_file WHERE sha256 = ? AND township_code = ?"
							+ " AND status = 'LOADED' ORDER BY inbox_date, upload_order FETCH FIRST 1 ROWS ONLY",
					file.sha256(), file.township().code());
			if (!earlier.isEmpty()) {
				Map<String, Object> first = earlier.get(0);
				status = "DUPLICATE";
				duplicateOf = ((Number) first.get("file_id")).longValue();
				reason = "与" + first.get("inbox_date") + "已上传的“" + first.get("file_name") + "”内容完全相同，未重复处理";
				log.info("{}: same content as file {} (SHA-256), not processed again", file.printable(), duplicateOf);
			}
		}
		this.jdbc.update(
				"INSERT INTO upload_file (inbox_date, township_code, township_folder, file_name, file_size, sha256,"
						+ " status, reason, duplicate_of, stage, upload_order, job_execution_id, received_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				run.date(), file.township() == null ? null : file.township().code(), file.storedFolder(),
				file.storedName(), file.size(), file.sha256(), status, reason, duplicateOf,
				"LOADED".equals(status) ? "STAGED" : "DONE", order, run.jobExecutionId(),
				Timestamp.from(Instant.now()));
	}

}
