package cn.yongkang.campaign.pipeline;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yongkang.campaign.dedupe.DedupeTasklet;
import cn.yongkang.campaign.ingest.IngestTasklet;
import cn.yongkang.campaign.ranking.RankingTasklet;
import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.RegistrySync;
import cn.yongkang.campaign.report.ReportTasklet;
import cn.yongkang.campaign.statistics.StatisticsTasklet;
import cn.yongkang.campaign.support.RunParameters;
import cn.yongkang.campaign.validate.ValidateTasklet;

/**
 * The nightly job, stage by stage. Step names are stable strings: restarts find the
 * failed step by name, so renaming one breaks the restart of executions made before.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

	static final String JOB_NAME = "nightly";

	/** The stages in the order they run; a rerun starts at one of them. */
	static final List<String> STAGES = List.of("ingest", "validate", "dedupe", "statistics", "ranking", "report");

	@Bean
	Job nightlyJob(JobRepository repository, PlatformTransactionManager transactionManager, RegistrySync registrySync,
			RunningExecutions running, RunObserver observer, ObservationRegistry observations, IngestTasklet ingest,
			ValidateTasklet validate, DedupeTasklet dedupe, StatisticsTasklet statistics, RankingTasklet ranking,
			ReportTasklet report) {
		Stages stages = new Stages(repository, transactionManager, observer, observations, running);
		return new org.springframework.batch.core.job.builder.JobBuilder(JOB_NAME, repository)
			.listener(syncRegistry(registrySync))
			.listener(running)
			.listener((JobExecutionListener) observer)
			.start(stages.step("ingest", ingest))
			.next(stages.step("validate", validate))
			.next(stages.step("dedupe", dedupe))
			.next(stages.step("statistics", statistics))
			.next(stages.step("ranking", ranking))
			.next(stages.step("report", report))
			.build();
	}

	/**
	 * Every execution, restarts included, first mirrors the registry files into the
	 * database.
	 */
	private static JobExecutionListener syncRegistry(RegistrySync registrySync) {
		return new JobExecutionListener() {
			@Override
			public void beforeJob(JobExecution execution) {
				String jobs = execution.getJobParameters().getString(RunParameters.JOBS);
				registrySync.sync(Registry.load(java.nio.file.Path.of(jobs)));
			}
		};
	}

	/**
	 * Builds the steps; they are not beans, so they get the observation registry here.
	 */
	private record Stages(JobRepository repository, PlatformTransactionManager transactionManager, RunObserver observer,
			ObservationRegistry observations, RunningExecutions running) {

		Step step(String name, Tasklet tasklet) {
			return new StepBuilder(name, this.repository)
				.tasklet(new StageGate(name, tasklet, this.running), this.transactionManager)
				.listener(this.observer)
				.observationRegistry(this.observations)
				.build();
		}

	}

}
