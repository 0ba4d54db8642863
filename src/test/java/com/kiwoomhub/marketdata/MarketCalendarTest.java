package com.kiwoomhub.marketdata;

import static com.kiwoomhub.canonical.KiwoomValues.KST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class MarketCalendarTest {

    private static final MarketHoursProperties HOURS = new MarketHoursProperties(
            LocalTime.of(8, 0), LocalTime.of(20, 0), List.of(LocalDate.of(2026, 12, 25)));

    @Test
    void openOnWeekdaysBetweenOpenAndCloseInKst() {
        assertThat(at("2026-11-23T08:00:00+09:00").isOpen()).isTrue();
        assertThat(at("2026-11-23T19:59:59+09:00").isOpen()).isTrue();
        assertThat(at("2026-11-23T07:59:59+09:00").isOpen()).isFalse();
        assertThat(at("2026-11-23T20:00:00+09:00").isOpen()).isFalse();
        // 23:30 UTC on Sunday is 08:30 KST on Monday.
        assertThat(at("2026-11-22T23:30:00Z").isOpen()).isTrue();
    }

    @Test
    void closedOnWeekendsAndConfiguredHolidays() {
        assertThat(at("2026-11-21T10:00:00+09:00").isOpen()).isFalse();
        assertThat(at("2026-12-25T10:00:00+09:00").isOpen()).isFalse();
    }

    @Test
    void alwaysOpenWhenMarketHoursOnlyIsOff() {
        Clock saturday = Clock.fixed(ZonedDateTime.parse("2026-11-21T03:00:00+09:00").toInstant(), KST);
        assertThat(new MarketCalendar(HOURS, false, saturday).isOpen()).isTrue();
    }

    private static MarketCalendar at(String time) {
        return new MarketCalendar(HOURS, true,
                Clock.fixed(ZonedDateTime.parse(time).toInstant(), KST));
    }
}
