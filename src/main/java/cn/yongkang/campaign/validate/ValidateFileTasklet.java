package cn.yongkang.campaign.validate;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.support.RunParameters;

/**
 * The per-file work of validate, one partition, for a file whose rows were staged but not
 * validated while read (a rerun from validate, a run that stopped after ingest): its
 * staged rows go through {@link FileValidation} in one transaction.
 */
@Component
@StepScope
public class ValidateFileTasklet implements Tasklet {

	private static final int FETCH_SIZE = 2000;

	private static final String SELECT_STAGED = "SELECT row_number, hazard_ref, township, village, category,"
			+ " premises, address, hazard, found_on, status, rectified_on, inspector, contact"
			+ " FROM staged_row WHERE file_id = ? ORDER BY row_number";

	private final JdbcTemplate jdbc;

	private final FileValidation validation;

	private final long fileId;

	ValidateFileTasklet(JdbcTemplate jdbc, FileValidation validation,
			@Value("#{stepExecutionContext['" + ValidatePartitioner.FILE_ID + "']}") long fileId) {
		this.jdbc = jdbc;
		this.validation = validation;
		this.fileId = fileId;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(contribution.getStepExecution());
		String townshipCode = this.jdbc.queryForObject("SELECT township_code FROM upload_file WHERE file_id = ?",
				String.class, this.fileId);
		FileValidation.Verdicts verdicts = this.validation.open(run, this.fileId, townshipCode);
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(SELECT_STAGED);
			statement.setFetchSize(FETCH_SIZE);
			statement.setLong(1, this.fileId);
			return statement;
		}, (rs) -> {
			String[] values = new String[RowValidator.VALUE_COLUMNS.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = rs.getString(i + 2);
			}
			contribution.incrementReadCount();
			verdicts.add(rs.getInt(1), values);
		});
		verdicts.finish();
		contribution.incrementWriteCount(verdicts.accepted());
		contribution.incrementFilterCount(verdicts.rejected());
		return RepeatStatus.FINISHED;
	}

}
