package cn.yongkang.campaign.selfservice;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code upload_audit}: who sent which file when and from where, and what the
 * instant check said. Counts are null for a file that could not be read.
 *
 * @param feedbackFile the 退回清单 relative to the reports folder
 */
public record UploadAudit(long uploadId, String login, String townshipCode, String fileName, String storedName,
		LocalDate inboxDate, long fileSize, String sha256, Instant uploadedAt, String clientAddress, String status,
		String reason, Integer rowsRead, Integer rowsAccepted, Integer rowsRejected, Integer rowsBlank,
		Integer rowsWarned, String feedbackFile) {
}
