package cn.yongkang.campaign.sample;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.yongkang.campaign.sample.SampleInputGenerator.Figure;
import cn.yongkang.campaign.sample.SampleInputGenerator.Hazard;
import cn.yongkang.campaign.sample.SampleInputGenerator.Kind;
import cn.yongkang.campaign.sample.SampleInputGenerator.LedgerRow;
import cn.yongkang.campaign.sample.SampleInputGenerator.Note;
import cn.yongkang.campaign.sample.SampleInputGenerator.Upload;
import cn.yongkang.campaign.sample.SampleInputGenerator.VillageFigure;

import static cn.yongkang.campaign.sample.SampleInputGenerator.INBOX_DATES;
import static cn.yongkang.campaign.sample.SampleInputGenerator.LAGGING;
import static cn.yongkang.campaign.sample.SampleInputGenerator.TOWNSHIP_FIGURES;
import static cn.yongkang.campaign.sample.SampleInputGenerator.figure;

/**
 * The README of the generated inbox, with the row numbers and counts of this very run.
 */
final class SampleReadme {

	static String text(List<Upload> uploads) {
		StringBuilder md = new StringBuilder();
		md.append(
				"""
						# sample-input

						A generated inbox for the pipeline: three nights of hazard ledgers (台账) from all 16 units of
						Yongkang, shaped the way township clerks really fill them in. Run the pipeline over it for
						2022-10-02, 2022-10-03 and 2022-10-04 (campaign `shuangyue-2022`, start 2022-09-01); the bulletin of
						2022-10-04 must reproduce the ranking and lagging paragraphs of the seed bulletin.

						Layout: `sample-input/<yyyy-MM-dd>/<township folder>/<file>.xlsx`. Folders use the registered name,
						except `开发区` (alias of 经济开发区) and `330784115000` (code of 芝英镇).

						**Do not edit these files by hand.** They are written by
						`src/test/java/cn/yongkang/campaign/sample/SampleInputGenerator.java` (fixed random seed, fixed
						document dates, so the output is reproducible). To rebuild after changing the generator:

						```
						./mvnw -q -B test-compile exec:java -Dexec.mainClass=cn.yongkang.campaign.sample.SampleInputGenerator -Dexec.args=sample-input
						```

						`SampleInputGeneratorTests` regenerates into a temporary folder and compares every file cell by cell
						with the committed ones; it fails when the generator changed and the inbox was not rebuilt. The
						generator itself recomputes the final figures from the rows it writes and refuses to write when they
						differ from its tables.

						## Timeline

						Hazards are found from 2022-09-01 on, mostly in September; a few percent are found on 10-03 and
						10-04, so ledgers grow from night to night, and a good share is fixed on 10-03 or 10-04, so statuses
						change. A ledger of date d holds the hazards found on or before d, 已整改 when fixed by d, otherwise
						未整改 or 整改中.

						## Ways of keeping the ledger (per township, the same every night)

						- merged title row “永康市消防安全隐患排查整治台账（…）” and a line “填报单位：…　填报日期：…” above the header:
						  东城街道, 江南街道, 前仓镇, 舟山镇, 方岩镇, 龙山镇, 唐先镇, 芝英镇, 经济开发区;
						- 隐患编号 (the township's own ids): 东城街道 `DC-0001…`, 古山镇 `GS-0001…`, 芝英镇 `ZY-0001…`;
						- header aliases: 西城街道 (镇街, 村社, 场所类别, 存在问题), 江南街道 (乡镇(街道), 村(社区)), 古山镇 (检查日期,
						  是否整改 with 是/否/整改中, 完成时间, 检查人, 电话), 唐先镇 (隐患内容, 发现日期, 整改状态, 整改完成日期), 花街镇
						  (所属镇街, 所属村社, 隐患问题, 手机); 石柱镇 writes “地　址” (full-width space) and “隐患描述*”, 象珠镇 marks
						  every required column with `*`;
						- category aliases: 出租房/店铺/三合一 (西城街道), 出租屋/沿街商铺/三合一企业 (前仓镇), “三合一”场所 (古山镇),
						  出租屋/沿街店面/三合一企业 (唐先镇), 出租房/三合一 (西溪镇);
						- 乡镇（街道） cell: 西城, 方岩, 唐先, 高新区 (aliases), 永康市石柱镇 (prefix);
						- about 10% of the village cells of 东城街道 and 芝英镇 use the committee name (e.g. 大坟山沿村委会, 园丁社区居委会);
						- dates as text: 西城街道 `2022/9/15`, 石柱镇 `2022年9月15日`, 舟山镇 `2022.9.15`, 方岩镇 `20220915`, 唐先镇
						  `2022-09-15`; everyone else uses date cells (display formats yyyy-mm-dd, yyyy/m/d, yyyy年m月d日);
						- phone numbers as numeric cells: 石柱镇 (General format), 象珠镇 (format `0`);
						- 象珠镇's 序号 is a formula (`=ROW()-1`, cached value stored);
						- 龙山镇 groups its ledger by village and merges the 村（社区） cells of consecutive rows;
						- 西溪镇 has a 备注 column, a first sheet 填表说明 without a header and a hidden sheet 下拉选项;
						- 唐先镇 leaves three empty bordered rows below its data (blank rows);
						- 经济开发区 has no 村（社区） column; 现代农业装备高新区 has it but leaves it blank.

						## Special cases

						- 舟山镇 re-sends its 10-02 file on 10-03, byte for byte (same SHA-256); nothing of 舟山镇 is found or
						  fixed on 10-03.
						- 前仓镇 sends only new and changed rows on 10-03 (`前仓镇新增及变更.xlsx`), its full ledger again on
						  10-04.
						- 江南街道 sends on 10-04 its full ledger and `新增隐患.xlsx`, repeating the rows found on 10-03 and
						  10-04.

						Noted rows (row numbers as the spreadsheet shows them):

						""");
		md.append("| outcome | file | row | why |\n| --- | --- | --- | --- |\n");
		for (Upload upload : uploads) {
			for (LedgerRow row : upload.rows()) {
				if (row.note() != null && !(row.note() == Note.DUPLICATE && upload.fileName().equals("新增隐患.xlsx"))) {
					md.append("| ")
						.append(outcome(row.note()))
						.append(" | `")
						.append(upload.path().toString().replace('\\', '/'))
						.append("` | ")
						.append(upload.rowNumber(row))
						.append(" | ")
						.append(row.why())
						.append(" |\n");
				}
			}
		}
		md.append("\nRejected rows are extra rows: they are not part of the figures below.\n");
		md.append("\n## Files and rows\n\n");
		md.append("| date | files | data rows | distinct hazards known after the night |\n| --- | --- | --- | --- |\n");
		Set<Hazard> known = new HashSet<>();
		for (LocalDate date : INBOX_DATES) {
			List<Upload> day = uploads.stream().filter((u) -> u.date().equals(date)).toList();
			day.forEach((u) -> u.rows().stream().map(LedgerRow::hazard).filter(Objects::nonNull).forEach(known::add));
			md.append("| ")
				.append(date)
				.append(" | ")
				.append(day.size())
				.append(" | ")
				.append(day.stream().mapToInt((u) -> u.rows().size()).sum())
				.append(" | ")
				.append(known.size())
				.append(" |\n");
		}
		md.append("""

				Data rows count every row below the header, rejected and repeated ones included (10-03 counts the
				rows of 舟山镇's re-sent file, 10-04 those of 江南街道's `新增隐患.xlsx`), blank rows not.
				""");
		md.append("\n## Expected figures on 2022-10-04 (found / rectified)\n\n");
		md.append("| township | 居住出租房 | 沿街店铺 | “三合一”企业 |\n| --- | --- | --- | --- |\n");
		for (Figure rental : TOWNSHIP_FIGURES.get(Kind.RENTAL_HOUSING)) {
			String t = rental.township();
			md.append("| ")
				.append(t)
				.append(" | ")
				.append(rental.found())
				.append(" / ")
				.append(rental.rectified())
				.append(" | ")
				.append(figure(Kind.STREET_SHOP, t).found())
				.append(" / ")
				.append(figure(Kind.STREET_SHOP, t).rectified())
				.append(" | ")
				.append(figure(Kind.THREE_IN_ONE, t).found())
				.append(" / ")
				.append(figure(Kind.THREE_IN_ONE, t).rectified())
				.append(" |\n");
		}
		md.append("\nLagging list for 居住出租房, villages and communities in the seed's order:\n\n");
		md.append("| township | village | found | rectified |\n| --- | --- | --- | --- |\n");
		for (VillageFigure v : LAGGING) {
			md.append("| ")
				.append(v.township())
				.append(" | ")
				.append(v.village())
				.append(" | ")
				.append(v.found())
				.append(" | ")
				.append(v.rectified())
				.append(" |\n");
		}
		md.append("""

				Every other village or community stays off the lists: it has at most 2 居住出租房 hazards, or all of
				them fixed, or a rate of at least 2/3 (above 前锦村's 5/8, the worst rate listed).
				""");
		return md.toString();
	}

	private static String outcome(Note note) {
		return switch (note) {
			case REJECTED -> "rejected";
			case WARNING -> "accepted, warning";
			case DUPLICATE -> "accepted, counted once";
			case REGRESSION -> "accepted, regression flagged";
		};
	}

	private SampleReadme() {
	}

}
