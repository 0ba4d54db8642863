package com.kiwoomhub.orders;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.canonical.OrderEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.kiwoomhub.security.Untrusted;

/**
 * Makes what became of a request durable and visible: its journal entry and event in one transaction, the
 * events of 00 rows that waited for its order number, and the {@code kiwoom.orders.requests} count by
 * outcome and error code. Used by the submission and by reconciliation alike.
 */
public class OrderOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(OrderOutcomes.class);

    private final OrderJournal journal;
    private final OrderEvents events;
    private final MeterRegistry meters;
    private final ExecutionLedger ledger;

    public OrderOutcomes(OrderJournal journal, OrderEvents events, MeterRegistry meters, ExecutionLedger ledger) {
        this.journal = journal;
        this.events = events;
        this.meters = meters;
        this.ledger = ledger;
    }

    /** An ACCEPTED, REJECTED or UNKNOWN entry and its event, stamped with the order TR it answers. */
    public void record(JournalEntry outcome) {
        OrderEvent event = switch (outcome.phase()) {
            case ACCEPTED -> OrderEvents.accepted(outcome);
            case REJECTED -> OrderEvents.rejected(outcome);
            default -> OrderEvents.unknown(outcome);
        };
        journal.record(outcome, List.of(events.record(event, outcome.orderTr().apiId())));
        switch (outcome.phase()) {
            case ACCEPTED -> count("accepted", "none");
            case REJECTED -> {
                count("rejected", outcome.errorCode());
                LOG.warn("Order {} rejected: {} {}", Untrusted.forLog(outcome.clientOrderId()), outcome.errorCode(),
                        Untrusted.forLog(outcome.reason()));
            }
            default -> count("unknown", "none");
        }
    }

    /** A request whose call the hub lost track of (it stopped during it): UNKNOWN before reconciliation. */
    public void recordUnknown(JournalEntry unknown) {
        journal.record(unknown, List.of(events.record(OrderEvents.unknown(unknown), "orders")));
        count("unknown", "none");
    }

    /** Events of 00 rows (FILL, MODIFIED, CANCELLED ...) that waited for an outcome of a request of that account. */
    public void publishExecutions(String account, List<OrderEvent> executions) {
        ledger.publish(account, executions, "ws/00");
    }

    public void count(String outcome, String code) {
        Counter.builder("kiwoom.orders.requests").description("Order requests by outcome and error code")
                .tag("outcome", outcome).tag("code", code == null ? "none" : code)
                .register(meters).increment();
    }
}
