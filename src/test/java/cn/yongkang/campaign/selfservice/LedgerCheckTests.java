package cn.yongkang.campaign.selfservice;

import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.yongkang.campaign.registry.Registry;
import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.validate.Problem;
import cn.yongkang.campaign.validate.RowOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instant check on the fixtures of the night's bad-files test: the same counts,
 * reasons and quarantine reasons the night stores for them (BadFilesIntegrationTests).
 */
class LedgerCheckTests {

	private static final Registry REGISTRY = Registry.load(Path.of("jobs"));

	private static final Township DONGCHENG = REGISTRY.township("东城街道").orElseThrow();

	private static final LocalDate NIGHT = LocalDate.of(2022, 10, 10);

	private final LedgerCheck check = new LedgerCheck();

	@TempDir
	Path folder;

	@Test
	void everyRejectedRowWithItsRowNumberAndReasons() {
		CheckReport report = this.check.check(fixture("good-ledger.xlsx"), REGISTRY, DONGCHENG, NIGHT);
		assertThat(report.clean()).isFalse();
		assertThat(report.rowsRead()).isEqualTo(5);
		assertThat(report.rowsAccepted()).isEqualTo(3);
		assertThat(report.rowsRejected()).isEqualTo(2);
		assertThat(report.rowsBlank()).isZero();
		assertThat(report.rejected()).extracting(RowOutcome::rowNumber, RowOutcome::reasons)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(7, "村（社区）“下宅口村”不属于东城街道"),
					org.assertj.core.groups.Tuple.tuple(8, "整改情况为已整改，但整改日期为空"));
		assertThat(report.rejected().get(0).problems()).extracting(Problem::suggestion)
			.containsExactly("“下宅口村”登记在龙山镇；本单位的村（社区）请从模板的下拉列表中选择");
	}

	@Test
	void warningsAndFormulaLookingCells() throws Exception {
		CheckReport report = this.check.check(fixture("formula-like-values.csv"), REGISTRY, DONGCHENG, NIGHT);
		assertThat(report.rowsRead()).isEqualTo(3);
		assertThat(report.rowsAccepted()).isEqualTo(2);
		assertThat(report.rowsRejected()).isEqualTo(1);
		assertThat(report.warned()).extracting(RowOutcome::rowNumber).containsExactly(4);
		assertThat(report.warned().get(0).warnings()).containsExactly("联系电话“12345”不像有效的手机或固定电话号码，请核对");
		Path feedback = this.folder.resolve("f.xlsx");
		this.check.writeFeedback(report, "formula-like-values.csv", feedback);
		try (XSSFWorkbook workbook = new XSSFWorkbook(feedback.toFile())) {
			assertThat(workbook.getSheetName(0)).isEqualTo("退回清单");
			assertThat(workbook.getSheetName(1)).isEqualTo("提示");
			workbook.forEach((sheet) -> sheet
				.forEach((row) -> row.forEach((cell) -> assertThat(cell.toString()).doesNotStartWith("=")
					.doesNotStartWith("+")
					.doesNotStartWith("-")
					.doesNotStartWith("@"))));
		}
	}

	@Test
	void anUnreadableFileGetsTheNightsQuarantineReason() {
		CheckReport report = this.check.check(fixture("password-protected.xlsx"), REGISTRY, DONGCHENG, NIGHT);
		assertThat(report.readable()).isFalse();
		assertThat(report.quarantineReason()).isEqualTo("文件设置了打开密码，无法读取。请取消密码后重新上传");
		assertThat(this.check.check(fixture("missing-required-columns.xlsx"), REGISTRY, DONGCHENG, NIGHT)
			.quarantineReason()).contains("表头缺少必需列：地址、隐患描述");
	}

	static Path fixture(String name) {
		return Path.of("src/test/resources/badfiles").resolve(name);
	}

}
