package com.kiwoomhub.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.OrderEvent;
import com.kiwoomhub.canonical.OrderEventType;
import com.kiwoomhub.canonical.OrderStatus;

/**
 * What was published of one order of one account and trading day (journal key
 * {@code execution:<account>:<tradingDate>:<event key>}): the figures of its last FILL and which
 * once-only events it had. An event is published only when it adds to this, whichever source (the 00
 * stream or a catch-up) produced it.
 *
 * @param orderKey       the events' Kafka key: clientOrderId, or {@code kiwoom:<brokerOrderId>}
 * @param filledQuantity cumulative shares of the last published FILL
 * @param filledAmount   cumulative KRW of the last published FILL (average × quantity, rounded), 0 when unknown
 * @param status         status of the last published event
 * @param once           the once-only events published: {@code ACCEPTED}, {@code REJECTED}, {@code CANCELLED},
 *                       {@code MODIFIED:<brokerOrderId>}
 */
public record ExecutionMark(String account, LocalDate tradingDate, String orderKey, long filledQuantity,
                            long filledAmount, OrderStatus status, Set<String> once) {

    private static final ObjectMapper JSON = CanonicalJson.mapper();

    public ExecutionMark {
        once = Set.copyOf(once);
    }

    static ExecutionMark none(String account, LocalDate tradingDate, String orderKey) {
        return new ExecutionMark(account, tradingDate, orderKey, 0, 0, OrderStatus.NEW, Set.of());
    }

    static String key(String account, LocalDate tradingDate, String orderKey) {
        return account + ":" + tradingDate + ":" + orderKey;
    }

    String key() {
        return key(account, tradingDate, orderKey);
    }

    /** Whether nothing more is to come for the order (FILLED, CANCELLED, REJECTED published). */
    public boolean closed() {
        return status == OrderStatus.FILLED || status == OrderStatus.CANCELLED || status == OrderStatus.REJECTED;
    }

    /**
     * The event as it is to be published after this mark, or empty when it adds nothing: a FILL must raise the
     * cumulative filled quantity (its {@code lastFillQuantity} becomes the difference to the last published fill,
     * its {@code lastFillPrice} the price of those shares when the amounts give a whole KRW figure, else null),
     * any other type must not have been published before.
     */
    Optional<OrderEvent> admit(OrderEvent e) {
        return admit(e, true);
    }

    /** @param exactAmounts false: the event's amounts are approximate, so no lastFillPrice is derived from them */
    Optional<OrderEvent> admit(OrderEvent e, boolean exactAmounts) {
        if (e.type() != OrderEventType.FILL) {
            return once.contains(onceKey(e)) ? Optional.empty() : Optional.of(e);
        }
        long filled = e.filledQuantity() == null ? 0 : e.filledQuantity();
        if (filled <= filledQuantity) {
            return Optional.empty();
        }
        long shares = filled - filledQuantity;
        Long price = e.lastFillPrice();
        if (price == null || e.lastFillQuantity() == null || e.lastFillQuantity() != shares) {
            long amount = amountOf(e);
            price = exactAmounts && amount > 0 && (filledQuantity == 0 || filledAmount > 0) && (amount - filledAmount) % shares == 0
                    ? (amount - filledAmount) / shares : null;
        }
        return Optional.of(new OrderEvent(e.clientOrderId(), e.type(), e.status(), e.brokerOrderId(),
                e.originalBrokerOrderId(), e.symbol(), e.side(), e.orderQuantity(), e.filledQuantity(),
                e.remainingQuantity(), price, shares, e.averageFillPrice(), e.reason(), e.errorCode(), e.time()));
    }

    /** This mark once the (admitted) event is published. */
    ExecutionMark after(OrderEvent e) {
        Set<String> published = new TreeSet<>(once);
        if (e.type() == OrderEventType.FILL) {
            return new ExecutionMark(account, tradingDate, orderKey, e.filledQuantity(), amountOf(e), e.status(), once);
        }
        published.add(onceKey(e));
        return new ExecutionMark(account, tradingDate, orderKey, filledQuantity, filledAmount, e.status(), published);
    }

    private static String onceKey(OrderEvent e) {
        return e.type() == OrderEventType.MODIFIED ? e.type() + ":" + e.brokerOrderId() : e.type().name();
    }

    private static long amountOf(OrderEvent e) {
        BigDecimal average = e.averageFillPrice();
        return average == null || e.filledQuantity() == null ? 0
                : average.multiply(BigDecimal.valueOf(e.filledQuantity())).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Execution mark not writable: " + e.getOriginalMessage(), e);
        }
    }

    static Optional<ExecutionMark> fromJson(String value) {
        try {
            return Optional.of(JSON.readValue(value, ExecutionMark.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
