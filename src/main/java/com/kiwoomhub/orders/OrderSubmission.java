package com.kiwoomhub.orders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.canonical.DeadLetterHeaders;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderEvent;
import com.kiwoomhub.canonical.OrderRequest;
import com.kiwoomhub.canonical.OrderStatus;
import com.kiwoomhub.kiwoom.CallOptions;
import com.kiwoomhub.kiwoom.KiwoomAmbiguousOrderException;
import com.kiwoomhub.kiwoom.KiwoomClient;
import com.kiwoomhub.kiwoom.KiwoomError;
import com.kiwoomhub.kiwoom.KiwoomErrorCategory;
import com.kiwoomhub.kiwoom.KiwoomException;
import com.kiwoomhub.kiwoom.RateLimiter;
import com.kiwoomhub.kiwoom.TrResponse;
import com.kiwoomhub.orders.JournalEntry.JournalPhase;
import com.kiwoomhub.security.Untrusted;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The steps of {@code routes/orders.camel.yaml} for one order-request record: admit (journal, validation,
 * risk), then refuse, report a duplicate, or submit (write-ahead claim, order TR, outcome), and the
 * reconciliation of requests whose outcome is unknown. Every outcome is journaled together with its
 * event before the route commits the record's offset.
 *
 * <p>One submission at a time per instance: the intake reads one record per poll and the recovery
 * timer takes the same lock, so it never reconciles a request whose call is still in flight here;
 * other instances leave a SUBMITTING entry alone until it is older than {@code recovery-after}.
 */
public class OrderSubmission {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSubmission.class);

    /** Exchange property: what {@link #admit} decided. */
    public static final String VERDICT = "orderVerdict";
    private static final String TICKET = "orderTicket";
    private static final String REFUSAL = "orderRefusal";
    private static final String EXISTING = "orderExisting";

    /** What happens to a record. */
    public enum Verdict {
        /** Invalid or refused by risk: REJECTED event (and a dead letter when invalid), no Kiwoom call. */
        REFUSE,
        /** The clientOrderId belongs to an earlier record: no Kiwoom call. */
        DUPLICATE,
        /** This very record was handled before (a redelivery): its outcome is journaled or being reconciled. */
        DONE,
        /** Send it to Kiwoom. */
        SUBMIT
    }

    private record Refusal(String code, String reason, String clientOrderId, String symbol,
                           com.kiwoomhub.canonical.Side side, OrderTicket ticket) {
    }

    private final OrderJournal journal;
    private final OrderValidation validation;
    private final RiskGuard risk;
    private final KiwoomClient kiwoom;
    private final ExecutionTracker executions;
    private final Reconciliation reconciliation;
    private final OrderEvents events;
    private final String deadLetterTopic;
    private final Duration recoveryAfter;
    private final OrderFlowProbe probe;
    private final MeterRegistry meters;
    private final Clock clock;

    public OrderSubmission(OrderJournal journal, OrderValidation validation, RiskGuard risk, KiwoomClient kiwoom,
                           ExecutionTracker executions, Reconciliation reconciliation, OrderEvents events,
                           String deadLetterTopic, Duration recoveryAfter, OrderFlowProbe probe, MeterRegistry meters,
                           Clock clock) {
        this.journal = journal;
        this.validation = validation;
        this.risk = risk;
        this.kiwoom = kiwoom;
        this.executions = executions;
        this.reconciliation = reconciliation;
        this.events = events;
        this.deadLetterTopic = deadLetterTopic;
        this.recoveryAfter = recoveryAfter;
        this.probe = probe;
        this.meters = meters;
        this.clock = clock;
    }

    /** Decides what happens to the record in the body; sets the {@value #VERDICT} property. */
    public synchronized void admit(Exchange exchange) {
        journal.refresh();
        Message in = exchange.getMessage();
        String value = in.getBody(String.class);
        OrderValidation.Result result = validation.validate(value);
        String clientOrderId = result instanceof OrderValidation.Valid v ? v.ticket().clientOrderId()
                : ((OrderValidation.Invalid) result).clientOrderId();
        Optional<JournalEntry> existing = clientOrderId == null ? Optional.empty() : journal.find(clientOrderId);
        if (existing.isPresent()) {
            exchange.setProperty(EXISTING, existing.get());
            boolean same = existing.get().cameFrom(topic(in), partition(in), offset(in));
            exchange.setProperty(VERDICT, same ? Verdict.DONE : Verdict.DUPLICATE);
            return;
        }
        if (result instanceof OrderValidation.Invalid invalid) {
            exchange.setProperty(REFUSAL, new Refusal(OrderFlowCodes.VALIDATION, invalid.reason(), invalid.clientOrderId(),
                    invalid.symbol(), invalid.side(), null));
            exchange.setProperty(VERDICT, Verdict.REFUSE);
            return;
        }
        OrderTicket ticket = ((OrderValidation.Valid) result).ticket();
        exchange.setProperty(TICKET, ticket);
        Long timestamp = in.getHeader(KafkaConstants.TIMESTAMP, Long.class);
        Optional<String> refused = risk.check(ticket, timestamp == null ? null : Instant.ofEpochMilli(timestamp),
                clock.instant());
        if (refused.isPresent()) {
            exchange.setProperty(REFUSAL, new Refusal(OrderFlowCodes.RISK, "Refused by the hub's risk guard: " + refused.get(),
                    ticket.clientOrderId(), ticket.symbol(), ticket.side(), ticket));
            exchange.setProperty(VERDICT, Verdict.REFUSE);
            return;
        }
        exchange.setProperty(VERDICT, Verdict.SUBMIT);
    }

    /** REJECTED event (when the request has a usable id and symbol) and, for invalid input, the dead letter; journaled together. */
    public synchronized void refuse(Exchange exchange) {
        Message in = exchange.getMessage();
        Refusal r = exchange.getProperty(REFUSAL, Refusal.class);
        List<ProducerRecord<String, String>> out = new ArrayList<>();
        if (r.code().equals(OrderFlowCodes.VALIDATION)) {
            out.add(deadLetter(in, r.code(), r.reason()));
        }
        LOG.warn("Order request {} rejected: {} {}",
                r.clientOrderId() == null ? "at " + coordinates(in) : Untrusted.forLog(r.clientOrderId()), r.code(),
                Untrusted.forLog(r.reason()));
        count("rejected", r.code());
        if (r.clientOrderId() == null) {
            journal.publish(out);
            return;
        }
        JournalEntry entry = r.ticket() != null ? entry(r.ticket(), JournalPhase.REJECTED, in)
                .with(JournalPhase.REJECTED, null, r.code(), r.reason())
                : new JournalEntry(r.clientOrderId(), JournalPhase.REJECTED, UUID.randomUUID().toString(), journal.instance(),
                null, null, r.symbol(), r.side(), null, null, null, null, null, null, null, null, r.code(), r.reason(), 0,
                today(), clock.instant(), topic(in), partition(in), offset(in));
        if (r.symbol() != null) {
            out.add(events.record(OrderEvents.rejected(entry), "orders"));
        }
        journal.record(entry, out);
    }

    /** A record whose clientOrderId the hub already has: no Kiwoom call; REJECTED HUB_DUPLICATE and a dead letter. */
    public synchronized void duplicate(Exchange exchange) {
        Message in = exchange.getMessage();
        JournalEntry first = exchange.getProperty(EXISTING, JournalEntry.class);
        String reason = "Duplicate clientOrderId " + first.clientOrderId() + ": the request at " + first.sourceTopic() + "-"
                + first.sourcePartition() + " offset " + first.sourceOffset() + " has it (" + first.phase()
                + (first.brokerOrderId() == null ? "" : ", order " + first.brokerOrderId())
                + "); this one was not sent to Kiwoom";
        List<ProducerRecord<String, String>> out = new ArrayList<>();
        out.add(deadLetter(in, OrderFlowCodes.DUPLICATE, reason));
        if (first.symbol() != null) {
            OrderStatus current = switch (first.phase()) {
                case REJECTED -> OrderStatus.REJECTED;
                case SUBMITTING, UNKNOWN -> OrderStatus.PENDING;
                case ACCEPTED -> first.action() == OrderAction.NEW
                        ? executions.statusOf(first.account(), first.brokerOrderId()) : OrderStatus.PENDING;
            };
            out.add(events.record(OrderEvents.duplicate(first, current, reason), "orders"));
        }
        LOG.warn("Order request {} rejected: {} {}", Untrusted.forLog(first.clientOrderId()), OrderFlowCodes.DUPLICATE,
                Untrusted.forLog(reason));
        count("duplicate", OrderFlowCodes.DUPLICATE);
        journal.publish(out);
    }

    /** Write-ahead claim, the order TR, then outcome and event in one journal transaction. */
    public synchronized void submit(Exchange exchange) {
        Message in = exchange.getMessage();
        OrderTicket ticket = exchange.getProperty(TICKET, OrderTicket.class);
        JournalEntry submitting = entry(ticket, JournalPhase.SUBMITTING, in);
        if (!journal.claim(submitting)) {
            JournalEntry winner = journal.find(ticket.clientOrderId()).orElseThrow();
            exchange.setProperty(EXISTING, winner);
            if (winner.cameFrom(topic(in), partition(in), offset(in))) {
                count("redelivered", "none");
            } else {
                duplicate(exchange);
            }
            return;
        }
        probe.reached(OrderFlowProbe.Step.SUBMITTING_JOURNALED, submitting);
        JournalEntry outcome = null;
        executions.callStarted();
        try {
            outcome = call(submitting);
            probe.reached(OrderFlowProbe.Step.CALL_ANSWERED, outcome);
            record(outcome);
        } finally {
            journal.publish(records(executions.callEnded(outcome), "ws/00"));
        }
        probe.reached(OrderFlowProbe.Step.OUTCOME_JOURNALED, outcome);
    }

    /** Commits the record's offset: its outcome is durable by now. */
    public void commit(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }

    /**
     * Resolves every request whose outcome is unknown and whose call cannot be in flight any more
     * (SUBMITTING or UNKNOWN, journaled longer than {@code recovery-after} ago by this instance, three
     * times that by another): UNKNOWN is published once, then ka10075/ka10076 decide between ACCEPTED
     * (with the order number) and REJECTED.
     *
     * @return how many requests were resolved
     */
    public synchronized int recover() {
        journal.refresh();
        Instant now = clock.instant();
        int resolved = 0;
        for (JournalEntry entry : journal.entries()) {
            // another instance's request is left to it for three times as long, so two instances rarely both resolve one
            Duration wait = journal.instance().equals(entry.instance()) ? recoveryAfter : recoveryAfter.multipliedBy(3);
            if (entry.decided() || entry.submittedAt().isAfter(now.minus(wait))) {
                continue;
            }
            JournalEntry unknown = entry;
            if (entry.phase() == JournalPhase.SUBMITTING) {
                unknown = entry.with(JournalPhase.UNKNOWN, null, null,
                        "The hub stopped before it knew whether Kiwoom received this request; reconciling");
                journal.record(unknown, List.of(events.record(OrderEvents.unknown(unknown), "orders")));
                count("unknown", "none");
            }
            Optional<String> found;
            try {
                found = reconciliation.find(unknown);
            } catch (KiwoomException e) {
                LOG.warn("Order {} still unknown: reconciliation failed ({}); will retry", Untrusted.forLog(entry.clientOrderId()),
                        Untrusted.forLog(e.getMessage()));
                continue;
            }
            JournalEntry outcome = found
                    .map(number -> entryAccepted(unknownBase(entry), number,
                            "Reconciled: Kiwoom has order " + number + " (ka10075/ka10076)"))
                    .orElseGet(() -> unknownBase(entry).with(JournalPhase.REJECTED, null, OrderFlowCodes.NOT_PLACED,
                            "Reconciled: Kiwoom has no order for this request, it was not placed; send a new request to retry"));
            record(outcome);
            journal.publish(records(executions.resolved(outcome), "ws/00"));
            resolved++;
        }
        return resolved;
    }

    private static JournalEntry unknownBase(JournalEntry entry) {
        return entry.with(JournalPhase.UNKNOWN, null, null, null);
    }

    private static JournalEntry entryAccepted(JournalEntry entry, String number, String reason) {
        return entry.with(JournalPhase.ACCEPTED, number, null, reason);
    }

    private JournalEntry call(JournalEntry entry) {
        try {
            TrResponse response = kiwoom.call(entry.account(), apiId(entry), body(entry),
                    CallOptions.DEFAULT.withPriority(RateLimiter.Priority.ORDER));
            String number = response.body().path("ord_no").asText("");
            if (number.isBlank()) {
                return entry.with(JournalPhase.UNKNOWN, null, null, "Kiwoom answered without an order number");
            }
            return entry.with(JournalPhase.ACCEPTED, number, null, null);
        } catch (KiwoomAmbiguousOrderException e) {
            LOG.warn("Order {}: outcome unknown after {} ({}); reconciling before anything else", Untrusted.forLog(entry.clientOrderId()),
                    e.underlying().category(), e.underlying().code());
            return entry.with(JournalPhase.UNKNOWN, null, null,
                    "Kiwoom's answer was lost (" + e.underlying().category() + " " + e.underlying().code() + "); reconciling");
        } catch (KiwoomException e) {
            KiwoomError error = e.error();
            if (error.category() == KiwoomErrorCategory.TRANSPORT) {
                // surely not sent (refused connection): nothing reached Kiwoom, the request is rejected
                return entry.with(JournalPhase.REJECTED, null, OrderFlowCodes.KIWOOM_PREFIX + error.code(),
                        "Kiwoom could not be reached: " + error.text());
            }
            return entry.with(JournalPhase.REJECTED, null, OrderFlowCodes.KIWOOM_PREFIX + error.code(), kiwoomText(error));
        }
    }

    private void record(JournalEntry outcome) {
        OrderEvent event = switch (outcome.phase()) {
            case ACCEPTED -> OrderEvents.accepted(outcome);
            case REJECTED -> OrderEvents.rejected(outcome);
            default -> OrderEvents.unknown(outcome);
        };
        journal.record(outcome, List.of(events.record(event, apiId(outcome))));
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

    /** {@code [2000](800033:매도가능수량이 부족합니다. 0주 매도가능)} → the text Kiwoom meant for people. */
    static String kiwoomText(KiwoomError error) {
        String text = error.text();
        int start = text.indexOf(error.code() + ":");
        if (start >= 0) {
            text = text.substring(start + error.code().length() + 1);
            if (text.endsWith(")")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return text.isBlank() ? error.category() + " " + error.code() : text.trim();
    }

    private static String apiId(JournalEntry e) {
        return switch (e.action()) {
            case NEW -> e.side() == com.kiwoomhub.canonical.Side.SELL ? "kt10001" : "kt10000";
            case MODIFY -> "kt10002";
            case CANCEL -> "kt10003";
        };
    }

    /** The order TR body (docs/kiwoom-protocol.md §7.4); all values are strings. */
    private static Map<String, String> body(JournalEntry e) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("dmst_stex_tp", (e.exchange() == null ? com.kiwoomhub.canonical.Exchange.KRX : e.exchange()).name());
        switch (e.action()) {
            case NEW -> {
                b.put("stk_cd", e.symbol());
                b.put("ord_qty", Long.toString(e.quantity()));
                b.put("ord_uv", e.price() == null ? "" : Long.toString(e.price()));
                b.put("trde_tp", e.orderType().trdeTp());
                b.put("cond_uv", e.stopPrice() == null ? "" : Long.toString(e.stopPrice()));
            }
            case MODIFY -> {
                b.put("orig_ord_no", e.targetBrokerOrderId());
                b.put("stk_cd", e.symbol());
                b.put("mdfy_qty", Long.toString(e.quantity() == null ? 0 : e.quantity()));
                b.put("mdfy_uv", Long.toString(e.price()));
                b.put("mdfy_cond_uv", "");
            }
            case CANCEL -> {
                b.put("orig_ord_no", e.targetBrokerOrderId());
                b.put("stk_cd", e.symbol());
                b.put("cncl_qty", Long.toString(e.quantity() == null ? 0 : e.quantity()));
            }
        }
        return b;
    }

    private JournalEntry entry(OrderTicket t, JournalPhase phase, Message in) {
        OrderRequest r = t.request();
        return new JournalEntry(t.clientOrderId(), phase, UUID.randomUUID().toString(), journal.instance(), r.action(),
                t.account(), t.symbol(), t.side(), r.quantity(), r.orderType(), r.price(), r.stopPrice(), t.exchange(),
                t.rootClientOrderId(), t.targetBrokerOrderId(), null, null, null, t.notional(), today(), clock.instant(),
                topic(in), partition(in), offset(in));
    }

    private ProducerRecord<String, String> deadLetter(Message in, String code, String reason) {
        Object key = in.getHeader(KafkaConstants.KEY);
        ProducerRecord<String, String> r = new ProducerRecord<>(deadLetterTopic, key == null ? null : key.toString(),
                in.getBody(String.class));
        r.headers().add(DeadLetterHeaders.ERROR_CODE, bytes(code));
        r.headers().add(DeadLetterHeaders.ERROR, bytes(reason));
        r.headers().add(DeadLetterHeaders.SOURCE_TOPIC, bytes(topic(in)));
        r.headers().add(DeadLetterHeaders.SOURCE_PARTITION, bytes(Integer.toString(partition(in))));
        r.headers().add(DeadLetterHeaders.SOURCE_OFFSET, bytes(Long.toString(offset(in))));
        return r;
    }

    private List<ProducerRecord<String, String>> records(List<OrderEvent> list, String origin) {
        return list.stream().map(e -> events.record(e, origin)).toList();
    }

    private void count(String outcome, String code) {
        Counter.builder("kiwoom.orders.requests").description("Order requests by outcome and error code")
                .tag("outcome", outcome).tag("code", code == null ? "none" : code)
                .register(meters).increment();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(OrderEvents.KST));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String coordinates(Message in) {
        return topic(in) + "-" + partition(in) + " offset " + offset(in);
    }

    private static String topic(Message in) {
        return in.getHeader(KafkaConstants.TOPIC, "", String.class);
    }

    private static int partition(Message in) {
        return in.getHeader(KafkaConstants.PARTITION, -1, Integer.class);
    }

    private static long offset(Message in) {
        return in.getHeader(KafkaConstants.OFFSET, -1L, Long.class);
    }
}
