package cn.yongkang.campaign.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in console account: its role and, for a township account, its township. */
public record AccountPrincipal(String login, Role role, String townshipCode, boolean enabled, boolean locked,
		String passwordHash) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.login;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	/** Whether this account may see a township's own pages and files. */
	public boolean maySee(String township) {
		return this.role != Role.TOWNSHIP || this.townshipCode.equals(township);
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + this.login + ", " + this.role.code() + "]";
	}

}
