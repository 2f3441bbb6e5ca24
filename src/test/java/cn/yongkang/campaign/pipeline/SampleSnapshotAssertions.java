package cn.yongkang.campaign.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a database's snapshot of sample-input at 2022-10-04 against
 * {@link SampleFigures}, and a bulletin against the seed's text. Shared by the PostgreSQL
 * and the embedded H2 tests.
 */
final class SampleSnapshotAssertions {

	private SampleSnapshotAssertions() {
	}

	static void assertFigures(JdbcTemplate jdbc) {
		long snapshot = snapshotId(jdbc);
		List<Map<String, Object>> rows = jdbc.queryForList("SELECT township_name, category, hazards_found,"
				+ " hazards_rectified, rectification_rate FROM township_stats WHERE snapshot_id = ?", snapshot);
		assertThat(rows).hasSize(48);
		for (Map<String, Object> row : rows) {
			int[] expected = SampleFigures.TOWNSHIPS.get((String) row.get("category"))
				.get((String) row.get("township_name"));
			String where = row.get("township_name") + " " + row.get("category");
			assertThat(((Number) row.get("hazards_found")).intValue()).as(where + " found").isEqualTo(expected[0]);
			assertThat(((Number) row.get("hazards_rectified")).intValue()).as(where + " rectified")
				.isEqualTo(expected[1]);
			assertThat((BigDecimal) row.get("rectification_rate")).as(where + " rate")
				.isEqualByComparingTo(BigDecimal.valueOf(expected[1])
					.divide(BigDecimal.valueOf(expected[0]), 10, RoundingMode.HALF_UP));
		}
	}

	static void assertRankings(JdbcTemplate jdbc) {
		long snapshot = snapshotId(jdbc);
		SampleFigures.RANKINGS.forEach((key, names) -> {
			String[] parts = key.split("/");
			List<Map<String, Object>> ranked = jdbc.queryForList(
					"SELECT position, township_name, tied FROM township_ranking"
							+ " WHERE snapshot_id = ? AND category = ? AND metric = ? AND side = ? ORDER BY position",
					snapshot, parts[0], parts[1], parts[2]);
			assertThat(ranked).as(key).extracting((r) -> r.get("township_name")).containsExactlyElementsOf(names);
			assertThat(ranked).as(key)
				.extracting((r) -> ((Number) r.get("position")).intValue())
				.containsExactly(1, 2, 3);
			assertThat(ranked).as(key).extracting((r) -> r.get("tied")).containsOnly(false);
		});
	}

	static void assertLagging(JdbcTemplate jdbc) {
		long snapshot = snapshotId(jdbc);
		assertLagging(jdbc, snapshot, "村", SampleFigures.LAGGING_VILLAGES);
		assertLagging(jdbc, snapshot, "社区", SampleFigures.LAGGING_COMMUNITIES);
	}

	private static void assertLagging(JdbcTemplate jdbc, long snapshot, String kind, List<Object[]> expected) {
		List<Object[]> actual = jdbc.query("SELECT township_name, village_name, hazards_found, hazards_rectified"
				+ " FROM lagging_village WHERE snapshot_id = ? AND category = 'RENTAL_HOUSING' AND village_kind = ?"
				+ " ORDER BY position",
				(rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4) }, snapshot,
				kind);
		assertThat(actual).as(kind).containsExactlyElementsOf(expected);
	}

	/**
	 * The six ranking sentences and two lagging sentences equal the seed's, whitespace
	 * aside.
	 */
	static void assertBulletinReproducesSeed(String bulletin) {
		String seed = squeeze(seedText());
		List<String> paragraphs = new ArrayList<>();
		for (String paragraph : bulletin.split("\\n\\s*\\n")) {
			String text = squeeze(paragraph);
			if (text.contains("排查数前") || text.contains("整改落后的")) {
				paragraphs.add(text);
			}
		}
		assertThat(paragraphs).hasSize(5);
		assertThat(paragraphs.stream().mapToLong((p) -> p.split("。").length).sum()).isEqualTo(8);
		for (String paragraph : paragraphs) {
			assertThat(seed).as("seed text").contains(paragraph);
		}
	}

	static long snapshotId(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT snapshot_id FROM snapshot WHERE campaign_id = ? AND as_of = ?", Long.class,
				SampleFigures.CAMPAIGN, java.time.LocalDate.parse(SampleFigures.LAST_DATE));
	}

	private static String seedText() {
		try (InputStream in = SampleSnapshotAssertions.class.getResourceAsStream("/seed/seed-bulletin.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String squeeze(String text) {
		return text.replaceAll("\\s+", "");
	}

}
