package cn.yongkang.campaign.dedupe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TableDigest;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a later upload does to a known hazard, through the real jar on PostgreSQL: an
 * address written with or without 永康市古山镇 before a village that begins with the township's
 * short name (古山一村) is the same hazard, and a later ledger that lacks the optional
 * columns keeps what the earlier one said.
 */
class LaterUploadsIntegrationTests {

	private static final String HEADER = "乡镇（街道）,村（社区）,场所类型,地址,隐患描述,排查日期,整改情况,整改日期";

	@TempDir
	Path work;

	@Test
	void aLaterUploadUpdatesTheSameHazardAndKeepsWhatItLeavesOut() throws Exception {
		Path inbox = this.work.resolve("inbox");
		write(inbox.resolve("2022-10-03/古山镇/台账.csv"), HEADER + ",排查人,联系电话",
				"古山镇,古山一村,居住出租房,古山一村2号,无独立式烟感,2022-10-01,未整改,,胡晓东,13812345678",
				"古山镇,古山二村,沿街店铺,古山二村5号,灭火器过期,2022-10-02,未整改,,应建华,13900001111");
		// Only the new and changed rows, without the 排查人 and 联系电话 columns.
		write(inbox.resolve("2022-10-04/古山镇/新增.csv"), HEADER,
				"古山,古山一村,出租房,永康市古山镇古山一村2号,无独立式烟感。,2022/10/1,已整改,2022年10月3日",
				"古山镇,古山二村,沿街店铺,古山二村5号,灭火器过期,2022-10-02,未整改,");
		try (TestDatabase database = TestDatabase.create()) {
			CampaignJar jar = new CampaignJar(this.work, database.environment());
			assertThat(jar.run("status").exitCode()).isZero();
			List<String> indexes = indexes(database.jdbc());
			CampaignJar.Result result = jar.run("backfill", "--inbox", inbox.toString(), "--from", "2022-10-03", "--to",
					"2022-10-04", "--jobs", Path.of("jobs").toAbsolutePath().toString());
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.stdout() + result.stderr()).contains("indexes of hazard after its bulk load");
			var jdbc = database.jdbc();
			assertThat(jdbc.queryForObject("SELECT count(*) FROM hazard", Long.class)).isEqualTo(2);
			assertThat(jdbc.queryForMap("SELECT status, rectified_on::text AS rectified_on, inspector, contact"
					+ " FROM hazard WHERE village_code = '330784108201'"))
				.isEqualTo(Map.of("status", "RECTIFIED", "rectified_on", "2022-10-03", "inspector", "胡晓东", "contact",
						"13812345678"));
			assertThat(jdbc.queryForMap("SELECT inspector, contact FROM hazard WHERE village_code = '330784108202'"))
				.isEqualTo(Map.of("inspector", "应建华", "contact", "13900001111"));
			assertThat(jdbc.queryForList(
					"SELECT v.outcome FROM validated_row_outcome v JOIN upload_file f"
							+ " ON f.file_id = v.file_id WHERE f.inbox_date = DATE '2022-10-04' ORDER BY v.row_number",
					String.class))
				.containsExactly("UPDATED", "UNCHANGED");
			assertThat(jdbc.queryForMap("SELECT s.hazards_found, s.hazards_rectified FROM township_stats s"
					+ " JOIN snapshot n ON n.snapshot_id = s.snapshot_id WHERE n.as_of = DATE '2022-10-04'"
					+ " AND s.township_name = '古山镇' AND s.category = 'RENTAL_HOUSING'"))
				.isEqualTo(Map.of("hazards_found", 1, "hazards_rectified", 1));
			assertThat(jdbc.queryForList("SELECT h.first_row_number - x.row_number FROM hazard h JOIN hazard_history x"
					+ " ON x.hazard_id = h.hazard_id AND x.change_kind = 'NEW'", Integer.class))
				.as("a hazard keeps the row that first reported it, as its first history entry does")
				.containsExactly(0, 0);

			// Merging a night again, the older one too (after a later night changed its
			// hazard), gives the same tables: nothing counted twice, nothing undone.
			Map<String, List<String>> before = TableDigest.of(jdbc);
			for (String date : new String[] { "2022-10-03", "2022-10-04" }) {
				CampaignJar.Result rerun = jar.run("rerun", "--date", date, "--from-step", "dedupe", "--jobs",
						Path.of("jobs").toAbsolutePath().toString(), "--reports",
						this.work.resolve("reports").toString());
				assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
			}
			assertThat(TableDigest.of(jdbc)).isEqualTo(before);
			assertThat(indexes(jdbc)).as("the first night loads hazard without its secondary indexes, then builds them")
				.isEqualTo(indexes)
				.anyMatch((index) -> index.contains("UNIQUE INDEX hazard_identity"));
		}
	}

	private static List<String> indexes(org.springframework.jdbc.core.JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename IN ('hazard', 'hazard_history')"
				+ " ORDER BY indexname", String.class);
	}

	private static void write(Path file, String... lines) throws Exception {
		Files.createDirectories(file.getParent());
		Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
	}

}
