package cn.yongkang.campaign.selfservice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import cn.yongkang.campaign.support.CampaignJar;
import cn.yongkang.campaign.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check} and {@code template} through the packaged jar: the summary, the exit
 * status and the 退回清单 of a check that stores nothing; a template filled by another
 * program (openpyxl) and saved again by LibreOffice that the night on PostgreSQL reads
 * with zero rejections; and the 退回清单 printed by LibreOffice on one landscape page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckAndTemplateIntegrationTests {

	private static final Path JOBS = Path.of("jobs").toAbsolutePath();

	@TempDir
	Path work;

	private CampaignJar jar;

	private TestDatabase database;

	@BeforeAll
	void start() {
		this.database = TestDatabase.create();
	}

	@AfterAll
	void stop() {
		this.database.close();
	}

	@Test
	void checkPrintsEveryRejectedRowWritesTheFeedbackAndStoresNothing() throws Exception {
		CampaignJar.Result result = jar(Map.of()).run("check", fixture("good-ledger.xlsx"), "--township", "东城",
				"--date", "2022-10-10", "--jobs", JOBS.toString());
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.stdout()).contains("东城街道 2022-10-10: good-ledger.xlsx",
				"rows 5 = accepted 3 + rejected 2 + blank 0, warnings 0",
				"row 7: 村（社区）“下宅口村”不属于东城街道 (“下宅口村”登记在龙山镇；本单位的村（社区）请从模板的下拉列表中选择)", "row 8: 整改情况为已整改，但整改日期为空");
		Path feedback = this.work.resolve("东城街道-2022-10-10-退回清单.xlsx");
		assertThat(result.stdout()).contains("feedback workbook: " + feedback);
		try (XSSFWorkbook workbook = new XSSFWorkbook(feedback.toFile())) {
			assertThat(workbook.getSheet("退回清单").getLastRowNum()).isEqualTo(3);
		}
		assertThat(this.work.resolve("data")).as("no database was touched").doesNotExist();
	}

	@Test
	void anUnreadableFileFailsWithItsQuarantineReason() {
		CampaignJar.Result result = jar(Map.of()).run("check", fixture("html-saved-as.xls"), "--township", "东城街道",
				"--jobs", JOBS.toString());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stdout()).contains("QUARANTINED: 文件是网页（HTML）另存而成");
	}

	@Test
	void wrongCommandLinesAreUsageErrors() {
		CampaignJar jar = jar(Map.of());
		CampaignJar.Result noTownship = jar.run("check", fixture("good-ledger.xlsx"), "--jobs", JOBS.toString());
		assertThat(noTownship.exitCode()).isEqualTo(2);
		assertThat(noTownship.stderr()).contains("'check' needs --township NAME");
		CampaignJar.Result unknown = jar.run("template", "--township", "火星镇", "--jobs", JOBS.toString());
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.stderr()).contains("'火星镇' is not a registered township");
		assertThat(jar.run("check", "--help").stdout()).contains("check FILE --township NAME");
	}

	@Test
	void aTemplateFilledByAnotherProgramReadsBackThroughTheNightWithZeroRejections() throws Exception {
		OfficeTools.assumeOpenpyxl();
		CampaignJar jar = jar(this.database.environment());
		Path template = this.work.resolve("template.xlsx");
		CampaignJar.Result made = jar.run("template", "--township", "东城街道", "--out", template.toString(), "--jobs",
				JOBS.toString());
		assertThat(made.exitCode()).as(made.toString()).isZero();

		Path filled = this.work.resolve("inbox/2022-10-10/东城街道/openpyxl填写.xlsx");
		Files.createDirectories(filled.getParent());
		int exit = OfficeTools.run(this.work, 120, OfficeTools.PYTHON.toString(), "-c", FILL_WITH_OPENPYXL,
				template.toString(), filled.toString());
		assertThat(exit).as("openpyxl fill").isZero();
		CampaignJar.Result checked = jar.run("check", filled.toString(), "--township", "东城街道", "--date", "2022-10-10",
				"--jobs", JOBS.toString(), "--out", this.work.resolve("check.xlsx").toString());
		assertThat(checked.exitCode()).as(checked.toString()).isZero();
		assertThat(checked.stdout()).contains("rows 4 = accepted 4 + rejected 0 + blank 0, warnings 0");

		if (java.nio.file.Files.isExecutable(OfficeTools.SOFFICE)) {
			// Opened and saved again by LibreOffice, as a clerk using it would.
			Path saved = OfficeTools.convert(filled, "xlsx:Calc MS Excel 2007 XML", this.work.resolve("lo"));
			Files.move(saved, filled.resolveSibling("libreoffice保存.xlsx"));
		}

		CampaignJar.Result night = jar.run("run", "--inbox", this.work.resolve("inbox").toString(), "--date",
				"2022-10-10", "--jobs", JOBS.toString(), "--reports", this.work.resolve("reports").toString());
		assertThat(night.exitCode()).as(night.toString()).isZero();
		List<Map<String, Object>> files = this.database.jdbc()
			.queryForList("SELECT file_name, status, rows_read, rows_accepted, rows_rejected FROM upload_file"
					+ " WHERE township_folder = '东城街道' ORDER BY file_name");
		assertThat(files).isNotEmpty().allSatisfy((file) -> {
			assertThat(file.get("status")).as("%s", file).isIn("LOADED", "DUPLICATE");
			assertThat(file.get("rows_rejected")).as("%s", file).isIn(0, null);
		});
		assertThat(files.get(files.size() - 1)).containsEntry("file_name", "openpyxl填写.xlsx")
			.containsEntry("rows_accepted", 4);
		assertThat(this.database.jdbc()
			.queryForObject("SELECT COUNT(*) FROM hazard WHERE township_code = '330784001000'", Integer.class))
			.isEqualTo(4);
	}

	@Test
	void theFeedbackPrintsOneLandscapePageWide() throws Exception {
		OfficeTools.assumeLibreOffice();
		CampaignJar.Result result = jar(Map.of()).run("check", fixture("good-ledger.xlsx"), "--township", "东城",
				"--date", "2022-10-10", "--jobs", JOBS.toString(), "--out", "feedback.xlsx");
		assertThat(result.exitCode()).isEqualTo(1);
		Path pdf = OfficeTools.convert(this.work.resolve("feedback.xlsx"), "pdf", this.work.resolve("pdf"));
		List<String> info = OfficeTools.pdfInfo(pdf);
		assertThat(info).anyMatch((line) -> line.matches("Pages:\\s+1"));
		assertThat(info).anyMatch((line) -> line.matches("Page size:\\s+841\\.\\d+ x 595\\.\\d+ pts \\(A4\\)"));
		// For a reviewer: the printed page.
		Path target = Path.of("target/selfservice");
		Files.createDirectories(target);
		Files.copy(pdf, target.resolve("退回清单.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private CampaignJar jar(Map<String, String> environment) {
		return new CampaignJar(this.work, environment);
	}

	private static String fixture(String name) {
		return Path.of("src/test/resources/badfiles").resolve(name).toAbsolutePath().toString();
	}

	/**
	 * Fills the template's 台账 sheet as openpyxl writes cells: real dates, the phone as
	 * text, the dropdown values.
	 */
	private static final String FILL_WITH_OPENPYXL = """
			import sys, datetime, openpyxl
			book = openpyxl.load_workbook(sys.argv[1])
			sheet = book["台账"]
			rows = [
			    ["DC-1", "东城街道", "荆山夏村", "居住出租房", "张记出租屋", "荆山夏村12号", "电动车室内充电",
			     datetime.date(2022, 9, 5), "已整改", datetime.date(2022, 9, 9), "李明", "13800138000"],
			    ["DC-2", "东城街道", "园丁社区", "沿街店铺", None, "园丁路3号", "灭火器过期",
			     datetime.date(2022, 9, 20), "未整改", None, None, "0579-87123456"],
			    ["DC-3", "东城街道", "卫星社区", "“三合一”企业", "某五金厂", "卫星路8号", "住人与生产未分隔",
			     datetime.date(2022, 10, 1), "整改中", None, "王芳", None],
			    ["DC-4", "东城街道", "荆山夏村", "居住出租房", None, "荆山夏村3号", "私拉电线",
			     datetime.date(2022, 10, 9), "已整改", datetime.date(2022, 10, 10), None, "13912345678"],
			]
			for r, values in enumerate(rows, start=2):
			    for c, value in enumerate(values, start=1):
			        if value is None:
			            continue
			        cell = sheet.cell(row=r, column=c, value=value)
			        cell.number_format = "yyyy-mm-dd" if isinstance(value, datetime.date) else "@"
			book.save(sys.argv[2])
			""";

}
