package com.kiwoomhub.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.kiwoomhub.orders.JournalEntry.JournalPhase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges an operator alerts on: the kill switch, and how long the oldest request whose outcome is
 * unknown (SUBMITTING past its call, or UNKNOWN) has waited for reconciliation.
 */
final class OrderFlowGauges {

    private OrderFlowGauges() {
    }

    static void register(MeterRegistry meters, RiskGuard risk, OrderJournal journal, Duration recoveryAfter, Clock clock) {
        Gauge.builder("kiwoom.orders.kill.switch", risk, r -> r.killSwitchOn() ? 1 : 0)
                .description("1 while the order kill switch is on (every NEW order rejected)").register(meters);
        Gauge.builder("kiwoom.orders.unknown.oldest", journal, j -> oldestUnknownSeconds(j, recoveryAfter, clock))
                .description("Age of the oldest order request whose outcome is unknown; 0 if none")
                .baseUnit("seconds").register(meters);
    }

    /** Entries still SUBMITTING count once past recovery-after, when their call can no longer be in flight. */
    static double oldestUnknownSeconds(OrderJournal journal, Duration recoveryAfter, Clock clock) {
        Instant now = clock.instant();
        return journal.entries().stream()
                .filter(e -> e.phase() == JournalPhase.UNKNOWN || e.phase() == JournalPhase.SUBMITTING)
                .map(JournalEntry::submittedAt)
                .filter(at -> at != null && at.plus(recoveryAfter).isBefore(now))
                .mapToDouble(at -> Duration.between(at, now).toMillis() / 1000.0)
                .max().orElse(0);
    }
}
