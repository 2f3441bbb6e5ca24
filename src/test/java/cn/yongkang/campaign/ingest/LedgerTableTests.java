package cn.yongkang.campaign.ingest;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the ledger starts and which rows are data. */
class LedgerTableTests {

	private static final List<String> HEADER = List.of("序号", "乡镇（街道）", "村（社区）", "场所类型", "地址", "隐患描述", "排查日期", "整改情况",
			"联系电话");

	private final List<RawRow> rows = new ArrayList<>();

	private final LedgerTable table = new LedgerTable(true, this.rows::add);

	@Test
	void aHintRowUnderTheHeaderIsNotData() {
		this.table.startSheet("台账");
		this.table.row(1, List.of("东城街道消防安全隐患排查整治台账"));
		this.table.row(2, HEADER);
		this.table.row(3, List.of("", "单位：处", "", "", "", "", "（年-月-日）", "（已整改/未整改）", "(手机)"));
		this.table.row(4, List.of("1", "东城街道", "荆山夏村", "出租房", "新村路18号", "（楼道）堆放杂物", "2022-10-01", "未整改", ""));
		// After the first data row the same shape is data, rejected by validation.
		this.table.row(5, List.of("2", "单位：处", "", "", "", "", "（年-月-日）", "", ""));
		assertThat(this.table.endSheet()).isTrue();
		assertThat(this.table.headerRow()).isEqualTo(2);
		assertThat(this.rows).extracting(RawRow::rowNumber).containsExactly(4, 5);
		assertThat(this.table.dataRows()).isEqualTo(2);
		assertThat(this.table.blankRows()).isEqualTo(1);
	}

}
