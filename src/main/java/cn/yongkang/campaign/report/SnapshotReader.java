package cn.yongkang.campaign.report;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a published snapshot, its changes and flags, and the night's upload ledger for
 * the report.
 */
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
		int ordinal = this.jdbc.queryForObject("SELECT COUNT(*) FROM snapshot WHERE campaign_id = ? AND as_of <= ?",
				Integer.class, campaignId, asOf);
		return new Snapshot(id, campaignId, asOf, townships(id), villages(id), rankings(id), lagging(id),
				staleTownships(asOf, participantCodes), ordinal > 1, changes(id), flags(id), flaggedHazards(id),
				ordinal);
	}

	private List<Snapshot.TownshipFigure> townships(long id) {
		return this.jdbc.query("""
				SELECT s.township_code, s.township_name, s.category, s.hazards_found, s.hazards_rectified,
				       s.rectification_rate, s.rate_position
				FROM township_trend s JOIN region_township t ON t.township_code = s.township_code
				JOIN category c ON c.category = s.category
				WHERE s.snapshot_id = ? ORDER BY t.sort_order, c.sort_order""",
				(rs, i) -> new Snapshot.TownshipFigure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getInt(5), rs.getBigDecimal(6), (rs.getObject(7) == null) ? null : rs.getInt(7)),
				id);
	}

	private List<Snapshot.VillageFigure> villages(long id) {
		return this.jdbc.query("""
				SELECT t.township_name, v.village_code, v.village_name, v.village_kind, v.category,
				       v.hazards_found, v.hazards_rectified, v.rectification_rate
				FROM village_stats v JOIN region_township t ON t.township_code = v.township_code
				JOIN category c ON c.category = v.category
				WHERE v.snapshot_id = ? ORDER BY t.sort_order, v.village_code, c.sort_order""",
				(rs, i) -> new Snapshot.VillageFigure(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8)),
				id);
	}

	/**
	 * In reading order: category, found before rate, top (前) before bottom (后), position.
	 */
	private List<Snapshot.Ranked> rankings(long id) {
		return this.jdbc.query("""
				SELECT r.category, r.metric, r.side, r.position, r.township_code, r.township_name, r.value, r.tied
				FROM township_ranking r JOIN category c ON c.category = r.category
				LEFT JOIN region_township t ON t.township_code = r.township_code
				WHERE r.snapshot_id = ?
				ORDER BY c.sort_order, CASE WHEN r.metric = 'hazards_found' THEN 0 ELSE 1 END,
				         CASE WHEN r.side = 'top' THEN 0 ELSE 1 END, r.position, t.sort_order, r.township_code""",
				(rs, i) -> new Snapshot.Ranked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBoolean(8)),
				id);
	}

	private List<Snapshot.Lagging> lagging(long id) {
		return this.jdbc.query("""
				SELECT category, village_kind, position, township_name, village_code, village_name, hazards_found,
				       hazards_rectified, rectification_rate
				FROM lagging_village WHERE snapshot_id = ? ORDER BY category, village_kind, position""",
				(rs, i) -> new Snapshot.Lagging(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9)),
				id);
	}

	/**
	 * Entries and exits of the published lists, found before rate, best position first.
	 */
	private List<Snapshot.Change> changes(long id) {
		return this.jdbc.query("""
				SELECT r.category, r.metric, r.township_code, r.township_name, r.value, r.previous_value,
				       r.entered_list, r.left_list
				FROM ranking_change r LEFT JOIN region_township t ON t.township_code = r.township_code
				WHERE r.snapshot_id = ? AND (r.entered_list IS NOT NULL OR r.left_list IS NOT NULL)
				ORDER BY CASE WHEN r.metric = 'hazards_found' THEN 0 ELSE 1 END, r.position NULLS LAST, t.sort_order""",
				(rs, i) -> new Snapshot.Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)),
				id);
	}

	private List<Snapshot.Flag> flags(long id) {
		return this.jdbc.query("""
				SELECT f.township_code, f.township_name, f.kind, f.hazards, f.base, f.share, f.detail
				FROM snapshot_flag f LEFT JOIN region_township t ON t.township_code = f.township_code
				WHERE f.snapshot_id = ? ORDER BY t.sort_order, f.kind""", (rs, i) -> new Snapshot.Flag(rs.getString(1),
				rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6), rs.getString(7)),
				id);
	}

	private List<Snapshot.FlaggedHazard> flaggedHazards(long id) {
		return this.jdbc.query("""
				SELECT t.township_name, f.kind, h.hazard_id, v.village_name, h.category, h.address, h.description,
				       h.found_on, h.status, h.rectified_on
				FROM snapshot_flag_hazard f JOIN hazard h ON h.hazard_id = f.hazard_id
				LEFT JOIN region_township t ON t.township_code = f.township_code
				LEFT JOIN region_village v ON v.village_code = h.village_code
				WHERE f.snapshot_id = ? ORDER BY t.sort_order, f.kind, h.hazard_id""",
				(rs, i) -> new Snapshot.FlaggedHazard(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
						rs.getString(9), rs.getObject(10, LocalDate.class)),
				id);
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
