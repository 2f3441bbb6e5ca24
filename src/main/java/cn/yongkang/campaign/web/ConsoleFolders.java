package cn.yongkang.campaign.web;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.pipeline.PipelineLauncher.Folders;
import cn.yongkang.campaign.schedule.NightlySchedule;

/**
 * The folders {@code serve} was given: a night started from the console uses them, as
 * {@code run} would with the same options. Without {@code --inbox}, the schedule's.
 */
@Component
@ConditionalOnWebApplication
class ConsoleFolders {

	private final Folders folders;

	ConsoleFolders(@Value("${campaign.console.jobs:jobs}") String jobs,
			@Value("${campaign.console.reports:reports}") String reports,
			@Value("${campaign.console.inbox:}") String inbox) {
		Path jobsFolder = Path.of(jobs);
		Path inboxFolder = inbox.isBlank() ? NightlySchedule.load(jobsFolder).inbox() : Path.of(inbox);
		this.folders = new Folders(inboxFolder, jobsFolder, Path.of(reports));
	}

	Folders folders() {
		return this.folders;
	}

}
