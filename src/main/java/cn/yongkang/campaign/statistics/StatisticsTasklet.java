package cn.yongkang.campaign.statistics;

import java.util.List;

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
import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.registry.Category;
import cn.yongkang.campaign.registry.Registries;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.support.RunParameters;
import cn.yongkang.campaign.support.SqlFile;

/**
 * The statistics stage: one transaction that replaces this date's work figures. Its
 * working set is emptied at the end, so the next night starts from an empty table.
 */
@Component
public class StatisticsTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(StatisticsTasklet.class);

	private static final List<String> STATISTICS = SqlFile.statements("statistics/statistics.sql",
			"statistics/counted_hazards.sql");

	private final NamedParameterJdbcTemplate jdbc;

	private final Database database;

	private final Registries registries;

	public StatisticsTasklet(NamedParameterJdbcTemplate jdbc, Database database, Registries registries) {
		this.jdbc = jdbc;
		this.database = database;
		this.registries = registries;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		Campaign campaign = CampaignCatalog.load(run.jobs()).get(run.campaignId());
		Registry registry = this.registries.forExecution(run.jobs(), run.jobExecutionId());
		// Dedupe has just grown both by up to a night's rows: plan with their real sizes.
		this.database.analyze("hazard", "hazard_history");
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("campaignId", campaign.id())
			.addValue("asOf", run.date())
			.addValue("start", campaign.start())
			.addValue("lastFound", campaign.lastFoundDay(run.date()))
			.addValue("categories", campaign.categories().stream().map(Category::name).toList())
			.addValue("townships", campaign.participants(registry).stream().map(Township::code).toList());
		int groups = 0;
		int figures = 0;
		for (String statement : STATISTICS) {
			int rows = this.jdbc.update(statement, parameters);
			if (statement.contains("INSERT INTO work_hazard_group")) {
				groups = rows;
			}
			else if (SqlFile.verb(statement).equals("INSERT")) {
				figures += rows;
			}
		}
		contribution.incrementWriteCount(figures);
		log.info("Statistics for {} as of {}: {} groups of hazards counted, {} township and village figures",
				campaign.id(), run.date(), groups, figures);
		return RepeatStatus.FINISHED;
	}

}
