package cn.yongkang.campaign.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.support.SqlFile;

/**
 * The gaming checks (回头看) of a night: {@code ranking/flags.sql} gathers, per township and
 * kind, the hazards looked at and those of concern; the campaign's thresholds decide
 * which become a {@code snapshot_flag}, with its hazards in {@code snapshot_flag_hazard}.
 */
final class GamingChecks {

	private static final List<String> CHECKS = SqlFile.statements("ranking/flags.sql", "statistics/counted_hazards.sql",
			"ranking/night_change.sql", "ranking/state_before_night.sql");

	private final NamedParameterJdbcTemplate jdbc;

	GamingChecks(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts per township and kind: hazards of concern, and the base of the share. */
	private record Count(String townshipCode, String townshipName, String kind, int hazards, int base) {

		BigDecimal share() {
			return BigDecimal.valueOf(this.hazards).divide(BigDecimal.valueOf(this.base), 10, RoundingMode.HALF_UP);
		}

	}

	/**
	 * Returns the number of flags raised.
	 * @param parameters the snapshot's: {@code snapshotId}, {@code asOf} and what the
	 * counted hazards depend on ({@code start}, {@code lastFound}, {@code categories},
	 * {@code townships})
	 */
	int run(MapSqlParameterSource parameters, LocalDate asOf, Campaign.Flags thresholds) {
		for (String statement : CHECKS) {
			this.jdbc.update(statement, parameters);
		}
		List<Count> counts = this.jdbc.query("""
				SELECT w.township_code, t.township_name, w.kind, SUM(CASE WHEN w.concerned THEN w.hazards ELSE 0 END),
				       SUM(w.hazards)
				FROM work_flag_hazard w JOIN region_township t ON t.township_code = w.township_code
				WHERE w.snapshot_id = :snapshotId
				GROUP BY w.township_code, t.township_name, w.kind""", parameters,
				(rs, i) -> new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
		int flags = 0;
		for (Count count : counts) {
			String detail = detail(count, thresholds, asOf);
			if (detail != null) {
				this.jdbc.update(
						"""
								INSERT INTO snapshot_flag (snapshot_id, township_code, township_name, kind, hazards, base, share,
								                           detail)
								VALUES (:snapshotId, :township, :name, :kind, :hazards, :base, :share, :detail)""",
						new MapSqlParameterSource(parameters.getValues()).addValue("township", count.townshipCode())
							.addValue("name", count.townshipName())
							.addValue("kind", count.kind())
							.addValue("hazards", count.hazards())
							.addValue("base", count.base())
							.addValue("share", count.share())
							.addValue("detail", detail));
				flags++;
			}
		}
		this.jdbc.update("""
				INSERT INTO snapshot_flag_hazard (snapshot_id, township_code, kind, hazard_id)
				SELECT w.snapshot_id, w.township_code, w.kind, w.hazard_id
				FROM work_flag_hazard w
				JOIN snapshot_flag f ON f.snapshot_id = w.snapshot_id AND f.township_code = w.township_code
				     AND f.kind = w.kind
				WHERE w.snapshot_id = :snapshotId AND w.concerned""", parameters);
		this.jdbc.update("DELETE FROM work_flag_hazard WHERE snapshot_id = :snapshotId", parameters);
		return flags;
	}

	/** What the flag says, in Chinese; null when the count stays below the thresholds. */
	static String detail(Count count, Campaign.Flags t, LocalDate asOf) {
		int n = count.hazards();
		String night = asOf.getMonthValue() + "月" + asOf.getDayOfMonth() + "日上传";
		return switch (count.kind()) {
			case "BULK_RECTIFICATION" ->
				(n >= t.bulkMinHazards() && atLeast(count, t.bulkMinShare()))
						? night + "将此前未整改的" + count.base() + "处隐患中的" + n + "处报为已整改（" + percent(count.share())
								+ "），达到集中整改核查线（" + percent(t.bulkMinShare()) + "且不少于" + t.bulkMinHazards() + "处）"
						: null;
			case "BACKDATED_RECTIFICATION" ->
				(n >= t.backdatedMinHazards()) ? night + "将" + n + "处隐患报为已整改，其整改日期早于此前仍报未整改的那次上传" : null;
			case "REGRESSION" -> (n >= t.regressionMinHazards())
					? night + "将" + n + "处此前已整改的隐患改回未整改或整改中（核查线" + t.regressionMinHazards() + "处）" : null;
			case "SAME_DAY_RECTIFICATION" -> (n >= t.sameDayMinHazards() && atLeast(count, t.sameDayMinShare())) ? night
					+ "新报已整改的" + count.base() + "处隐患中，" + n + "处（" + percent(count.share()) + "）整改日期与排查日期为同一天，达到核查线（"
					+ percent(t.sameDayMinShare()) + "且不少于" + t.sameDayMinHazards() + "处）" : null;
			default -> throw new IllegalStateException("unknown check " + count.kind());
		};
	}

	private static boolean atLeast(Count count, double share) {
		return count.hazards() >= share * count.base() - 1e-9;
	}

	static String percent(BigDecimal share) {
		return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
	}

	static String percent(double share) {
		return percent(BigDecimal.valueOf(share));
	}

}
