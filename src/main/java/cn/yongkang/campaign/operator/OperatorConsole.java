package cn.yongkang.campaign.operator;

import org.springframework.boot.SpringApplication;

/** The command line (SPEC §11). */
public final class OperatorConsole {

	private OperatorConsole() {
	}

	public static int launch(Class<?> application, String[] args) {
		return SpringApplication.exit(SpringApplication.run(application, args));
	}

}
