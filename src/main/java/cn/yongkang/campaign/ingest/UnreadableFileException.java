package cn.yongkang.campaign.ingest;

/**
 * A whole file cannot be read as a ledger. The message is the quarantine reason, in
 * Chinese, for the township clerk: what is wrong and what to do.
 */
public class UnreadableFileException extends Exception {

	UnreadableFileException(String reason) {
		super(reason);
	}

	UnreadableFileException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
