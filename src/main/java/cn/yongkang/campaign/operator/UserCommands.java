package cn.yongkang.campaign.operator;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.yongkang.campaign.account.AccountException;
import cn.yongkang.campaign.account.ConsoleAccount;
import cn.yongkang.campaign.account.ConsoleAccounts;
import cn.yongkang.campaign.account.Role;

/**
 * {@code user add|list|disable}: console accounts. The password comes from stdin (without
 * echo on a terminal) and is never printed or logged.
 */
@Component
class UserCommands {

	private final ConsoleAccounts accounts;

	UserCommands(ConsoleAccounts accounts) {
		this.accounts = accounts;
	}

	int execute(CommandLine line, PrintStream out) {
		switch (line.arguments().get(0)) {
			case "add" -> {
				String login = line.arguments().get(1);
				String township = line.option("township") == null ? null : Preflight.township(line);
				ConsoleAccount account = this.accounts.add(login, Role.of(line.option("role")), township,
						readPassword());
				out.println("account " + account.login() + " added, role " + account.role().code()
						+ (township == null ? "" : ", township " + township));
			}
			case "list" -> {
				out.printf("%-20s %-9s %-13s %s%n", "LOGIN", "ROLE", "TOWNSHIP", "STATE");
				Instant now = Instant.now();
				for (ConsoleAccount account : this.accounts.list()) {
					out.printf("%-20s %-9s %-13s %s%n", account.login(), account.role().code(),
							account.townshipCode() == null ? "-" : account.townshipCode(),
							!account.enabled() ? "disabled"
									: account.locked(now) ? "locked until " + account.lockedUntil() : "enabled");
				}
			}
			case "disable" -> {
				ConsoleAccount account = this.accounts.disable(line.arguments().get(1));
				out.println("account " + account.login() + " disabled");
			}
			default -> throw new UsageException("'user' needs add, list or disable");
		}
		return OperatorConsole.OK;
	}

	private static String readPassword() {
		Console console = System.console();
		if (console != null) {
			char[] typed = console.readPassword("Password (at least %d characters): ",
					ConsoleAccounts.MIN_PASSWORD_LENGTH);
			return typed == null ? null : new String(typed);
		}
		try {
			String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			if (password == null) {
				throw new AccountException("no password on stdin: pipe it in, e.g. 'user add ... < password.txt'");
			}
			return password;
		}
		catch (IOException ex) {
			throw new AccountException("cannot read the password from stdin: " + ex.getMessage());
		}
	}

}
