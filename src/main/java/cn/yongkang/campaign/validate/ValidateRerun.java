package cn.yongkang.campaign.validate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yongkang.campaign.support.RerunReset;
import cn.yongkang.campaign.support.RunParameters;

/**
 * A rerun from validate (after a registry fix, say) validates the night's staged rows
 * again: their earlier verdicts go first.
 */
@Component
public class ValidateRerun implements RerunReset {

	private static final Logger log = LoggerFactory.getLogger(ValidateRerun.class);

	private final JdbcTemplate jdbc;

	public ValidateRerun(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void resetForRerun(RunParameters run) {
		String files = "SELECT file_id FROM upload_file WHERE inbox_date = ? AND status = 'LOADED'";
		this.jdbc.update("DELETE FROM validated_row WHERE file_id IN (" + files + ")", run.date());
		this.jdbc.update("DELETE FROM rejected_row WHERE file_id IN (" + files + ")", run.date());
		int reset = this.jdbc
			.update("UPDATE upload_file SET stage = 'STAGED', rows_accepted = NULL, rows_rejected = NULL,"
					+ " rows_warned = NULL WHERE inbox_date = ? AND status = 'LOADED'", run.date());
		log.info("Rerun from validate: {} files of {} will be validated again", reset, run.date());
	}

}
