package cn.yongkang.campaign.selfservice;

import java.time.LocalDate;
import java.util.List;

import cn.yongkang.campaign.registry.Township;
import cn.yongkang.campaign.validate.RowOutcome;

/**
 * What the instant check found in one file. Rows read = accepted + rejected + blank, as
 * the night reconciles them; an unreadable file has its quarantine reason and no counts.
 *
 * @param format XLSX, XLS or CSV, as judged by content
 * @param warned accepted rows with warnings
 */
public record CheckReport(Township township, LocalDate date, String format, String sheetName, int headerRow,
		int rowsRead, int rowsAccepted, int rowsRejected, int rowsBlank, List<RowOutcome> rejected,
		List<RowOutcome> warned, String quarantineReason) {

	static CheckReport unreadable(Township township, LocalDate date, String reason) {
		return new CheckReport(township, date, null, null, 0, 0, 0, 0, 0, List.of(), List.of(), reason);
	}

	public boolean readable() {
		return this.quarantineReason == null;
	}

	/** Nothing to fix: the file was read and no row was rejected. */
	public boolean clean() {
		return readable() && this.rowsRejected == 0;
	}

}
