package com.kiwoomhub.orders;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderRequest;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.kiwoom.KiwoomOrderTr;

/**
 * What the hub knows about one order request, as written to the order journal (one JSON value per
 * Kafka record, keyed by clientOrderId; the field names are the journal's format and stay as they are).
 * Entries only move forward: SUBMITTING, then UNKNOWN when the outcome had to be reconciled, then
 * ACCEPTED or REJECTED. Made by {@link #submitting}, {@link #refused} or {@link #invalid}, moved on by
 * {@link #accepted}, {@link #rejected} and {@link #unknown}.
 *
 * @param attempt             id of the claim that won this clientOrderId (see {@link OrderJournal#claim})
 * @param instance            the hub instance that made the claim
 * @param destination         where a NEW order went (journal field {@code exchange})
 * @param rootClientOrderId   the NEW order a MODIFY/CANCEL belongs to (its own id for a NEW); null when
 *                            the target was placed outside the hub
 * @param targetBrokerOrderId MODIFY/CANCEL: the {@code orig_ord_no} sent
 * @param brokerOrderId       Kiwoom's {@code ord_no} once ACCEPTED
 * @param notional            quantity × limit price, KRW (0 when the price is not known), for the daily cap
 * @param tradingDate         KST date of the submission
 * @param submittedAt         when SUBMITTING was journaled
 * @param source              the order-request record the entry came from
 */
public record JournalEntry(String clientOrderId, JournalPhase phase, String attempt, String instance,
                           OrderAction action, String account, String symbol, Side side, Long quantity,
                           OrderType orderType, Long price, Long stopPrice,
                           @JsonProperty("exchange") OrderDestination destination,
                           String rootClientOrderId, String targetBrokerOrderId, String brokerOrderId,
                           String errorCode, String reason, long notional, LocalDate tradingDate,
                           Instant submittedAt, @JsonUnwrapped RecordSource source) {

    /** The canonical mapper, except that the journal has always written its null fields. */
    private static final ObjectMapper JSON = CanonicalJson.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    /** The write-ahead claim of a valid request, with a new attempt id, journaled by {@code instance} at {@code at}. */
    public static JournalEntry submitting(OrderTicket t, String instance, Instant at, RecordSource source) {
        OrderRequest r = t.request();
        return new JournalEntry(t.clientOrderId(), JournalPhase.SUBMITTING, UUID.randomUUID().toString(), instance,
                r.action(), t.account(), t.symbol(), t.side(), r.quantity(), r.orderType(), r.price(), r.stopPrice(),
                t.destination(), t.rootClientOrderId(), t.targetBrokerOrderId(), null, null, null, t.notional(),
                tradingDate(at), at, source);
    }

    /** A valid request the hub refused before any claim (e.g. by its risk guard): REJECTED with the code. */
    public static JournalEntry refused(OrderTicket t, String errorCode, String reason, String instance, Instant at,
                                       RecordSource source) {
        return submitting(t, instance, at, source).rejected(errorCode, reason);
    }

    /** An invalid request with a usable clientOrderId: REJECTED, with what could be read of it. */
    public static JournalEntry invalid(String clientOrderId, String symbol, Side side, String errorCode, String reason,
                                       String instance, Instant at, RecordSource source) {
        return new JournalEntry(clientOrderId, JournalPhase.REJECTED, UUID.randomUUID().toString(), instance, null,
                null, symbol, side, null, null, null, null, null, null, null, null, errorCode, reason, 0,
                tradingDate(at), at, source);
    }

    /** The KST trading date of a moment. */
    static LocalDate tradingDate(Instant at) {
        return LocalDate.ofInstant(at, KST);
    }

    /** Whether the entry stands for this very Kafka record (a redelivery), not another record with the same id. */
    public boolean cameFrom(RecordSource other) {
        return other.equals(source);
    }

    public boolean decided() {
        return phase == JournalPhase.ACCEPTED || phase == JournalPhase.REJECTED;
    }

    /** Kiwoom gave the request this order number. */
    public JournalEntry accepted(String newBrokerOrderId, String newReason) {
        return with(JournalPhase.ACCEPTED, newBrokerOrderId, null, newReason);
    }

    public JournalEntry rejected(String newErrorCode, String newReason) {
        return with(JournalPhase.REJECTED, null, newErrorCode, newReason);
    }

    /** Whether Kiwoom received the request is not known; reconciliation decides. */
    public JournalEntry unknown(String newReason) {
        return with(JournalPhase.UNKNOWN, null, null, newReason);
    }

    private JournalEntry with(JournalPhase newPhase, String newBrokerOrderId, String newErrorCode, String newReason) {
        return new JournalEntry(clientOrderId, newPhase, attempt, instance, action, account, symbol, side, quantity,
                orderType, price, stopPrice, destination, rootClientOrderId, targetBrokerOrderId, newBrokerOrderId,
                newErrorCode, newReason, notional, tradingDate, submittedAt, source);
    }

    /** The order TR that sends this request. */
    public KiwoomOrderTr orderTr() {
        return new KiwoomOrderTr(action, side, destination, symbol, quantity, orderType, price, stopPrice,
                targetBrokerOrderId);
    }

    /** The value of a journal record. */
    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Journal entry not writable: " + e.getOriginalMessage(), e);
        }
    }

    /** The entry of a journal record's value; empty when it is not readable as one. */
    static Optional<JournalEntry> fromJson(String value) {
        try {
            return Optional.of(JSON.readValue(value, JournalEntry.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The lifecycle of an entry. */
    public enum JournalPhase {
        /** Written (and acknowledged) before the order TR is sent. */
        SUBMITTING,
        /** The call's outcome is not known; an UNKNOWN event was published and reconciliation follows. */
        UNKNOWN,
        ACCEPTED,
        REJECTED
    }
}
