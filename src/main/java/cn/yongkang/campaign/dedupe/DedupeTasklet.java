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
 * The dedupe stage. Each call merges one round of validated files into {@code hazard} in
 * one transaction: every township's next file in upload order (a township's files of one
 * night in file-name order, fixed when the night was scanned), so a township's later file
 * of the night wins. A night where each township sent one file is one round.
 */
@Component
public class DedupeTasklet implements Tasklet, RerunReset {

	private static final Logger log = LoggerFactory.getLogger(DedupeTasklet.class);

	private static final List<String> MERGE_ROUND = SqlFile.statements("dedupe/merge_round.sql");

	/**
	 * A round: each township's first file of the night (in upload order) not merged yet.
	 * Townships never share a hazard, so a round's files merge together.
	 */
	private static final String NEXT_ROUND = """
			SELECT f.file_id FROM upload_file f
			WHERE f.inbox_date = :date AND f.status = 'LOADED' AND f.stage = 'VALIDATED'
			  AND NOT EXISTS (SELECT 1 FROM upload_file e
			                  WHERE e.inbox_date = f.inbox_date AND e.township_code = f.township_code
			                    AND e.status = 'LOADED' AND e.stage = 'VALIDATED' AND e.upload_order < f.upload_order)
			ORDER BY f.upload_order""";

	private final NamedParameterJdbcTemplate jdbc;

	private final Database database;

	public DedupeTasklet(NamedParameterJdbcTemplate jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		List<Long> round = this.jdbc.queryForList(NEXT_ROUND, Map.of("date", run.date()), Long.class);
		if (round.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		// Plan with the tables' real sizes (the night's first round grows them from
		// nothing; validate has analyzed its rows), and join them by hashing: a nested
		// loop over a table the same statement is filling rescans its growing heap for
		// every row.
		this.database.analyzeIfGrown("hazard");
		this.database.analyzeIfGrown("hazard_history");
		this.database.preferHashJoins();
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("fileIds", round)
			.addValue("inboxDate", run.date());
		// A round adds at most its accepted rows as hazards and as history.
		long accepted = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(rows_accepted), 0) FROM upload_file WHERE file_id IN (:fileIds)", parameters,
				Long.class);
		this.database.loadMany(accepted, () -> {
			for (String statement : MERGE_ROUND) {
				this.jdbc.update(statement, parameters);
			}
		}, "hazard", "hazard_history");
		Map<String, Integer> outcomes = this.jdbc.queryForList(
				"SELECT outcome, COUNT(*) AS n FROM validated_row_outcome WHERE file_id IN (:fileIds) GROUP BY outcome",
				parameters)
			.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("outcome"),
					(row) -> ((Number) row.get("n")).intValue()));
		contribution.incrementFilterCount(outcomes.getOrDefault("UNCHANGED", 0) + outcomes.getOrDefault("REPEATED", 0));
		contribution.incrementWriteCount(outcomes.getOrDefault("NEW", 0) + outcomes.getOrDefault("UPDATED", 0)
				+ outcomes.getOrDefault("REGRESSED", 0));
		log.info("Files {}: {} new, {} updated, {} regressed (flagged), {} unchanged, {} repeated in a file", round,
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
		this.jdbc.update(
				"UPDATE validated_row SET outcome = NULL WHERE outcome IS NOT NULL AND file_id IN (" + files + ")",
				date);
		int reset = this.jdbc.update("UPDATE upload_file SET stage = 'VALIDATED' WHERE inbox_date = :date"
				+ " AND status = 'LOADED' AND stage = 'DEDUPED'", date);
		log.info("Rerun from dedupe: {} files of {} will be merged again", reset, run.date());
	}

}
