package cn.yongkang.campaign.dedupe;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.bulk.Database;
import cn.yongkang.campaign.support.RerunReset;
import cn.yongkang.campaign.support.RunParameters;
import cn.yongkang.campaign.support.SqlFile;

/**
 * The dedupe stage. Each call merges one validated file into {@code hazard} in one
 * transaction, files in their upload order (a township's files of one night in file-name
 * order, fixed when the night was scanned), so a township's later file of the night wins.
 */
@Component
public class DedupeTasklet implements Tasklet, RerunReset {

	private static final Logger log = LoggerFactory.getLogger(DedupeTasklet.class);

	private static final List<String> MERGE_FILE = SqlFile.statements("dedupe/merge_file.sql");

	private final NamedParameterJdbcTemplate jdbc;

	private final Database database;

	public DedupeTasklet(NamedParameterJdbcTemplate jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		List<Long> next = this.jdbc.queryForList("SELECT file_id FROM upload_file WHERE inbox_date = :date"
				+ " AND status = 'LOADED' AND stage = 'VALIDATED' ORDER BY upload_order FETCH FIRST 1 ROWS ONLY",
				Map.of("date", run.date()), Long.class);
		if (next.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		long fileId = next.get(0);
		// The night's first files grow hazard and its history from few rows to many.
		this.database.analyzeIfGrown("hazard");
		this.database.analyzeIfGrown("hazard_history");
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("fileId", fileId)
			.addValue("inboxDate", run.date());
		for (String statement : MERGE_FILE) {
			this.jdbc.update(statement, parameters);
		}
		Map<String, Integer> outcomes = this.jdbc
			.queryForList("SELECT outcome, COUNT(*) AS n FROM validated_row WHERE file_id = :fileId GROUP BY outcome",
					parameters)
			.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("outcome"),
					(row) -> ((Number) row.get("n")).intValue()));
		contribution.incrementFilterCount(outcomes.getOrDefault("UNCHANGED", 0) + outcomes.getOrDefault("REPEATED", 0));
		contribution.incrementWriteCount(outcomes.getOrDefault("NEW", 0) + outcomes.getOrDefault("UPDATED", 0)
				+ outcomes.getOrDefault("REGRESSED", 0));
		log.info("File {}: {} new, {} updated, {} regressed (flagged), {} unchanged, {} repeated in the file", fileId,
				outcomes.getOrDefault("NEW", 0), outcomes.getOrDefault("UPDATED", 0),
				outcomes.getOrDefault("REGRESSED", 0), outcomes.getOrDefault("UNCHANGED", 0),
				outcomes.getOrDefault("REPEATED", 0));
		return RepeatStatus.CONTINUABLE;
	}

	/**
	 * A rerun from dedupe merges the night's files again. The merge is idempotent
	 * (history is kept once per hazard and file), so only the outcomes and the progress
	 * marks are reset.
	 */
	@Override
	public void resetForRerun(RunParameters run) {
		Map<String, Object> date = Map.of("date", run.date());
		String files = "SELECT file_id FROM upload_file WHERE inbox_date = :date AND status = 'LOADED'";
		this.jdbc.update("UPDATE validated_row SET outcome = NULL WHERE file_id IN (" + files + ")", date);
		int reset = this.jdbc.update("UPDATE upload_file SET stage = 'VALIDATED' WHERE inbox_date = :date"
				+ " AND status = 'LOADED' AND stage = 'DEDUPED'", date);
		log.info("Rerun from dedupe: {} files of {} will be merged again", reset, run.date());
	}

}
