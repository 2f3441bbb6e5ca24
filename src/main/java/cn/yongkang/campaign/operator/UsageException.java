package cn.yongkang.campaign.operator;

/** The command line is wrong; the message says how (exit status 2). */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
