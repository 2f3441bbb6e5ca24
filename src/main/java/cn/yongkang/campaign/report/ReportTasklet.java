package cn.yongkang.campaign.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.support.RunParameters;

/** The report stage: bulletin and tables from the date's published snapshot. */
@Component
public class ReportTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

	private final SnapshotReader snapshots;

	public ReportTasklet(SnapshotReader snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		Campaign campaign = CampaignCatalog.load(run.jobs()).get(run.campaignId());
		Registry registry = Registry.load(run.jobs());
		Snapshot snapshot = this.snapshots.read(campaign.id(), run.date(),
				campaign.participants(registry).stream().map(Township::code).toList());
		Bulletin bulletin = Bulletin.compose(snapshot, campaign, BulletinTemplate.load(run.jobs()));
		Path folder = run.reportFolder();
		try {
			ReportFiles.write(folder, bulletin, snapshot);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the report to " + folder
					+ ": check that the reports folder is writable, then restart the execution", ex);
		}
		contribution.incrementWriteCount(ReportFiles.fileNames().size());
		log.info("Report for {} as of {} written to {}", campaign.id(), run.date(), folder);
		return RepeatStatus.FINISHED;
	}

	/** Where the bulletin of a run lies, for the command line to print. */
	public static Path bulletinFile(Path reportFolder) {
		return reportFolder.resolve(ReportFiles.MARKDOWN);
	}

}
