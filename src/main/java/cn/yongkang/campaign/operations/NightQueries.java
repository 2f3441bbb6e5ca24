package cn.yongkang.campaign.operations;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the tables say about a night's uploads; read-only. */
@Component
class NightQueries {

	private final JdbcTemplate jdbc;

	NightQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<UploadRecord> uploads(LocalDate date) {
		return this.jdbc.query("""
				SELECT f.file_id, f.township_code, t.township_name, f.township_folder, f.file_name, f.file_format,
				       f.status, f.reason, f.rows_read, f.rows_accepted, f.rows_rejected, f.rows_blank, f.rows_warned
				FROM upload_file f LEFT JOIN region_township t ON t.township_code = f.township_code
				WHERE f.inbox_date = ? ORDER BY t.sort_order, f.file_id""",
				(rs, i) -> new UploadRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), integer(rs.getObject(9)),
						integer(rs.getObject(10)), integer(rs.getObject(11)), integer(rs.getObject(12)),
						integer(rs.getObject(13))),
				date);
	}

	/** Registered townships without a loaded (or duplicate) upload that night. */
	List<TownshipRecord> missing(LocalDate date) {
		return this.jdbc.query("""
				SELECT township_code, township_name, township_type FROM region_township t WHERE NOT EXISTS (
				  SELECT 1 FROM upload_file f WHERE f.township_code = t.township_code AND f.inbox_date = ?
				  AND f.status IN ('LOADED', 'DUPLICATE'))
				ORDER BY sort_order""",
				(rs, i) -> new TownshipRecord(rs.getString(1), rs.getString(2), rs.getString(3)), date);
	}

	List<TownshipRecord> townships() {
		return this.jdbc.query(
				"SELECT township_code, township_name, township_type FROM region_township ORDER BY sort_order",
				(rs, i) -> new TownshipRecord(rs.getString(1), rs.getString(2), rs.getString(3)));
	}

	/** The campaigns with executions for the date. */
	List<String> campaignsRun(LocalDate date) {
		return this.jdbc.queryForList(
				"""
						SELECT DISTINCT c.parameter_value FROM batch_job_execution_params c
						JOIN batch_job_execution_params d ON d.job_execution_id = c.job_execution_id AND d.parameter_name = 'date'
						WHERE c.parameter_name = 'campaign' AND d.parameter_value = ? ORDER BY 1""",
				String.class, date.toString());
	}

	/** The newest date any execution was for, null when nothing ran yet. */
	LocalDate latestRunDate() {
		String latest = this.jdbc.queryForObject(
				"SELECT MAX(parameter_value) FROM batch_job_execution_params WHERE parameter_name = 'date'",
				String.class);
		return latest == null ? null : LocalDate.parse(latest);
	}

	private static Integer integer(Object value) {
		return value == null ? null : ((Number) value).intValue();
	}

}
