package cn.yongkang.campaign.account;

import java.time.Instant;

/**
 * One console account. The password hash never leaves this package except to the
 * authentication that checks it.
 *
 * @param townshipCode the township a {@code township} account belongs to, null otherwise
 * @param lockedUntil when the lock-out after repeated failures ends, null when not locked
 */
public record ConsoleAccount(String login, Role role, String townshipCode, boolean enabled, int failedLogins,
		Instant lockedUntil, Instant createdAt, Instant lastLoginAt, String passwordHash) {

	public boolean locked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	@Override
	public String toString() {
		return "ConsoleAccount[" + this.login + ", " + this.role.code() + "]";
	}

}
