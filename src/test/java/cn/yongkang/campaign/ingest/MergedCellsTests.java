package cn.yongkang.campaign.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MergedCells} with {@link LedgerTable} deciding which columns count: a
 * village merged over a run of rows fills the rows of the table, never a blank row that
 * holds only a 序号 or a remark beside the table (as MessyLedgerIntegrationTests found).
 */
class MergedCellsTests {

	/** 序号, 乡镇（街道）, 村（社区）, 场所类型, 地址, 隐患描述, 排查日期, 整改情况, 备注. */
	private static final List<String> HEADER = List.of("序号", "乡镇（街道）", "村（社区）", "场所类型", "地址", "隐患描述", "排查日期", "整改情况",
			"备注");

	private final List<RawRow> rows = new ArrayList<>();

	private final LedgerTable table = new LedgerTable(true, this.rows::add);

	private final MergedCells merged = new MergedCells();

	@Test
	void blankRowsInsideAMergedVillageStayBlank() {
		this.merged.add(CellRangeAddress.valueOf("C2:C6"));
		this.table.startSheet("台账");
		row(1, HEADER.toArray(String[]::new));
		row(2, "1", "东城街道", "园丁社区", "居住出租房", "园丁路1号", "电线私拉乱接", "2022-10-03", "未整改", null);
		row(3, "2", null, null, null, null, null, null, null, null);
		row(4, null, null, null, null, null, null, null, null, "以下空白");
		row(5, null, " ", null, "　", null, null, null, null, null);
		row(6, "3", "东城街道", null, "沿街店铺", "园丁路2号", "灭火器过期", "2022-10-04", "整改中", null);
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(2, 6);
		assertThat(this.rows).extracting((row) -> row.get(LedgerField.VILLAGE)).containsExactly("园丁社区", "园丁社区");
		assertThat(this.table.blankRows()).isEqualTo(3);
	}

	@Test
	void beforeTheHeaderEveryColumnCounts() {
		assertThat(this.table.countsAsValue(0)).isTrue();
		this.table.startSheet("台账");
		this.table.row(1, new ArrayList<>(HEADER));
		assertThat(this.table.countsAsValue(0)).isFalse();
		assertThat(this.table.countsAsValue(2)).isTrue();
		assertThat(this.table.countsAsValue(8)).isFalse();
	}

	/** What the readers do with each row: fill merged cells, then hand it on. */
	private void row(int rowNumber, String... values) {
		List<String> cells = new ArrayList<>(Arrays.asList(values));
		this.merged.fill(rowNumber - 1, cells, this.table::countsAsValue);
		this.table.row(rowNumber, cells);
	}

}
