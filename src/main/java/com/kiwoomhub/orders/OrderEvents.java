package com.kiwoomhub.orders;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.CloudEvent;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderEvent;
import com.kiwoomhub.canonical.OrderEventType;
import com.kiwoomhub.canonical.OrderStatus;

/**
 * The order events of the request path (ACCEPTED, REJECTED, UNKNOWN) and their Kafka records,
 * stamped exactly as {@code canonicalRecord} stamps them (key, CloudEvents headers, canonical JSON),
 * so that they can be written in the same transaction as the journal entry.
 */
public final class OrderEvents {

    private final String topic;

    public OrderEvents(String topic) {
        this.topic = topic;
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(KST).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Kiwoom gave the request an order number. A NEW order is then NEW; a MODIFY/CANCEL is PENDING until Kiwoom confirms it (MODIFIED/CANCELLED). */
    public static OrderEvent accepted(JournalEntry e) {
        boolean isNew = e.action() == OrderAction.NEW;
        Long quantity = isNew ? e.quantity() : null;
        return new OrderEvent(e.clientOrderId(), OrderEventType.ACCEPTED, isNew ? OrderStatus.NEW : OrderStatus.PENDING,
                e.brokerOrderId(), e.targetBrokerOrderId(), e.symbol(), e.side(), quantity, isNew ? 0L : null, quantity,
                null, null, null, e.reason(), null, now());
    }

    public static OrderEvent rejected(JournalEntry e) {
        return new OrderEvent(e.clientOrderId(), OrderEventType.REJECTED, OrderStatus.REJECTED, null,
                e.targetBrokerOrderId(), e.symbol(), e.side(), e.action() == OrderAction.NEW ? e.quantity() : null,
                null, null, null, null, null, e.reason(), e.errorCode(), now());
    }

    public static OrderEvent unknown(JournalEntry e) {
        return new OrderEvent(e.clientOrderId(), OrderEventType.UNKNOWN, OrderStatus.PENDING, null,
                e.targetBrokerOrderId(), e.symbol(), e.side(), e.action() == OrderAction.NEW ? e.quantity() : null,
                null, null, null, null, null, e.reason(), e.errorCode(), now());
    }

    /**
     * A second request with a clientOrderId the hub already has: REJECTED with {@code HUB_DUPLICATE},
     * carrying the first request's order number, and the status the first request left the order in
     * (so a consumer that folds events into order state is not misled).
     */
    public static OrderEvent duplicate(JournalEntry first, OrderStatus current, String reason) {
        return new OrderEvent(first.clientOrderId(), OrderEventType.REJECTED, current, first.brokerOrderId(),
                first.targetBrokerOrderId(), first.symbol(), first.side(), null, null, null, null, null, null, reason,
                OrderFlowCodes.DUPLICATE, now());
    }

    /** The Kafka record of an event: key, CloudEvents headers and canonical JSON, as {@code canonicalRecord.stamp}. */
    public ProducerRecord<String, String> record(OrderEvent event, String origin) {
        CloudEvent ce = CloudEvent.of(event, origin, event.time());
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, ce.key(), CanonicalJson.toJson(event));
        ce.headers().forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }
}
