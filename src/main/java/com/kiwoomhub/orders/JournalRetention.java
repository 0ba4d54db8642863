package com.kiwoomhub.orders;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the order journal bounded: decided entries unchanged for {@code kiwoom.orders.journal-retention}
 * are pruned from the journal and from the execution tracker, on the {@code order-journal-retention}
 * timer of every instance. A clientOrderId is unique within the retention; a request reusing a pruned one
 * is a new order.
 */
public class JournalRetention {

    private final OrderJournal journal;
    private final ExecutionTracker executions;
    private final Duration retention;
    private final Clock clock;
    private final Counter pruned;

    public JournalRetention(OrderJournal journal, ExecutionTracker executions, Duration retention, Clock clock,
                            MeterRegistry meters) {
        this.journal = journal;
        this.executions = executions;
        this.retention = retention;
        this.clock = clock;
        this.pruned = Counter.builder("kiwoom.orders.journal.pruned")
                .description("Order journal entries pruned after the retention").register(meters);
        Gauge.builder("kiwoom.orders.journal.entries", journal, OrderJournal::size)
                .description("Order journal entries held in memory").register(meters);
    }

    /** @return how many entries were pruned */
    public int prune() {
        List<JournalEntry> removed = journal.prune(clock.instant().minus(retention));
        executions.forget(removed);
        pruned.increment(removed.size());
        return removed.size();
    }
}
