package cn.yongkang.campaign.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quarantined file keeps nothing of what was read or validated before it failed: its
 * savepoint took its staged rows and verdicts with it.
 */
public final class QuarantinedRows {

	private QuarantinedRows() {
	}

	public static void assertNone(JdbcTemplate jdbc) {
		for (String table : List.of("staged_row", "validated_row", "rejected_row")) {
			assertThat(jdbc.queryForObject(
					"SELECT COUNT(*) FROM " + table
							+ " r JOIN upload_file f ON f.file_id = r.file_id WHERE f.status = 'QUARANTINED'",
					Integer.class))
				.as("%s rows of quarantined files", table)
				.isZero();
		}
	}

}
