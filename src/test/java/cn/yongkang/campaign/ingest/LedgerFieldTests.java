package cn.yongkang.campaign.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Header cells as clerks label them. */
class LedgerFieldTests {

	@Test
	void labelsMatchAfterFoldingAndWithoutMarksOrNotes() {
		assertThat(LedgerField.ofLabel("整改日期")).contains(LedgerField.RECTIFIED_ON);
		assertThat(LedgerField.ofLabel("整改日期（已整改必填）")).contains(LedgerField.RECTIFIED_ON);
		assertThat(LedgerField.ofLabel("整改日期\n（已整改必填）")).contains(LedgerField.RECTIFIED_ON);
		assertThat(LedgerField.ofLabel("排查日期(格式:2022-10-04)")).contains(LedgerField.FOUND_ON);
		assertThat(LedgerField.ofLabel("*地址")).contains(LedgerField.ADDRESS);
		assertThat(LedgerField.ofLabel("隐患描述(必填)")).contains(LedgerField.HAZARD);
		assertThat(LedgerField.ofLabel("排 查 日 期")).contains(LedgerField.FOUND_ON);
		assertThat(LedgerField.ofLabel("村（社区）")).contains(LedgerField.VILLAGE);
		assertThat(LedgerField.ofLabel("村（社区）（必填）")).contains(LedgerField.VILLAGE);
		assertThat(LedgerField.ofLabel("乡镇（街道）")).contains(LedgerField.TOWNSHIP);
		assertThat(LedgerField.ofLabel("备注（其他）")).isEmpty();
		assertThat(LedgerField.ofLabel("（说明）")).isEmpty();
		assertThat(LedgerField.ofLabel("")).isEmpty();
	}

}
