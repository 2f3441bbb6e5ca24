package cn.yongkang.campaign.selfservice;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.yongkang.campaign.validate.Problem;

/**
 * What an upload became, at once: the status the night will give it, the instant check's
 * counts (null for an unreadable file), every rejected row with its reasons as the night
 * will store them, the warnings, and the 退回清单.
 *
 * @param status LOADED, QUARANTINED or DUPLICATE
 * @param reason the quarantine or duplicate reason, in Chinese; null for LOADED
 * @param storedName the name in {@code INBOX/<inboxDate>/<township>/}; null when not
 * stored (too large)
 * @param feedbackFile the 退回清单, under the reports folder
 */
public record UploadResult(long uploadId, String townshipCode, String townshipName, LocalDate inboxDate,
		String fileName, String storedName, long fileSize, String sha256, Instant uploadedAt, String status,
		String reason, Integer rowsRead, Integer rowsAccepted, Integer rowsRejected, Integer rowsBlank,
		List<Rejected> rejected, List<Warning> warnings, Path feedbackFile) {

	/**
	 * A rejected row: its number as the spreadsheet shows it, the reasons as
	 * {@code rejected_row} stores them, and each problem with its column and suggestion.
	 */
	public record Rejected(int rowNumber, String reasons, List<Problem> problems, List<String> values) {
	}

	/** An accepted row with warnings. */
	public record Warning(int rowNumber, List<String> warnings) {
	}

}
