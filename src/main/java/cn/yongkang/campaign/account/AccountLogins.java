package cn.yongkang.campaign.account;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Spring Security's view of {@code console_user}: looks accounts up and counts wrong
 * passwords towards the lock-out. Logs name the login, never a password.
 */
@Component
public class AccountLogins implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(AccountLogins.class);

	private final ConsoleAccounts accounts;

	public AccountLogins(ConsoleAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		ConsoleAccount account = this.accounts.find(login)
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
		return new AccountPrincipal(account.login(), account.role(), account.townshipCode(), account.enabled(),
				account.locked(Instant.now()), account.passwordHash());
	}

	@EventListener
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String login = String.valueOf(event.getAuthentication().getPrincipal());
		log.warn("Failed console login for '{}'", login.replaceAll("\\p{Cntrl}", "?"));
		this.accounts.recordFailure(login);
	}

	@EventListener
	public void onSuccess(AuthenticationSuccessEvent event) {
		this.accounts.recordSuccess(event.getAuthentication().getName());
	}

}
