package com.kiwoomhub.marketdata;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomProperties;

/**
 * The KST trading calendar the pollers follow: weekdays that are not configured holidays (no
 * Kiwoom TR provides the holiday list), between the configured open and close. With
 * market-hours-only off (the sandbox default) every moment counts as open.
 */
@Component
public class MarketCalendar {

    private final MarketHoursProperties hours;
    private final Set<LocalDate> holidays;
    private final boolean marketHoursOnly;
    private final Clock clock;

    @Autowired
    public MarketCalendar(MarketHoursProperties hours, KiwoomProperties kiwoom, KiwoomAccounts accounts) {
        this(hours, kiwoom.marketHoursOnly() != null ? kiwoom.marketHoursOnly() : !accounts.sandbox(), Clock.system(KST));
    }

    MarketCalendar(MarketHoursProperties hours, boolean marketHoursOnly, Clock clock) {
        this.hours = hours;
        this.holidays = Set.copyOf(hours.holidays());
        this.marketHoursOnly = marketHoursOnly;
        this.clock = clock;
    }

    /** True when polling should run now. */
    public boolean isOpen() {
        if (!marketHoursOnly) {
            return true;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(KST));
        return isTradingDay(now.toLocalDate())
                && !now.toLocalTime().isBefore(hours.open())
                && now.toLocalTime().isBefore(hours.close());
    }

    public boolean isTradingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    /** Today's date in KST, the trading date that Kiwoom's HHMMSS times belong to. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(KST));
    }
}
