package cn.yongkang.campaign.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.campaign.CampaignException;
import cn.yongkang.campaign.pipeline.LaunchException;
import cn.yongkang.campaign.pipeline.NightlyRuns;
import cn.yongkang.campaign.pipeline.PipelineLauncher;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Folders;
import cn.yongkang.campaign.pipeline.PipelineLauncher.Outcome;

/**
 * One firing of the nightly trigger. The night it processes follows from the scheduled
 * fire time, not from the clock, so a misfired night run late still processes the right
 * inbox.
 */
@DisallowConcurrentExecution
public class NightlyQuartzJob implements Job {

	static final String INBOX = "inbox";

	static final String JOBS = "jobs";

	static final String REPORTS = "reports";

	static final String DAYS_BEFORE = "daysBefore";

	static final String ZONE = "zone";

	private static final Logger log = LoggerFactory.getLogger(NightlyQuartzJob.class);

	private final PipelineLauncher launcher;

	private final NightlyRuns runs;

	public NightlyQuartzJob(PipelineLauncher launcher, NightlyRuns runs) {
		this.launcher = launcher;
		this.runs = runs;
	}

	@Override
	public void execute(JobExecutionContext context) {
		JobDataMap data = context.getMergedJobDataMap();
		ZoneId zone = ZoneId.of(data.getString(ZONE));
		LocalDate date = context.getScheduledFireTime()
			.toInstant()
			.atZone(zone)
			.toLocalDate()
			.minusDays(data.getInt(DAYS_BEFORE));
		Path jobs = Path.of(data.getString(JOBS));
		Campaign campaign;
		try {
			campaign = CampaignCatalog.load(jobs).choose(null, date);
		}
		catch (CampaignException ex) {
			log.warn("Nightly firing for {}: nothing to run: {}", date, ex.getMessage());
			return;
		}
		Path inbox = Path.of(data.getString(INBOX));
		if (!NightlyRuns.hasInbox(inbox, date) && this.runs.forDate(campaign.id(), date).isEmpty()) {
			log.warn("Nightly firing for {}: no inbox folder {}: nothing uploaded, nothing run or published", date,
					inbox.resolve(date.toString()));
			this.runs.noteEmptyNight(inbox, date);
			return;
		}
		try {
			Outcome outcome = this.launcher.run(campaign.id(), date,
					new Folders(inbox, jobs, Path.of(data.getString(REPORTS))));
			if (outcome.alreadyDone()) {
				log.info("Nightly firing for {}: already done by execution {}", date, outcome.execution().getId());
			}
			else {
				log.info("Nightly firing for {}: execution {} ended {}", date, outcome.execution().getId(),
						outcome.execution().getStatus());
			}
		}
		catch (LaunchException ex) {
			log.warn("Nightly firing for {} did not run: {}", date, ex.getMessage());
		}
	}

}
