package cn.yongkang.campaign.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A night when one township sent nothing and another sent an unreadable file: the run
 * still completes, and the summary, {@code status} and the bulletin name both.
 */
class MissingUploadsIntegrationTests {

	@TempDir
	Path work;

	@Test
	void townshipsWithoutAReadableUploadAreNamedEverywhere() throws Exception {
		Path inbox = this.work.resolve("inbox");
		FileSystemUtils.copyRecursively(Path.of("sample-input/2022-10-03"), inbox.resolve("2022-10-03"));
		FileSystemUtils.copyRecursively(Path.of("sample-input/2022-10-04"), inbox.resolve("2022-10-04"));
		FileSystemUtils.deleteRecursively(inbox.resolve("2022-10-04/舟山镇"));
		Path xixi = inbox.resolve("2022-10-04/西溪镇");
		try (var files = Files.list(xixi)) {
			Path ledger = files.findFirst().orElseThrow();
			Files.write(ledger, new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 });
		}
		try (TestDatabase database = TestDatabase.create()) {
			CampaignJar jar = new CampaignJar(this.work, database.environment());
			CampaignJar.Result result = jar.run("backfill", "--inbox", inbox.toString(), "--from", "2022-10-03", "--to",
					"2022-10-04", "--jobs", Path.of("jobs").toAbsolutePath().toString());
			assertThat(result.exitCode()).as(result.toString()).isZero();
			String bulletin = Files.readString(this.work.resolve("reports/shuangyue-2022/2022-10-04/通报-2022-10-04.md"));
			assertThat(bulletin).contains("注：舟山镇、西溪镇未上传2022年10月4日台账（或所传文件无法读取），其数据截至此前最近一次上传。");
			assertThat(jar.run("status", "--date", "2022-10-04").stdout()).contains("No readable upload from: 舟山镇、西溪镇",
					"QUARANTINED");
			// Their figures are those of their last upload, 2022-10-03: nothing of theirs
			// was lost.
			assertThat(database.jdbc()
				.queryForObject("SELECT SUM(s.hazards_found) FROM township_stats s JOIN snapshot n"
						+ " ON n.snapshot_id = s.snapshot_id WHERE n.as_of = DATE '2022-10-04' AND s.township_name = '舟山镇'",
						Integer.class))
				.isEqualTo(database.jdbc()
					.queryForObject("SELECT SUM(s.hazards_found) FROM township_stats s JOIN snapshot n"
							+ " ON n.snapshot_id = s.snapshot_id WHERE n.as_of = DATE '2022-10-03' AND s.township_name = '舟山镇'",
							Integer.class));
		}
	}

}
