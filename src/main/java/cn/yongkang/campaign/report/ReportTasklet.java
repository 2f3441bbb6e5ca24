package cn.yongkang.campaign.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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
		BulletinTemplate template = BulletinTemplate.load(run.jobs());
		Bulletin bulletin = Bulletin.compose(snapshot, campaign, template);
		Path folder = run.reportFolder();
		try {
			ReportFiles.write(folder, bulletin, snapshot, campaign, template);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the report to " + folder
					+ ": check that the reports folder is writable, then restart the execution", ex);
		}
		contribution.incrementWriteCount(ReportFiles.fileNames(run.date()).size());
		log.info("Report for {} as of {} written to {}", campaign.id(), run.date(), folder);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Where the Markdown bulletin of a run lies, for the command line to print; the
	 * folder is {@code reports/<campaign>/<date>/}.
	 */
	public static Path bulletinFile(Path reportFolder) {
		return reportFolder.resolve(ReportFiles.markdown(LocalDate.parse(reportFolder.getFileName().toString())));
	}

	/**
	 * The report files of a date, in a folder {@code reports/<campaign>/<date>/}: .md,
	 * .docx, .xlsx.
	 */
	public static List<Path> reportFiles(Path reportFolder, LocalDate date) {
		return ReportFiles.fileNames(date).stream().map(reportFolder::resolve).toList();
	}

}
