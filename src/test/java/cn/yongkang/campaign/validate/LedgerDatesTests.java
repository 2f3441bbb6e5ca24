package cn.yongkang.campaign.validate;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerDatesTests {

	@ParameterizedTest
	@ValueSource(strings = { "2022-10-04", "2022-10-4", "2022/10/4", "2022.10.4", "20221004", "2022年10月4日",
			"2022年10月04日", " 2022-10-04 ", "2022-10-04 00:00:00", "44838", "44838.0", "44838.4375", "２０２２年１０月４日",
			"2022 年 10 月 4 日" })
	void readsEveryFormClerksUse(String text) {
		assertThat(LedgerDates.parse(text)).contains(LocalDate.of(2022, 10, 4));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "10月4日", "2022-13-01", "2022-02-30", "昨天", "4/10/2022", "123", "2022" })
	void refusesWhatIsNotADate(String text) {
		assertThat(LedgerDates.parse(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2022-13-01", "2022-02-30", "2022年9月31日", "20220931", "2022.9.31" })
	void tellsADayTheCalendarLacksFromText(String text) {
		assertThat(LedgerDates.parse(text)).isEmpty();
		assertThat(LedgerDates.looksLikeDate(text)).isTrue();
		assertThat(LedgerDates.looksLikeDate("待定")).isFalse();
		assertThat(LedgerDates.looksLikeDate("2022-09-30")).isTrue();
		assertThat(LedgerDates.parse("2022-09-30")).isPresent();
	}

}
