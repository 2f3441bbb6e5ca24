package cn.yongkang.campaign.validate;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.yongkang.campaign.registry.Registry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suggestions a 退回清单 makes: a registered name one character off, never a guess
 * between two, and each problem tied to the column a feedback workbook highlights.
 */
class SuggestionsTests {

	private static final Registry REGISTRY = Registry.load(Path.of("jobs"));

	private final RowValidator dongcheng = new RowValidator(REGISTRY, REGISTRY.township("东城街道").orElseThrow(),
			LocalDate.of(2022, 10, 4));

	@Test
	void aVillageOneCharacterOffIsNamed() {
		RowOutcome outcome = check("东城街道", "荆山下村", "居住出租房", "未整改", null);
		assertThat(outcome.problems()).containsExactly(new Problem("village", "村（社区）“荆山下村”不属于东城街道", "可能是“荆山夏村”"));
		// Without the suffix, as clerks often write it.
		assertThat(check("东城街道", "荆山下", "居住出租房", "未整改", null).problems().get(0).suggestion()).isEqualTo("可能是“荆山夏村”");
	}

	@Test
	void aVillageOfAnotherTownshipSaysWhoseItIs() {
		assertThat(check("东城街道", "下宅口村", "居住出租房", "未整改", null).problems().get(0).suggestion())
			.isEqualTo("“下宅口村”登记在龙山镇；本单位的村（社区）请从模板的下拉列表中选择");
	}

	@Test
	void nothingCloseMeansNoSuggestion() {
		assertThat(check("东城街道", "火星村", "居住出租房", "未整改", null).problems().get(0).suggestion()).isNull();
		assertThat(check("东城街道", "荆山夏村", "工业厂房", "未整改", null).problems().get(0).suggestion()).isNull();
	}

	@Test
	void categoryAndStatusAliasesOneCharacterOff() {
		assertThat(check("东城街道", "荆山夏村", "出租户", "未整改", null).problems())
			.containsExactly(new Problem("category", "场所类型“出租户”不是可选类型（居住出租房、沿街店铺、“三合一”企业）", "可能是“居住出租房”"));
		assertThat(check("东城街道", "荆山夏村", "沿街商店", "未整改", null).problems().get(0).suggestion()).isEqualTo("可能是“沿街店铺”");
		assertThat(check("东城街道", "荆山夏村", "居住出租房", "已整该", null).problems())
			.containsExactly(new Problem("status", "整改情况“已整该”无法识别，应为已整改、未整改或整改中", "可能是“已整改”"));
		// One character is too short to guess from: 是 and 否 are one edit apart.
		assertThat(check("东城街道", "荆山夏村", "居住出租房", "吗", null).problems().get(0).suggestion()).isNull();
	}

	@Test
	void problemsNameTheCellToHighlight() {
		RowOutcome outcome = check("东城", "荆山夏村", "居住出租房", "已整改", null);
		assertThat(outcome.problems()).extracting(Problem::column).containsExactly("rectified_on");
		assertThat(outcome.reasons()).isEqualTo("整改情况为已整改，但整改日期为空");
		assertThat(check(null, "荆山夏村", "居住出租房", "未整改", "2022-11-01").problems()).extracting(Problem::column)
			.containsExactly("township", "rectified_on");
	}

	@Test
	void oneEditApart() {
		assertThat(Suggestions.oneEditApart("荆山下村", "荆山夏村")).isTrue();
		assertThat(Suggestions.oneEditApart("荆山下", "荆山下村")).isTrue();
		assertThat(Suggestions.oneEditApart("荆山夏村", "荆山夏村")).isFalse();
		assertThat(Suggestions.oneEditApart("荆下村", "荆山夏村")).isFalse();
	}

	private RowOutcome check(String township, String village, String category, String status, String rectifiedOn) {
		return this.dongcheng.check(7, new String[] { null, township, village, category, null, "古山一村2号", "电动车室内充电",
				"2022-09-15", status, rectifiedOn, null, null });
	}

}
