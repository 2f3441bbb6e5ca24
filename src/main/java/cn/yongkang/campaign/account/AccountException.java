package cn.yongkang.campaign.account;

/** An account request refused; the message says why. */
public class AccountException extends RuntimeException {

	public AccountException(String message) {
		super(message);
	}

}
