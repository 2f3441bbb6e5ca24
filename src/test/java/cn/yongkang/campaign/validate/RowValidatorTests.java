package cn.yongkang.campaign.validate;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.yongkang.campaign.registry.Registry;

import static org.assertj.core.api.Assertions.assertThat;

class RowValidatorTests {

	private static final Registry REGISTRY = Registry.load(Path.of("jobs"));

	private final RowValidator dongcheng = new RowValidator(REGISTRY, REGISTRY.township("东城街道").orElseThrow(),
			LocalDate.of(2022, 10, 4));

	private final RowValidator zone = new RowValidator(REGISTRY, REGISTRY.township("经济开发区").orElseThrow(),
			LocalDate.of(2022, 10, 4));

	@Test
	void acceptsAGoodRowWithCleanValues() {
		RowValidator.Verdict verdict = this.dongcheng
			.validate(row("东城", "荆山夏村委会", "出租房", "已整改", "2022/9/15", "2022年9月20日", "138 0013 8000"));
		assertThat(verdict.reasons()).isNull();
		AcceptedRow row = verdict.accepted();
		assertThat(row.townshipCode()).isEqualTo("330784001000");
		assertThat(row.villageCode()).isEqualTo("330784001203");
		assertThat(row.category()).isEqualTo("RENTAL_HOUSING");
		assertThat(row.foundOn()).isEqualTo(LocalDate.of(2022, 9, 15));
		assertThat(row.rectifiedOn()).isEqualTo(LocalDate.of(2022, 9, 20));
		assertThat(row.status()).isEqualTo(RectificationStatus.RECTIFIED);
		assertThat(row.warnings()).isNull();
	}

	@Test
	void namesColumnAndValueInEveryReason() {
		assertThat(reasons(row("东城街道", "荆山下村", "居住出租房", "未整改", "2022-09-15", null, null)))
			.isEqualTo("村（社区）“荆山下村”不属于东城街道");
		assertThat(reasons(row("西城街道", "荆山夏村", "居住出租房", "未整改", "2022-09-15", null, null)))
			.contains("乡镇（街道）“西城街道”与上传单位东城街道不符");
		assertThat(reasons(row("东城街道", "荆山夏村", "工业厂房", "未整改", "2022-09-15", null, null)))
			.isEqualTo("场所类型“工业厂房”不是可选类型（居住出租房、沿街店铺、“三合一”企业）");
		assertThat(reasons(row("东城街道", "荆山夏村", "居住出租房", "未整改", "2022-10-15", null, null)))
			.isEqualTo("排查日期“2022-10-15”晚于上传日期2022-10-04");
		assertThat(reasons(row("东城街道", "荆山夏村", "居住出租房", "已整改", "2022-09-15", null, null)))
			.isEqualTo("整改情况为已整改，但整改日期为空");
		assertThat(reasons(row("东城街道", "荆山夏村", "居住出租房", "已整改", "2022-09-15", "2022-09-01", null)))
			.isEqualTo("整改日期“2022-09-01”早于排查日期2022-09-15");
		assertThat(reasons(row("东城街道", "荆山夏村", "居住出租房", "好了", "9月15日", null, null)))
			.isEqualTo("排查日期“9月15日”无法识别，请填写如2022-10-04的日期；整改情况“好了”无法识别，应为已整改、未整改或整改中");
		assertThat(reasons(row("东城街道", "荆山夏村", "居住出租房", "未整改", "2022-09-31", null, null)))
			.isEqualTo("排查日期“2022-09-31”不是存在的日期（该月没有这一天），请核对");
	}

	@Test
	void collectsAllReasonsOfARow() {
		StagedValues empty = new StagedValues(1, 7, null, null, null, null, null, null, null, null, null, null, null,
				null);
		assertThat(this.dongcheng.validate(empty).reasons())
			.isEqualTo("乡镇（街道）为空；村（社区）为空；场所类型为空；地址为空；隐患描述为空；排查日期为空；整改情况为空");
	}

	@Test
	void warningsAcceptTheRow() {
		AcceptedRow odd = this.dongcheng
			.validate(row("东城街道", "荆山夏村", "居住出租房", "未整改", "2022-09-15", "2022-09-20", "1380013800"))
			.accepted();
		assertThat(odd.warnings()).contains("已忽略该日期").contains("联系电话“1380013800”");
		assertThat(odd.rectifiedOn()).isNull();
		assertThat(this.dongcheng
			.validate(row("东城街道", "荆山夏村", "居住出租房", "否", "2022-09-15", null, "0579-87654321，13800138000"))
			.accepted()
			.warnings()).isNull();
	}

	@Test
	void aZoneMayLeaveTheVillageBlank() {
		assertThat(this.zone.validate(row("开发区", null, "三合一", "整改中", "44820", null, null)).accepted().villageCode())
			.isNull();
		assertThat(this.dongcheng.validate(row("东城街道", null, "三合一", "整改中", "44820", null, null)).reasons())
			.isEqualTo("村（社区）为空");
	}

	@Test
	void aZoneRowInATownshipsVillageCountsAtZoneLevelAndSaysWhoseVillageItIs() {
		AcceptedRow row = this.zone.validate(row("开发区", "黄城里村", "出租房", "未整改", "2022-09-15", null, null)).accepted();
		assertThat(row.villageCode()).isNull();
		assertThat(row.warnings()).isEqualTo("村（社区）“黄城里村”属于东城街道，未在经济开发区登记，按区级统计");
		assertThat(this.zone.validate(row("开发区", "不存在村", "出租房", "未整改", "2022-09-15", null, null)).accepted().warnings())
			.isEqualTo("村（社区）“不存在村”未在经济开发区登记，按区级统计");
	}

	@Test
	void aValueLongerThanAnExcelCellRejectsItsRowNamingTheColumn() {
		StagedValues row = new StagedValues(1, 5, null, "东城街道", "荆山夏村", "居住出租房", "张某某出租房", "荆山夏村新村路18号",
				"杂".repeat(32_768), "2022-09-15", "未整改", null, "王五", null);
		assertThat(reasons(row)).isEqualTo("隐患描述内容超过32767个字符（Excel单元格的上限），请精简后重新上传");
		StagedValues fits = new StagedValues(1, 5, null, "东城街道", "荆山夏村", "居住出租房", "张某某出租房", "荆山夏村新村路18号",
				"杂".repeat(32_767), "2022-09-15", "未整改", null, "王五", null);
		assertThat(this.dongcheng.validate(fits).isAccepted()).isTrue();
	}

	private String reasons(StagedValues row) {
		return this.dongcheng.validate(row).reasons();
	}

	private static StagedValues row(String township, String village, String category, String status, String foundOn,
			String rectifiedOn, String contact) {
		return new StagedValues(1, 5, null, township, village, category, "张某某出租房", "荆山夏村新村路18号", "私拉乱接电线", foundOn,
				status, rectifiedOn, "王五", contact);
	}

}
