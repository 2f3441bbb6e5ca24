package cn.yongkang.campaign.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a console account may do. */
public enum Role {

	/** Everything, and the actions (run, rerun, restart, abandon, stop). */
	OPERATOR,

	/** The city office: reads everything and downloads, no actions. */
	OFFICE,

	/**
	 * A township clerk: its own township's uploads, feedback and figures, plus the
	 * published rankings and bulletin.
	 */
	TOWNSHIP;

	/** As the command line and the table write it: {@code operator}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Role of(String code) {
		return Arrays.stream(values())
			.filter((role) -> role.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new AccountException("unknown role '" + code + "'; roles are "
					+ Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "))));
	}

}
