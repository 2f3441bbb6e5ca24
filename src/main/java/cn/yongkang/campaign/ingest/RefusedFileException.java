package cn.yongkang.campaign.ingest;

/**
 * The unchecked form of {@link UnreadableFileException}, for bounds checked inside parser
 * handlers and sheet visitors, which cannot throw checked exceptions: the message is the
 * quarantine reason, in Chinese, for the clerk.
 */
final class RefusedFileException extends RuntimeException {

	RefusedFileException(String reason) {
		super(reason);
	}

}
