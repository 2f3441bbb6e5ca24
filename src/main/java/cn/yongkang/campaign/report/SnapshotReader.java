package cn.yongkang.campaign.report;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a published snapshot and the night's upload ledger for the report. */
@Component
class SnapshotReader {

	private final JdbcTemplate jdbc;

	SnapshotReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Snapshot read(String campaignId, LocalDate asOf, List<String> participantCodes) {
		List<Long> ids = this.jdbc.queryForList("SELECT snapshot_id FROM snapshot WHERE campaign_id = ? AND as_of = ?",
				Long.class, campaignId, asOf);
		if (ids.isEmpty()) {
			throw new IllegalStateException("no snapshot for campaign " + campaignId + " as of " + asOf
					+ "; run 'rerun --date " + asOf + " --from-step statistics'");
		}
		long id = ids.get(0);
		return new Snapshot(id, campaignId, asOf,
				this.jdbc.query("""
						SELECT s.township_code, s.township_name, s.category, s.hazards_found, s.hazards_rectified,
						       s.rectification_rate
						FROM township_stats s JOIN region_township t ON t.township_code = s.township_code
						JOIN category c ON c.category = s.category
						WHERE s.snapshot_id = ? ORDER BY t.sort_order, c.sort_order""",
						(rs, i) -> new Snapshot.TownshipFigure(rs.getString(1), rs.getString(2), rs.getString(3),
								rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6)),
						id),
				this.jdbc.query("""
						SELECT t.township_name, v.village_code, v.village_name, v.village_kind, v.category,
						       v.hazards_found, v.hazards_rectified, v.rectification_rate
						FROM village_stats v JOIN region_township t ON t.township_code = v.township_code
						JOIN category c ON c.category = v.category
						WHERE v.snapshot_id = ? ORDER BY t.sort_order, v.village_code, c.sort_order""",
						(rs, i) -> new Snapshot.VillageFigure(rs.getString(1), rs.getString(2), rs.getString(3),
								rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8)),
						id),
				this.jdbc
					.query("""
							SELECT category, metric, side, position, township_code, township_name, value, tied
							FROM township_ranking WHERE snapshot_id = ? ORDER BY category, metric, side, position, township_code""",
							(rs, i) -> new Snapshot.Ranked(rs.getString(1), rs.getString(2), rs.getString(3),
									rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
									rs.getBoolean(8)),
							id),
				this.jdbc.query(
						"""
								SELECT category, village_kind, position, township_name, village_code, village_name, hazards_found,
								       hazards_rectified, rectification_rate
								FROM lagging_village WHERE snapshot_id = ? ORDER BY category, village_kind, position""",
						(rs, i) -> new Snapshot.Lagging(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
								rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9)),
						id),
				staleTownships(asOf, participantCodes));
	}

	/**
	 * Participating townships with no readable upload that night: their figures are
	 * older.
	 */
	private List<String> staleTownships(LocalDate date, List<String> participantCodes) {
		return this.jdbc.query("""
				SELECT township_code, township_name FROM region_township t
				WHERE NOT EXISTS (SELECT 1 FROM upload_file f WHERE f.township_code = t.township_code
				                  AND f.inbox_date = ? AND f.status IN ('LOADED', 'DUPLICATE'))
				ORDER BY sort_order""", (rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, date)
			.stream()
			.filter((t) -> participantCodes.contains(t[0]))
			.map((t) -> t[1])
			.toList();
	}

}
