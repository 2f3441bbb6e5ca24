package cn.yongkang.campaign.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import cn.yongkang.campaign.support.CampaignJar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main command, as written, on a copy of the project's jobs and
 * sample-input, with the zero-setup embedded H2 database: same bulletin, same figures as
 * on PostgreSQL.
 */
class SampleInputEmbeddedIntegrationTests {

	@TempDir
	Path work;

	@Test
	void theReadmeCommandReproducesTheSeedOnTheEmbeddedDatabase() throws IOException {
		FileSystemUtils.copyRecursively(Path.of("jobs"), this.work.resolve("jobs"));
		FileSystemUtils.copyRecursively(Path.of("sample-input"), this.work.resolve("sample-input"));
		CampaignJar jar = new CampaignJar(this.work, Map.of());
		CampaignJar.Result run = jar.run("run", "--inbox", "sample-input", "--date", SampleFigures.LAST_DATE);
		assertThat(run.exitCode()).as(run.toString()).isZero();
		SampleSnapshotAssertions.assertBulletinReproducesSeed(run.stdout());
		assertThat(Files.exists(this.work.resolve("reports/shuangyue-2022/2022-10-04/通报-2022-10-04.docx"))).isTrue();
		assertThat(Files.exists(this.work.resolve("data"))).isTrue();
		JdbcTemplate h2 = new JdbcTemplate(new DriverManagerDataSource(
				"jdbc:h2:file:" + this.work.resolve("data/campaign")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE",
				"sa", ""));
		SampleSnapshotAssertions.assertFigures(h2);
		SampleSnapshotAssertions.assertRankings(h2);
		SampleSnapshotAssertions.assertLagging(h2);
		// The analysts' views exist on H2 too: one snapshot, every township's figures,
		// its files.
		assertThat(h2.queryForObject("SELECT COUNT(*) FROM latest_snapshot", Integer.class)).isEqualTo(1);
		assertThat(h2.queryForObject("SELECT COUNT(*) FROM township_trend WHERE found_position >= 1", Integer.class))
			.isEqualTo(16 * 3);
		assertThat(h2.queryForObject("SELECT COUNT(DISTINCT township_code) FROM snapshot_source", Integer.class))
			.isEqualTo(16);
		assertThat(h2.queryForObject("SELECT COUNT(*) FROM ranking_change", Integer.class)).isZero();
		assertThat(h2.queryForObject("SELECT settings FROM snapshot", String.class))
			.contains("\"ranking\":{\"size\":3}");
	}

}
