package cn.yongkang.campaign.pipeline;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yongkang.campaign.dedupe.DedupeTasklet;
import cn.yongkang.campaign.ingest.InboxPartitioner;
import cn.yongkang.campaign.ingest.IngestFileTasklet;
import cn.yongkang.campaign.ranking.RankingTasklet;
import cn.yongkang.campaign.registry.Registries;
import cn.yongkang.campaign.registry.RegistrySync;
import cn.yongkang.campaign.report.ReportTasklet;
import cn.yongkang.campaign.statistics.StatisticsTasklet;
import cn.yongkang.campaign.support.RerunReset;
import cn.yongkang.campaign.support.RunParameters;
import cn.yongkang.campaign.validate.FeedbackAfterPartitions;
import cn.yongkang.campaign.validate.ValidateFileTasklet;
import cn.yongkang.campaign.validate.ValidatePartitioner;
import cn.yongkang.campaign.validate.ValidateRerun;

/**
 * The nightly job, stage by stage. Step names are stable strings: restarts find the
 * failed step by name, so renaming one breaks the restart of executions made before.
 * Ingest and validate are split by file: a partitioner hands each file's id to a worker
 * step (partition steps are named {@code ingest:partition<fileId>}), which runs on
 * {@code campaign.threads} threads ({@code --threads N}; 0, the default, means one per
 * core).
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

	static final String JOB_NAME = "nightly";

	/** The stages in the order they run; a rerun starts at one of them. */
	static final List<String> STAGES = List.of("ingest", "validate", "dedupe", "statistics", "ranking", "report");

	@Bean
	Job nightlyJob(JobRepository repository, PlatformTransactionManager transactionManager, RegistrySync registrySync,
			Registries registries, RunningExecutions running, RunObserver observer,
			ObjectProvider<ObservationRegistry> observations, InboxPartitioner inbox, IngestFileTasklet ingestFile,
			ValidatePartitioner staged, ValidateFileTasklet validateFile, ValidateRerun validateRerun,
			FeedbackAfterPartitions feedback, DedupeTasklet dedupe, StatisticsTasklet statistics,
			RankingTasklet ranking, ReportTasklet report, @Value("${campaign.threads:0}") int threads) {
		// The daemons observe the steps (metrics); a one-off command has no registry.
		Stages stages = new Stages(repository, transactionManager, observer,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), running,
				threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
		return new org.springframework.batch.core.job.builder.JobBuilder(JOB_NAME, repository)
			.listener(syncRegistry(registrySync, registries))
			.listener(running)
			.listener((JobExecutionListener) observer)
			.start(stages.partitioned("ingest", inbox, ingestFile, new DefaultStepExecutionAggregator(), null))
			.next(stages.partitioned("validate", staged, validateFile, feedback, validateRerun))
			.next(stages.step("dedupe", dedupe, dedupe))
			.next(stages.step("statistics", statistics, null))
			.next(stages.step("ranking", ranking, null))
			.next(stages.step("report", report, null))
			.build();
	}

	/**
	 * Every execution, restarts included, first mirrors the registry files into the
	 * database.
	 */
	private static JobExecutionListener syncRegistry(RegistrySync registrySync, Registries registries) {
		return new JobExecutionListener() {
			@Override
			public void beforeJob(JobExecution execution) {
				String jobs = execution.getJobParameters().getString(RunParameters.JOBS);
				registrySync.sync(registries.forExecution(java.nio.file.Path.of(jobs), execution.getId()));
			}
		};
	}

	/**
	 * Builds the steps; they are not beans, so they get the observation registry here.
	 */
	private record Stages(JobRepository repository, PlatformTransactionManager transactionManager, RunObserver observer,
			ObservationRegistry observations, RunningExecutions running, int threads) {

		Step step(String name, Tasklet tasklet, RerunReset reset) {
			Step step = new StepBuilder(name, this.repository)
				.tasklet(this.running.stoppable(tasklet), this.transactionManager)
				.listener(this.observer)
				.observationRegistry(this.observations)
				.build();
			return gate(name, step, reset);
		}

		/**
		 * A stage split by file: the partitioner decides the files in one thread, each
		 * worker does one file in one transaction, on {@link #threads} threads.
		 */
		Step partitioned(String name, Partitioner partitioner, Tasklet perFile, StepExecutionAggregator aggregator,
				RerunReset reset) {
			Step worker = gate(name,
					new StepBuilder(name + "File", this.repository).tasklet(perFile, this.transactionManager)
						.observationRegistry(this.observations)
						.build(),
					null);
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(name + "-");
			executor.setConcurrencyLimit(this.threads);
			TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
			handler.setStep(worker);
			handler.setTaskExecutor(executor);
			handler.setGridSize(this.threads);
			Step step = new StepBuilder(name, this.repository).partitioner(name, partitioner)
				.partitionHandler(handler)
				.aggregator(aggregator)
				.listener(this.observer)
				.observationRegistry(this.observations)
				.build();
			return gate(name, step, reset);
		}

		private Step gate(String name, Step step, RerunReset reset) {
			return new StageGate(name, step, reset, this.running, this.repository, this.transactionManager);
		}

	}

}
