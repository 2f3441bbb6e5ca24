package cn.yongkang.campaign.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import cn.yongkang.campaign.campaign.Campaign;
import cn.yongkang.campaign.campaign.CampaignCatalog;
import cn.yongkang.campaign.registry.Category;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Word bulletin's layout (GB/T 9704) and the tables workbook's print setup, read back
 * with POI from documents written for a small snapshot.
 */
class ReportDocumentsTests {

	private final Campaign campaign = CampaignCatalog.load(Path.of("jobs")).get("shuangyue-2022");

	private final BulletinTemplate template = BulletinTemplate.load(Path.of("jobs"));

	private final Snapshot snapshot = snapshot();

	@Test
	void theBulletinIsAnOfficialDocument() throws IOException {
		Bulletin bulletin = Bulletin.compose(this.snapshot, this.campaign, this.template);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		OfficialDocument.write(bulletin, this.snapshot, this.campaign, this.template, bytes);
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(bytes.toByteArray()))) {
			CTSectPr section = word.getDocument().getBody().getSectPr();
			assertThat(List.of(section.getPgSz().getW(), section.getPgSz().getH()))
				.containsExactly(BigInteger.valueOf(11906), BigInteger.valueOf(16838));
			CTPageMar margins = section.getPgMar();
			assertThat(List.of(margins.getTop(), margins.getBottom(), margins.getLeft(), margins.getRight()))
				.containsExactly(BigInteger.valueOf(2098), BigInteger.valueOf(1984), BigInteger.valueOf(1587),
						BigInteger.valueOf(1474));
			assertThat(section.getDocGrid().getLinePitch()).isEqualTo(BigInteger.valueOf(579));
			List<XWPFParagraph> paragraphs = word.getParagraphs();
			XWPFRun masthead = paragraphs.get(0).getRuns().get(0);
			assertThat(masthead.getText(0)).isEqualTo("消防安全“双月攻坚”行动通报");
			assertThat(masthead.getColor()).isEqualTo("FF0000");
			assertThat(masthead.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
			// Issue 3: the third snapshot of the campaign.
			assertThat(paragraphs.get(1).getText()).isEqualTo("第3期");
			assertThat(paragraphs.get(2).getText()).isEqualTo("永康市消防安全委员会办公室\t2022年10月4日");
			assertThat(paragraphs.get(2).getCTP().getPPr().getPBdr().getBottom().xgetColor().getStringValue())
				.isEqualTo("FF0000");
			XWPFRun title = paragraphs.get(3).getRuns().get(0);
			assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
			assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
			XWPFParagraph body = paragraphs.get(4);
			assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
			assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
			assertThat(body.getCTP().getPPr().getSpacing().getLine()).isEqualTo(BigInteger.valueOf(579));
			XWPFParagraph heading = paragraphs.stream()
				.filter((p) -> p.getText().equals("一、排名变化"))
				.findFirst()
				.orElseThrow();
			assertThat(heading.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
			// A table per category (every township) and two lagging tables; a chart per
			// category.
			assertThat(word.getTables()).hasSize(3 + 1);
			assertThat(word.getTables().get(0).getNumberOfRows()).isEqualTo(1 + 2);
			assertThat(word.getTables().get(0).getRow(1).getCell(3).getText()).isEqualTo("62.1%");
			assertThat(word.getCharts()).hasSize(3);
			assertThat(word.getCharts().get(0).getCTChart().toString()).contains("C00000");
			assertThat(word.getEvenAndOddHeadings()).isTrue();
			assertThat(word.getFooterList()).hasSize(2);
			for (XWPFFooter footer : word.getFooterList()) {
				assertThat(footer.getText()).startsWith("— ").endsWith(" —\n");
				assertThat(footer.getParagraphs().get(0).getCTP().toString()).contains("PAGE");
			}
		}
	}

	@Test
	void theTablesReadAndPrint() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		TablesWorkbook.write(this.snapshot, this.campaign, bytes);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
			XSSFSheet townships = workbook.getSheet("乡镇（街道）统计");
			assertThat(townships.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("乡镇（街道）统计（消防安全“双月攻坚”行动，截至2022年10月4日）");
			assertThat(townships.getRow(1).getCell(0).getStringCellValue()).isEqualTo("乡镇（街道）");
			assertThat(townships.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
			assertThat(townships.getCTWorksheet().getAutoFilter().getRef()).startsWith("A2:");
			assertThat(townships.getRow(2).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(townships.getColumnWidth(1)).as("a 12-digit code fits").isGreaterThanOrEqualTo(13 * 256);
			assertThat(townships.getPrintSetup().getLandscape()).isTrue();
			assertThat(townships.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			assertThat(townships.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
			assertThat(townships.getRepeatingRows().formatAsString()).isEqualTo("1:2");
			Sheet rankings = workbook.getSheet("排名");
			List<String> sides = new ArrayList<>();
			for (int r = 2; r <= rankings.getLastRowNum(); r++) {
				sides.add(rankings.getRow(r).getCell(2).getStringCellValue());
			}
			assertThat(sides).as("排查数 前, 后, then 整改率 前, 后").containsExactly("前", "后", "前", "后");
			assertThat(workbook.getSheet("整改率图").getDrawingPatriarch().getCharts()).hasSize(3);
			Sheet flags = workbook.getSheet("异常核查");
			assertThat(flags.getRow(2).getCell(2).getStringCellValue()).isEqualTo("集中报整改");
			assertThat(workbook.getSheet("异常核查明细").getRow(2).getCell(5).getStringCellValue()).isEqualTo("古山一村2号");
		}
	}

	@Test
	void movesAreWordedFromTheTemplateWithBothValues() {
		Bulletin bulletin = Bulletin.compose(this.snapshot, this.campaign, this.template);
		assertThat(bulletin.moves()).containsExactly("东城街道居住出租房整改率由62.1%升至70.3%，进入前三名，退出后三名。");
		Snapshot quiet = new Snapshot(1, "shuangyue-2022", this.snapshot.asOf(), List.of(), List.of(), List.of(),
				List.of(), List.of(), true, List.of(), List.of(), List.of(), 2);
		assertThat(Bulletin.compose(quiet, this.campaign, this.template).moves())
			.containsExactly("与上期相比，各项排名前三名、后三名名单均无变化。");
		assertThat(Bulletin.compose(quiet, this.campaign, this.template).markdown())
			.endsWith("## 一、排名变化\n\n与上期相比，各项排名前三名、后三名名单均无变化。\n");
	}

	@Test
	void issuesAreNumberedAsTheTemplateSays() {
		assertThat(OfficialDocument.issueNumber(this.snapshot, this.campaign, this.template)).isEqualTo(3);
	}

	private static Snapshot snapshot() {
		List<Snapshot.TownshipFigure> townships = new ArrayList<>();
		for (Category category : Category.values()) {
			townships.add(new Snapshot.TownshipFigure("330784001000", "东城街道", category.name(), 29, 18,
					new BigDecimal("0.6206896552"), 2));
			townships.add(new Snapshot.TownshipFigure("330784002000", "西城街道", category.name(), 0, 0, null, null));
		}
		List<Snapshot.Ranked> rankings = List.of(
				new Snapshot.Ranked("RENTAL_HOUSING", "hazards_found", "bottom", 1, "330784002000", "西城街道",
						BigDecimal.ZERO, false),
				new Snapshot.Ranked("RENTAL_HOUSING", "hazards_found", "top", 1, "330784001000", "东城街道",
						BigDecimal.valueOf(29), false),
				new Snapshot.Ranked("RENTAL_HOUSING", "rectification_rate", "top", 1, "330784001000", "东城街道",
						new BigDecimal("0.62"), false),
				new Snapshot.Ranked("RENTAL_HOUSING", "rectification_rate", "bottom", 1, "330784001000", "东城街道",
						new BigDecimal("0.62"), false));
		List<Snapshot.Lagging> lagging = List
			.of(new Snapshot.Lagging("RENTAL_HOUSING", "村", 1, "龙山镇", "330784110201", "下宅口村", 7, 0, BigDecimal.ZERO));
		List<Snapshot.Change> changes = List
			.of(new Snapshot.Change("RENTAL_HOUSING", "rectification_rate", "330784001000", "东城街道",
					new BigDecimal("0.7030000000"), new BigDecimal("0.6206896552"), "top", "bottom"));
		List<Snapshot.Flag> flags = List.of(new Snapshot.Flag("330784001000", "东城街道", "BULK_RECTIFICATION", 25, 26,
				new BigDecimal("0.96"), "10月4日上传将此前未整改的26处隐患中的25处报为已整改"));
		List<Snapshot.FlaggedHazard> hazards = List
			.of(new Snapshot.FlaggedHazard("东城街道", "BULK_RECTIFICATION", 7, "古山一村", "RENTAL_HOUSING", "古山一村2号",
					"无独立式烟感", LocalDate.of(2022, 9, 3), "RECTIFIED", LocalDate.of(2022, 10, 4)));
		return new Snapshot(3, "shuangyue-2022", LocalDate.of(2022, 10, 4), townships, List.of(), rankings, lagging,
				List.of(), true, changes, flags, hazards, 3);
	}

}
