package cn.yongkang.campaign.operations;

/**
 * One file of a night's inbox and what became of it. Rows are null for a file that was
 * not read (quarantined, duplicate).
 */
public record UploadRecord(long fileId, String townshipCode, String townshipName, String townshipFolder,
		String fileName, String fileFormat, String status, String reason, Integer rowsRead, Integer rowsAccepted,
		Integer rowsRejected, Integer rowsBlank, Integer rowsWarned) {

	/** Whether the reconciliation read = accepted + rejected + blank holds (or n/a). */
	public boolean reconciles() {
		return this.rowsAccepted == null || this.rowsRead == this.rowsAccepted + this.rowsRejected + this.rowsBlank;
	}

}
