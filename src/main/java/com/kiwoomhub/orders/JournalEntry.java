package com.kiwoomhub.orders;

import java.time.Instant;
import java.time.LocalDate;

import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;

/**
 * What the hub knows about one order request, as written to the order journal (one JSON value per
 * Kafka record, keyed by clientOrderId). Entries only move forward: SUBMITTING, then UNKNOWN when the
 * outcome had to be reconciled, then ACCEPTED or REJECTED.
 *
 * @param attempt             id of the claim that won this clientOrderId (see {@link OrderJournal#claim})
 * @param instance            the hub instance that made the claim
 * @param rootClientOrderId   the NEW order a MODIFY/CANCEL belongs to (its own id for a NEW); null when
 *                            the target was placed outside the hub
 * @param targetBrokerOrderId MODIFY/CANCEL: the {@code orig_ord_no} sent
 * @param brokerOrderId       Kiwoom's {@code ord_no} once ACCEPTED
 * @param notional            quantity × limit price, KRW (0 when the price is not known), for the daily cap
 * @param tradingDate         KST date of the submission
 * @param submittedAt         when SUBMITTING was journaled
 */
public record JournalEntry(String clientOrderId, JournalPhase phase, String attempt, String instance,
                           OrderAction action, String account, String symbol, Side side, Long quantity,
                           OrderType orderType, Long price, Long stopPrice, OrderDestination exchange,
                           String rootClientOrderId, String targetBrokerOrderId, String brokerOrderId,
                           String errorCode, String reason, long notional, LocalDate tradingDate,
                           Instant submittedAt, String sourceTopic, int sourcePartition, long sourceOffset) {

    /** Whether the entry stands for this very Kafka record (a redelivery), not another record with the same id. */
    public boolean cameFrom(String topic, int partition, long offset) {
        return topic.equals(sourceTopic) && partition == sourcePartition && offset == sourceOffset;
    }

    public boolean decided() {
        return phase == JournalPhase.ACCEPTED || phase == JournalPhase.REJECTED;
    }

    public JournalEntry with(JournalPhase newPhase, String newBrokerOrderId, String newErrorCode, String newReason) {
        return new JournalEntry(clientOrderId, newPhase, attempt, instance, action, account, symbol, side, quantity,
                orderType, price, stopPrice, exchange, rootClientOrderId, targetBrokerOrderId, newBrokerOrderId,
                newErrorCode, newReason, notional, tradingDate, submittedAt, sourceTopic, sourcePartition, sourceOffset);
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
