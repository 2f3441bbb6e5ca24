package cn.yongkang.campaign.validate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.support.RunParameters;

/**
 * One validate partition per staged file of the night, named by its file id, so a restart
 * finds the partitions it had and redoes only those that did not finish.
 */
@Component
@StepScope
public class ValidatePartitioner implements Partitioner {

	/** The partition's file, in its step execution context. */
	public static final String FILE_ID = "fileId";

	private final JdbcTemplate jdbc;

	private final StepExecution stepExecution;

	ValidatePartitioner(JdbcTemplate jdbc, @Value("#{stepExecution}") StepExecution stepExecution) {
		this.jdbc = jdbc;
		this.stepExecution = stepExecution;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		this.jdbc.query("SELECT file_id FROM upload_file WHERE inbox_date = ? AND status = 'LOADED'"
				+ " AND stage = 'STAGED' ORDER BY upload_order", (rs) -> {
					ExecutionContext context = new ExecutionContext();
					context.putLong(FILE_ID, rs.getLong(1));
					partitions.put("partition" + rs.getLong(1), context);
				}, RunParameters.of(this.stepExecution).date());
		return partitions;
	}

}
