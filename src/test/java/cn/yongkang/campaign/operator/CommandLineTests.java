package cn.yongkang.campaign.operator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTests {

	@Test
	void allowEmptyIsAFlagWhereverItStands() {
		CommandLine last = CommandLine.parse(new String[] { "run", "--date", "2022-10-09", "--allow-empty" });
		assertThat(last.flag("allow-empty")).isTrue();
		assertThat(last.option("date")).isEqualTo("2022-10-09");
		CommandLine first = CommandLine.parse(new String[] { "run", "--allow-empty", "--date", "2022-10-09" });
		assertThat(first.flag("allow-empty")).isTrue();
		assertThat(first.option("date")).isEqualTo("2022-10-09");
		assertThat(CommandLine.parse(new String[] { "run", "--date", "2022-10-09" }).flag("allow-empty")).isFalse();
		first.allowOnly(java.util.Set.of("date", "allow-empty"), 0);
	}

}
