package cn.yongkang.campaign.pipeline;

/** A request the launcher refuses; the message says why and what to do instead. */
public class LaunchException extends RuntimeException {

	public LaunchException(String message) {
		super(message);
	}

}
