package com.kiwoomhub.sandbox;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** The KRX regular session by the KST clock, or a market that never closes (the sandbox default). */
final class TradingSession {

    private static final LocalTime OPEN = LocalTime.of(9, 0);
    private static final LocalTime CONTINUOUS_END = LocalTime.of(15, 20);
    private static final LocalTime CLOSE = LocalTime.of(15, 30);

    private final Clock clock;
    private final boolean alwaysOpen;

    TradingSession(Clock clock, boolean alwaysOpen) {
        this.clock = clock;
        this.alwaysOpen = alwaysOpen;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(TokenStore.KST));
    }

    LocalDate today() {
        return now().toLocalDate();
    }

    boolean tradingDay() {
        DayOfWeek day = today().getDayOfWeek();
        return alwaysOpen || (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY);
    }

    /** Continuous trading (09:00-15:20): prices move and orders fill. */
    boolean continuous() {
        LocalTime t = now().toLocalTime();
        return alwaysOpen || (tradingDay() && !t.isBefore(OPEN) && t.isBefore(CONTINUOUS_END));
    }

    /** Orders are accepted in the regular session including the closing auction (mock: RC4058 otherwise). */
    boolean acceptsOrders() {
        LocalTime t = now().toLocalTime();
        return alwaysOpen || (tradingDay() && !t.isBefore(OPEN) && t.isBefore(CLOSE));
    }

    /** 0B FID 290 장구분: 1 장전 시간외, 2 장중, 3 장후 시간외. */
    String sessionCode() {
        if (alwaysOpen) {
            return "2";
        }
        LocalTime t = now().toLocalTime();
        return t.isBefore(OPEN) ? "1" : t.isBefore(CLOSE) ? "2" : "3";
    }
}
