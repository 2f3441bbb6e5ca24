package cn.yongkang.campaign.registry;

/**
 * The registry files under {@code jobs/regions/} are missing or inconsistent; the message
 * says where.
 */
public class RegistryException extends RuntimeException {

	public RegistryException(String message) {
		super(message);
	}

	public RegistryException(String message, Throwable cause) {
		super(message, cause);
	}

}
