package cn.yongkang.campaign.operator;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LeanContextTests {

	private static final String[] CANDIDATES = {
			"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
			"org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration", null };

	@Test
	void aCommandThatIsNotADaemonKeepsTheDatabaseAndBatchOnly() {
		assertThat(filter(true).match(CANDIDATES, null)).containsExactly(false, false, false, true, true, true, true);
	}

	@Test
	void theDaemonsAndTheTestsKeepEverything() {
		assertThat(filter(false).match(CANDIDATES, null)).containsOnly(true);
	}

	private static LeanContext filter(boolean lean) {
		LeanContext filter = new LeanContext();
		MockEnvironment environment = new MockEnvironment();
		if (lean) {
			environment.setProperty(LeanContext.PROPERTY, "true");
		}
		filter.setEnvironment(environment);
		return filter;
	}

}
