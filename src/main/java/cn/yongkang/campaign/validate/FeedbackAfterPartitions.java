package cn.yongkang.campaign.validate;

import java.util.Collection;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.bulk.Database;
import cn.yongkang.campaign.support.RunParameters;

/**
 * Ends the validate step once its partitions are in: their counts add up into the step,
 * and when every file is validated, the planner learns the new rows (dedupe joins them
 * next) and the night's feedback workbooks are written. Part of the step, so a failure
 * here fails it and a restart does it again.
 */
@Component
public class FeedbackAfterPartitions implements StepExecutionAggregator {

	private final StepExecutionAggregator counts = new DefaultStepExecutionAggregator();

	private final FeedbackWorkbooks feedback;

	private final Database database;

	FeedbackAfterPartitions(FeedbackWorkbooks feedback, Database database) {
		this.feedback = feedback;
		this.database = database;
	}

	@Override
	public void aggregate(StepExecution result, Collection<StepExecution> executions) {
		this.counts.aggregate(result, executions);
		if (result.getStatus() == BatchStatus.COMPLETED) {
			this.database.analyze("validated_row");
			this.feedback.write(RunParameters.of(result));
		}
	}

}
