package cn.yongkang.campaign.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The accounts in {@code console_user}: created, listed and disabled from the command
 * line, checked and locked out by the console.
 */
@Component
public class ConsoleAccounts {

	/** Shorter passwords are refused. */
	public static final int MIN_PASSWORD_LENGTH = 10;

	/** Failed logins in a row that lock an account... */
	public static final int MAX_FAILURES = 5;

	/** ...for this long. */
	public static final Duration LOCK_OUT = Duration.ofMinutes(15);

	private static final PasswordEncoder ENCODER = new BCryptPasswordEncoder();

	private final JdbcTemplate jdbc;

	public ConsoleAccounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public static PasswordEncoder passwordEncoder() {
		return ENCODER;
	}

	public ConsoleAccount add(String login, Role role, String townshipCode, String password) {
		if (!login.matches("[A-Za-z0-9._@-]{1,64}")) {
			throw new AccountException(
					"login '" + login + "' must be 1 to 64 letters, digits or . _ @ - (no spaces, no Chinese)");
		}
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
			throw new AccountException("the password must be at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if ((role == Role.TOWNSHIP) != (townshipCode != null)) {
			throw new AccountException(role == Role.TOWNSHIP ? "a township account needs --township NAME"
					: "only a township account takes --township");
		}
		if (find(login).isPresent()) {
			throw new AccountException("account '" + login + "' exists already");
		}
		this.jdbc.update("""
				INSERT INTO console_user (login, password_hash, role, township_code, enabled, failed_logins, created_at)
				VALUES (?, ?, ?, ?, TRUE, 0, ?)""", login, ENCODER.encode(password), role.code(), townshipCode,
				Timestamp.from(Instant.now()));
		return find(login).orElseThrow();
	}

	public List<ConsoleAccount> list() {
		return this.jdbc.query("SELECT * FROM console_user ORDER BY login", ConsoleAccounts::account);
	}

	public Optional<ConsoleAccount> find(String login) {
		return this.jdbc.query("SELECT * FROM console_user WHERE login = ?", ConsoleAccounts::account, login)
			.stream()
			.findFirst();
	}

	public ConsoleAccount disable(String login) {
		if (this.jdbc.update("UPDATE console_user SET enabled = FALSE WHERE login = ?", login) == 0) {
			throw new AccountException("no account '" + login + "'; 'user list' lists them");
		}
		return find(login).orElseThrow();
	}

	/** A wrong password: the {@link #MAX_FAILURES}th in a row locks the account. */
	public void recordFailure(String login) {
		this.jdbc.update("UPDATE console_user SET failed_logins = failed_logins + 1 WHERE login = ?", login);
		this.jdbc.update("""
				UPDATE console_user SET locked_until = ?, failed_logins = 0
				WHERE login = ? AND failed_logins >= ?""", Timestamp.from(Instant.now().plus(LOCK_OUT)), login,
				MAX_FAILURES);
	}

	public void recordSuccess(String login) {
		this.jdbc.update(
				"UPDATE console_user SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE login = ?",
				Timestamp.from(Instant.now()), login);
	}

	private static ConsoleAccount account(ResultSet rs, int row) throws SQLException {
		return new ConsoleAccount(rs.getString("login"), Role.of(rs.getString("role")), rs.getString("township_code"),
				rs.getBoolean("enabled"), rs.getInt("failed_logins"), instant(rs.getTimestamp("locked_until")),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_login_at")),
				rs.getString("password_hash"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
