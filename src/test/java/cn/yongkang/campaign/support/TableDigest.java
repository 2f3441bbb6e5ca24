package cn.yongkang.campaign.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pipeline's tables by their natural keys (file names, identity keys, dates), without
 * the generated ids and timestamps that differ between two databases: two runs that
 * should agree must give equal digests.
 */
public final class TableDigest {

	private static final Map<String, String> QUERIES = new LinkedHashMap<>();

	static {
		QUERIES.put("upload_file",
				"""
						SELECT inbox_date || '|' || township_folder || '|' || file_name || '|' || status || '|'
						       || COALESCE(reason, '') || '|' || COALESCE(CAST(rows_read AS VARCHAR), '') || '|'
						       || COALESCE(CAST(rows_accepted AS VARCHAR), '') || '|' || COALESCE(CAST(rows_rejected AS VARCHAR), '')
						       || '|' || COALESCE(CAST(rows_blank AS VARCHAR), '') || '|' || stage
						FROM upload_file""");
		QUERIES.put("staged_row", """
				SELECT f.inbox_date || '|' || f.file_name || '|' || s.row_number FROM staged_row s
				JOIN upload_file f ON f.file_id = s.file_id""");
		QUERIES.put("rejected_row", """
				SELECT f.inbox_date || '|' || f.file_name || '|' || r.row_number || '|' || r.reasons FROM rejected_row r
				JOIN upload_file f ON f.file_id = r.file_id""");
		QUERIES.put("validated_row",
				"""
						SELECT f.inbox_date || '|' || f.file_name || '|' || v.row_number || '|' || v.identity_key || '|' || o.outcome
						FROM validated_row v JOIN upload_file f ON f.file_id = v.file_id
						JOIN validated_row_outcome o ON o.file_id = v.file_id AND o.row_number = v.row_number""");
		QUERIES.put("hazard",
				"""
						SELECT h.township_code || '|' || h.identity_key || '|' || h.status || '|' || h.found_on || '|'
						       || COALESCE(CAST(h.rectified_on AS VARCHAR), '') || '|' || h.regressed || '|' || ff.file_name || '|'
						       || lf.inbox_date || '/' || lf.file_name
						FROM hazard h JOIN upload_file ff ON ff.file_id = h.first_file_id
						JOIN upload_file lf ON lf.file_id = h.last_file_id""");
		QUERIES.put("hazard_history",
				"""
						SELECT h.identity_key || '|' || f.inbox_date || '|' || f.file_name || '|' || x.row_number || '|'
						       || x.change_kind || '|' || x.status
						FROM hazard_history x JOIN hazard h ON h.hazard_id = x.hazard_id JOIN upload_file f ON f.file_id = x.file_id""");
		QUERIES.put("snapshot", "SELECT campaign_id || '|' || as_of FROM snapshot");
		QUERIES.put("township_stats", """
				SELECT n.as_of || '|' || s.township_code || '|' || s.category || '|' || s.hazards_found || '|'
				       || s.hazards_rectified || '|' || COALESCE(CAST(s.rectification_rate AS VARCHAR), '')
				FROM township_stats s JOIN snapshot n ON n.snapshot_id = s.snapshot_id""");
		QUERIES.put("village_stats", """
				SELECT n.as_of || '|' || s.village_code || '|' || s.category || '|' || s.hazards_found || '|'
				       || s.hazards_rectified FROM village_stats s JOIN snapshot n ON n.snapshot_id = s.snapshot_id""");
		QUERIES.put("township_ranking", """
				SELECT n.as_of || '|' || r.category || '|' || r.metric || '|' || r.side || '|' || r.position || '|'
				       || r.township_code || '|' || r.tied
				FROM township_ranking r JOIN snapshot n ON n.snapshot_id = r.snapshot_id""");
		QUERIES.put("lagging_village", """
				SELECT n.as_of || '|' || l.village_kind || '|' || l.position || '|' || l.village_code
				FROM lagging_village l JOIN snapshot n ON n.snapshot_id = l.snapshot_id""");
	}

	private TableDigest() {
	}

	/** Table name to its rows as sorted text. */
	public static Map<String, List<String>> of(JdbcTemplate jdbc) {
		Map<String, List<String>> digest = new LinkedHashMap<>();
		QUERIES.forEach(
				(table, sql) -> digest.put(table, jdbc.queryForList(sql, String.class).stream().sorted().toList()));
		return digest;
	}

}
