package cn.yongkang.campaign.operator;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The context of a command that is not a daemon ({@code run}, {@code status}, ...): no
 * metrics, health, security, pages, JSON or scheduler, which only {@code serve} and
 * {@code schedule} use. Starting them costs a short command most of its time; the console
 * sets {@value #PROPERTY} for those commands.
 */
public final class LeanContext implements AutoConfigurationImportFilter, EnvironmentAware {

	static final String PROPERTY = "campaign.lean-context";

	private static final List<String> DAEMON_ONLY = List.of("org.springframework.boot.actuate.",
			"org.springframework.boot.health.", "org.springframework.boot.micrometer.",
			"org.springframework.boot.batch.autoconfigure.observation.", "org.springframework.boot.security.",
			"org.springframework.boot.thymeleaf.", "org.springframework.boot.http.",
			"org.springframework.boot.jackson.", "org.springframework.boot.quartz.", "org.springframework.boot.webmvc.",
			"org.springframework.boot.servlet.", "org.springframework.boot.tomcat.",
			"org.springframework.boot.autoconfigure.task.TaskScheduling");

	private boolean lean;

	@Override
	public void setEnvironment(Environment environment) {
		this.lean = environment.getProperty(PROPERTY, Boolean.class, false);
	}

	@Override
	public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
		boolean[] matches = new boolean[candidates.length];
		for (int i = 0; i < candidates.length; i++) {
			matches[i] = !this.lean || candidates[i] == null || !daemonOnly(candidates[i]);
		}
		return matches;
	}

	private static boolean daemonOnly(String autoConfiguration) {
		return DAEMON_ONLY.stream().anyMatch(autoConfiguration::startsWith);
	}

}
