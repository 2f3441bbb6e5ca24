package cn.yongkang.campaign.schedule;

import java.nio.file.Path;
import java.util.Date;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs the nightly trigger in Quartz's JDBC store. An unchanged trigger is left as it
 * is, so that Quartz still sees a night it missed while every daemon was down and fires
 * it once on return.
 */
@Component
public class NightlyTrigger {

	static final JobKey JOB = JobKey.jobKey("nightly", "campaign-pipeline");

	static final TriggerKey TRIGGER = TriggerKey.triggerKey("nightly", "campaign-pipeline");

	private static final Logger log = LoggerFactory.getLogger(NightlyTrigger.class);

	private final ObjectProvider<Scheduler> scheduler;

	/**
	 * Only the daemons have a scheduler; the other commands never install the trigger.
	 */
	public NightlyTrigger(ObjectProvider<Scheduler> scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * @return the next time the trigger fires
	 */
	public Date install(NightlySchedule schedule, Path inbox, Path jobs, Path reports) throws SchedulerException {
		JobDetail job = JobBuilder.newJob(NightlyQuartzJob.class)
			.withIdentity(JOB)
			.usingJobData(NightlyQuartzJob.INBOX, inbox.toAbsolutePath().normalize().toString())
			.usingJobData(NightlyQuartzJob.JOBS, jobs.toAbsolutePath().normalize().toString())
			.usingJobData(NightlyQuartzJob.REPORTS, reports.toAbsolutePath().normalize().toString())
			.usingJobData(NightlyQuartzJob.DAYS_BEFORE, schedule.daysBefore())
			.usingJobData(NightlyQuartzJob.ZONE, schedule.zone().getId())
			.storeDurably()
			.requestRecovery()
			.build();
		Scheduler scheduler = this.scheduler.getObject();
		scheduler.addJob(job, true);
		Trigger existing = scheduler.getTrigger(TRIGGER);
		if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(schedule.cron())
				&& cron.getTimeZone().toZoneId().equals(schedule.zone())) {
			log.info("Nightly trigger unchanged: '{}' {}, next at {}", schedule.cron(), schedule.zone(),
					existing.getNextFireTime());
			return existing.getNextFireTime();
		}
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(TRIGGER)
			.forJob(JOB)
			.withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
				.inTimeZone(TimeZone.getTimeZone(schedule.zone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
		Date next = existing == null ? scheduler.scheduleJob(trigger) : scheduler.rescheduleJob(TRIGGER, trigger);
		log.info("Nightly trigger installed: '{}' {}, next at {}", schedule.cron(), schedule.zone(), next);
		return next;
	}

}
