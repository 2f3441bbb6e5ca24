package cn.yongkang.campaign.web;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The published figures, read from the snapshot tables as analysts read them: rows keep
 * their column names (township_code, hazards_found, rectification_rate, tied, ...).
 */
@Component
@ConditionalOnWebApplication
class SnapshotQueries {

	private final JdbcTemplate jdbc;

	SnapshotQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Map<String, Object>> latest() {
		return first(rows("""
				SELECT snapshot_id, campaign_id, campaign_name, as_of, created_at, job_execution_id FROM snapshot
				ORDER BY as_of DESC, created_at DESC FETCH FIRST 1 ROWS ONLY"""));
	}

	/**
	 * The date's snapshot of the named campaign, or of any campaign when none is named.
	 */
	Optional<Map<String, Object>> snapshot(LocalDate date, String campaignId) {
		return first(rows("""
				SELECT snapshot_id, campaign_id, campaign_name, as_of, created_at, job_execution_id FROM snapshot
				WHERE as_of = ? AND (CAST(? AS VARCHAR) IS NULL OR campaign_id = ?) ORDER BY campaign_id""", date,
				campaignId, campaignId));
	}

	List<Map<String, Object>> categories() {
		return rows("SELECT category, label FROM category ORDER BY sort_order");
	}

	List<Map<String, Object>> townshipStats(long snapshotId) {
		return rows("""
				SELECT s.township_code, s.township_name, s.category, s.hazards_found, s.hazards_rectified,
				       s.rectification_rate
				FROM township_stats s LEFT JOIN region_township t ON t.township_code = s.township_code
				WHERE s.snapshot_id = ? ORDER BY s.category, t.sort_order, s.township_code""", snapshotId);
	}

	List<Map<String, Object>> rankings(long snapshotId) {
		return rows("""
				SELECT category, metric, side, position, township_code, township_name, value, tied
				FROM township_ranking WHERE snapshot_id = ? ORDER BY category, metric, side DESC, position""",
				snapshotId);
	}

	List<Map<String, Object>> lagging(long snapshotId) {
		return rows("""
				SELECT category, village_kind, position, township_code, township_name, village_code, village_name,
				       hazards_found, hazards_rectified, rectification_rate
				FROM lagging_village WHERE snapshot_id = ? ORDER BY category, village_kind, position""", snapshotId);
	}

	List<Map<String, Object>> villages(long snapshotId, String townshipCode) {
		return rows("""
				SELECT township_code, village_code, village_name, village_kind, category, hazards_found,
				       hazards_rectified, rectification_rate
				FROM village_stats WHERE snapshot_id = ? AND township_code = ? ORDER BY village_code, category""",
				snapshotId, townshipCode);
	}

	/** A township's figures in every snapshot of the campaign, oldest first. */
	List<Map<String, Object>> trend(String campaignId, String townshipCode) {
		return rows("""
				SELECT n.as_of, s.category, s.hazards_found, s.hazards_rectified, s.rectification_rate
				FROM township_stats s JOIN snapshot n ON n.snapshot_id = s.snapshot_id
				WHERE n.campaign_id = ? AND s.township_code = ? ORDER BY n.as_of, s.category""", campaignId,
				townshipCode);
	}

	private List<Map<String, Object>> rows(String sql, Object... arguments) {
		return this.jdbc.queryForList(sql, arguments).stream().map(SnapshotQueries::plain).toList();
	}

	/** Dates and times as ISO text, the same on PostgreSQL and H2; keys in lower case. */
	private static Map<String, Object> plain(Map<String, Object> row) {
		Map<String, Object> plain = new LinkedHashMap<>();
		row.forEach((key, value) -> {
			Object converted = value;
			if (value instanceof java.sql.Date date) {
				converted = date.toLocalDate().toString();
			}
			else if (value instanceof Timestamp timestamp) {
				converted = timestamp.toInstant().toString();
			}
			else if (value instanceof LocalDate || value instanceof OffsetDateTime) {
				converted = value.toString();
			}
			plain.put(key.toLowerCase(java.util.Locale.ROOT), converted);
		});
		return plain;
	}

	private static Optional<Map<String, Object>> first(List<Map<String, Object>> rows) {
		return rows.stream().findFirst();
	}

}
