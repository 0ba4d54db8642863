package com.kiwoomhub.sandbox;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** The KRX regular session by the KST clock, or a market that never closes (the sandbox default). */
final class MarketHours {

    private static final LocalTime PRE_OPEN_AUCTION = LocalTime.of(8, 30);
    private static final LocalTime OPEN = LocalTime.of(9, 0);
    private static final LocalTime CONTINUOUS_END = LocalTime.of(15, 20);
    private static final LocalTime CLOSE = LocalTime.of(15, 30);

    private final Clock clock;
    private final boolean alwaysOpen;

    MarketHours(Clock clock, boolean alwaysOpen) {
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

    /** A KRX call auction (동시호가): the pre-open 08:30-09:00 and the closing 15:20-15:30; never when always open. */
    boolean callAuction() {
        LocalTime t = now().toLocalTime();
        return !alwaysOpen && tradingDay() && (!t.isBefore(PRE_OPEN_AUCTION) && t.isBefore(OPEN)
                || !t.isBefore(CONTINUOUS_END) && t.isBefore(CLOSE));
    }

    /** Orders are accepted in the regular session including the closing auction (mock: RC4058 otherwise). */
    boolean acceptsOrders() {
        LocalTime t = now().toLocalTime();
        return alwaysOpen || (tradingDay() && !t.isBefore(OPEN) && t.isBefore(CLOSE));
    }

    /** A 0s 장운영구분 event: FID 215 code and the KST time it takes effect. */
    private record Phase(LocalTime at, String code) {
    }

    /** KRX day events of 0s (docs/kiwoom-protocol.md §9.7): 장시작전, 장시작, 장마감 알림, 장마감, 시간외 종가/단일가, 전체장마감. */
    private static final List<Phase> PHASES = List.of(
            new Phase(LocalTime.of(8, 40), "0"), new Phase(OPEN, "3"), new Phase(CONTINUOUS_END, "2"),
            new Phase(CLOSE, "4"), new Phase(LocalTime.of(15, 40), "a"), new Phase(LocalTime.of(16, 0), "b"),
            new Phase(LocalTime.of(16, 0), "c"), new Phase(LocalTime.of(18, 0), "d"), new Phase(LocalTime.of(18, 0), "9"));

    /**
     * The 0s FID 215 codes to announce between two checks: on the first check (or a new day) the phase
     * in effect, afterwards every event passed since. An always-open market announces 장시작 once.
     */
    List<String> phaseChanges(LocalDateTime since, LocalDateTime now) {
        List<String> codes = new ArrayList<>();
        if (alwaysOpen) {
            if (since == null) {
                codes.add("3");
            }
            return codes;
        }
        if (!tradingDay()) {
            return codes;
        }
        boolean fresh = since == null || !since.toLocalDate().equals(now.toLocalDate());
        for (Phase phase : PHASES) {
            if (phase.at().isAfter(now.toLocalTime())) {
                break;
            }
            if (fresh) {
                codes.clear();
                codes.add(phase.code());
            } else if (phase.at().isAfter(since.toLocalTime())) {
                codes.add(phase.code());
            }
        }
        return codes;
    }

    /** FID 215 장운영구분 in effect now (0D carries it too): the last 0s event of the day, 9 before 08:40. */
    String phaseCode() {
        List<String> inEffect = phaseChanges(null, now());
        return inEffect.isEmpty() ? "9" : inEffect.get(inEffect.size() - 1);
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
