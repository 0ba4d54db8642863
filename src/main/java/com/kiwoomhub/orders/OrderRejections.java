package com.kiwoomhub.orders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.canonical.DeadLetterHeaders;
import com.kiwoomhub.ops.DeadLetterMeter;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderStatus;
import com.kiwoomhub.security.Untrusted;

/**
 * The steps of {@code routes/orders.camel.yaml} for a record that is not sent to Kiwoom: an invalid request,
 * one the risk guard refused, and a duplicate clientOrderId. Each yields its REJECTED event (when it has a
 * usable id; symbol and side may be null) and, unless refused by risk, its dead letter; a rejection of a new clientOrderId is
 * journaled in the same transaction, so the id counts as used.
 */
public class OrderRejections {

    private static final Logger LOG = LoggerFactory.getLogger(OrderRejections.class);

    private final OrderJournal journal;
    private final OrderEvents events;
    private final OrderOutcomes outcomes;
    private final ExecutionTracker executions;
    private final String deadLetterTopic;
    private final DeadLetterMeter deadLetters;
    private final Clock clock;

    public OrderRejections(OrderJournal journal, OrderEvents events, OrderOutcomes outcomes, ExecutionTracker executions,
                           String deadLetterTopic, DeadLetterMeter deadLetters, Clock clock) {
        this.journal = journal;
        this.events = events;
        this.outcomes = outcomes;
        this.executions = executions;
        this.deadLetterTopic = deadLetterTopic;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** {@link Admission.Invalid}: a dead letter with {@code HUB_VALIDATION}, and REJECTED when the request has a usable id. */
    public void invalid(Exchange exchange) {
        Message in = exchange.getMessage();
        Admission.Invalid invalid = (Admission.Invalid) Admission.of(exchange);
        RecordSource source = RecordSource.of(in);
        String code = OrderFlowCodes.VALIDATION;
        List<ProducerRecord<?, ?>> out = new ArrayList<>();
        out.add(deadLetter(in, code, invalid.reason()));
        warn(invalid.clientOrderId() == null ? "at " + source : invalid.clientOrderId(), code, invalid.reason());
        if (invalid.clientOrderId() == null) {
            journal.publish(out);
            return;
        }
        JournalEntry entry = JournalEntry.invalid(invalid.clientOrderId(), invalid.symbol(), invalid.side(), code,
                invalid.reason(), journal.instance(), clock.instant(), source);
        out.add(events.record(OrderEvents.rejected(entry), "orders"));
        journal.record(entry, out);
    }

    /** {@link Admission.RiskRejected}: REJECTED with {@code HUB_RISK}; no dead letter, the request itself was valid. */
    public void riskRejected(Exchange exchange) {
        Admission.RiskRejected refused = (Admission.RiskRejected) Admission.of(exchange);
        String code = OrderFlowCodes.RISK;
        warn(refused.ticket().clientOrderId(), code, refused.reason());
        JournalEntry entry = JournalEntry.refused(refused.ticket(), code, refused.reason(), journal.instance(),
                clock.instant(), RecordSource.of(exchange.getMessage()));
        journal.record(entry, List.of(events.record(OrderEvents.rejected(entry), "orders")));
    }

    /** {@link Admission.Duplicate}: no Kiwoom call; REJECTED {@code HUB_DUPLICATE} with the order's current status, and a dead letter. */
    public void duplicate(Exchange exchange) {
        Message in = exchange.getMessage();
        JournalEntry first = ((Admission.Duplicate) Admission.of(exchange)).first();
        String reason = "Duplicate clientOrderId " + first.clientOrderId() + ": the request at " + first.source()
                + " has it (" + first.phase() + (first.brokerOrderId() == null ? "" : ", order " + first.brokerOrderId())
                + "); this one was not sent to Kiwoom";
        List<ProducerRecord<?, ?>> out = new ArrayList<>();
        out.add(deadLetter(in, OrderFlowCodes.DUPLICATE, reason));
        OrderStatus current = switch (first.phase()) {
            case REJECTED -> OrderStatus.REJECTED;
            case SUBMITTING, UNKNOWN -> OrderStatus.PENDING;
            case ACCEPTED -> first.action() == OrderAction.NEW
                    ? executions.statusOf(first.account(), first.tradingDate(), first.brokerOrderId()) : OrderStatus.PENDING;
        };
        out.add(events.record(OrderEvents.duplicate(first, current, reason), "orders"));
        LOG.warn("Order request {} rejected: {} {}", Untrusted.forLog(first.clientOrderId()), OrderFlowCodes.DUPLICATE,
                Untrusted.forLog(reason));
        outcomes.count("duplicate", OrderFlowCodes.DUPLICATE);
        journal.publish(out);
    }

    private void warn(String request, String code, String reason) {
        LOG.warn("Order request {} rejected: {} {}", Untrusted.forLog(request), code, Untrusted.forLog(reason));
        outcomes.count("rejected", code);
    }

    /** The record as received, key and value byte for byte, with why it was refused and where it came from. */
    private ProducerRecord<byte[], byte[]> deadLetter(Message in, String code, String reason) {
        deadLetters.count("order-requests");
        RecordSource source = RecordSource.of(in);
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(deadLetterTopic, in.getHeader(KafkaConstants.KEY, byte[].class),
                in.getBody(byte[].class));
        DeadLetterHeaders.of(code, reason, source.topic(), source.partition(), source.offset())
                .forEach((name, value) -> r.headers().add(name, bytes(value)));
        return r;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
