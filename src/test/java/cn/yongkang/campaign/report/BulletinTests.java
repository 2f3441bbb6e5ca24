package cn.yongkang.campaign.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulletinTests {

	@Test
	void writesChineseNumerals() {
		assertThat(Bulletin.numeral(3)).isEqualTo("三");
		assertThat(Bulletin.numeral(10)).isEqualTo("十");
		assertThat(Bulletin.numeral(12)).isEqualTo("十二");
		assertThat(Bulletin.numeral(20)).isEqualTo("二十");
		assertThat(Bulletin.numeral(35)).isEqualTo("三十五");
	}

	@Test
	void writesDatesTheChineseWay() {
		assertThat(Bulletin.chineseDate(java.time.LocalDate.of(2022, 10, 4))).isEqualTo("2022年10月4日");
	}

}
