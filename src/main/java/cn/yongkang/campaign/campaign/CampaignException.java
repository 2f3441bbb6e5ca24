package cn.yongkang.campaign.campaign;

/**
 * A campaign file is missing, unknown or malformed; the message says which and how to fix
 * it.
 */
public class CampaignException extends RuntimeException {

	public CampaignException(String message) {
		super(message);
	}

}
