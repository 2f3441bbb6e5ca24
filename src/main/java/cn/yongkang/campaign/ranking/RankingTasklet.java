package cn.yongkang.campaign.ranking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.registry.Category;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.support.RunParameters;
import cn.yongkang.campaign.support.SqlFile;

/**
 * The ranking stage: one transaction deletes the date's old snapshot, inserts the new one
 * with its provenance, fills its tables from the statistics stage's work figures and runs
 * the night's gaming checks.
 */
@Component
public class RankingTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(RankingTasklet.class);

	private static final List<String> PUBLISH = SqlFile.statements("ranking/publish.sql",
			"statistics/counted_hazards.sql");

	private final NamedParameterJdbcTemplate jdbc;

	public RankingTasklet(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		Campaign campaign = CampaignCatalog.load(run.jobs()).get(run.campaignId());
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("campaignId", campaign.id())
			.addValue("asOf", run.date());
		Integer figures = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM work_township_stats WHERE campaign_id = :campaignId AND as_of = :asOf",
				parameters, Integer.class);
		if (figures == null || figures == 0) {
			throw new IllegalStateException("no statistics for campaign " + campaign.id() + " as of " + run.date()
					+ "; run 'rerun --date " + run.date() + " --from-step statistics'");
		}
		int replaced = this.jdbc.update("DELETE FROM snapshot WHERE campaign_id = :campaignId AND as_of = :asOf",
				parameters);
		Registry registry = Registry.load(run.jobs());
		Provenance provenance = Provenance.of(campaign, registry, run.jobs());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(
				"""
						INSERT INTO snapshot (campaign_id, as_of, created_at, job_execution_id, campaign_name, campaign_start,
						                      campaign_end, settings, registry_fingerprint, template_fingerprint, program_version)
						VALUES (:campaignId, :asOf, :createdAt, :jobExecutionId, :name, :start, :end, :settings, :registry,
						        :template, :version)""",
				new MapSqlParameterSource(parameters.getValues()).addValue("createdAt", Timestamp.from(Instant.now()))
					.addValue("jobExecutionId", run.jobExecutionId())
					.addValue("name", campaign.name())
					.addValue("start", campaign.start())
					.addValue("end", campaign.end())
					.addValue("settings", provenance.settings())
					.addValue("registry", provenance.registryFingerprint())
					.addValue("template", provenance.templateFingerprint())
					.addValue("version", provenance.programVersion()),
				key, new String[] { "snapshot_id" });
		long snapshotId = key.getKey().longValue();
		parameters.addValue("snapshotId", snapshotId)
			.addValue("rankingSize", campaign.rankingSize())
			.addValue("laggingCategory", campaign.lagging().category().name())
			.addValue("laggingVillages", campaign.lagging().villages())
			.addValue("laggingCommunities", campaign.lagging().communities())
			.addValue("minFound", campaign.lagging().minFound());
		parameters.addValue("start", campaign.start())
			.addValue("lastFound", campaign.lastFoundDay(run.date()))
			.addValue("categories", campaign.categories().stream().map(Category::name).toList())
			.addValue("townships", campaign.participants(registry).stream().map(Township::code).toList());
		int written = 0;
		for (String statement : PUBLISH) {
			written += this.jdbc.update(statement, parameters);
		}
		int flags = new GamingChecks(this.jdbc).run(parameters, run.date(), campaign.flags());
		contribution.incrementWriteCount(written + flags);
		log.info("Snapshot {} published for {} as of {} ({} rows, {} gaming-check flags){}", snapshotId, campaign.id(),
				run.date(), written, flags, replaced > 0 ? ", replacing the previous one" : "");
		return RepeatStatus.FINISHED;
	}

}
