package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to an order (topic {@code kiwoom.order-events}). Quantities in shares,
 * prices in KRW.
 *
 * @param clientOrderId         null for orders placed outside the hub (key {@code kiwoom:<brokerOrderId>})
 * @param symbol                null only on REJECTED for a request without a well-formed symbol
 * @param side                  null when the request had none (REJECTED of an invalid request)
 * @param brokerOrderId         Kiwoom {@code ord_no} (7 digits, zeros kept)
 * @param originalBrokerOrderId the order a MODIFY/CANCEL applies to
 * @param lastFillPrice         price of this fill (FILL events), KRW
 * @param lastFillQuantity      shares of this fill
 * @param averageFillPrice      filled value / filled quantity, KRW, may have decimals
 * @param reason                human-readable reason (rejections)
 * @param errorCode             {@code HUB_VALIDATION}, {@code HUB_RISK}, {@code KIWOOM_<code>} …
 * @param time                  when it happened, KST
 */
public record OrderEvent(String clientOrderId, OrderEventType type, OrderStatus status, String brokerOrderId,
                         String originalBrokerOrderId, String symbol, Side side, Long orderQuantity,
                         Long filledQuantity, Long remainingQuantity, Long lastFillPrice, Long lastFillQuantity,
                         BigDecimal averageFillPrice, String reason, String errorCode, OffsetDateTime time)
        implements CanonicalMessage {

    public OrderEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        if (symbol == null && type != OrderEventType.REJECTED) {
            throw new IllegalArgumentException("only a REJECTED event may lack its symbol");
        }
        Objects.requireNonNull(time, "time");
        if (clientOrderId == null && brokerOrderId == null) {
            throw new IllegalArgumentException("an order event needs a clientOrderId or a brokerOrderId");
        }
        time = KiwoomValues.inKst(time);
    }

    @Override
    public MessageType messageType() {
        return MessageType.ORDER_EVENT;
    }

    @Override
    public String topicKey() {
        return clientOrderId != null ? clientOrderId : "kiwoom:" + brokerOrderId;
    }

    /**
     * key, type, status, brokerOrderId, filledQuantity, remainingQuantity, errorCode, time: the same
     * Kiwoom frame or reconciliation result yields the same id. A FILL is identified by key, type,
     * brokerOrderId and cumulative filledQuantity only, so the same fill has the same id whether the 00
     * stream or a catch-up from ka10075/ka10076 reported it.
     */
    @Override
    public List<Object> identity() {
        if (type == OrderEventType.FILL) {
            return Arrays.asList(topicKey(), type, brokerOrderId, filledQuantity);
        }
        return Arrays.asList(topicKey(), type, status, brokerOrderId, filledQuantity, remainingQuantity, errorCode,
                time);
    }
}
