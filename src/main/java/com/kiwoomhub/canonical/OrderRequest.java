package com.kiwoomhub.canonical;

import java.util.Arrays;
import java.util.List;

/**
 * An order instruction from another service (topic {@code kiwoom.order-requests}, keyed by the
 * producer with the account). This record is only the JSON shape: every field may be null here,
 * because checking the per-action rules (which fields NEW, MODIFY and CANCEL need) belongs to the
 * order flow, which must dead-letter invalid requests rather than fail to read them.
 *
 * @param clientOrderId         1–64 chars {@code [A-Za-z0-9._:-]}, the idempotency key
 * @param account               configured account alias; null = the only account
 * @param quantity              shares; NEW &gt; 0; MODIFY/CANCEL 0 = all remaining
 * @param price                 limit price, KRW (limit types; MODIFY)
 * @param stopPrice             stop price, KRW ({@code STOP_LIMIT})
 * @param exchange              where a NEW order goes; null = KRX
 * @param originalClientOrderId MODIFY/CANCEL: the order to change, by its client id …
 * @param brokerOrderId         … or by Kiwoom's order number
 */
public record OrderRequest(String clientOrderId, OrderAction action, String account, Side side, String symbol,
                           Long quantity, OrderType orderType, Long price, Long stopPrice, OrderDestination exchange,
                           String originalClientOrderId, String brokerOrderId) implements CanonicalMessage {

    /** The contract's {@code clientOrderId} pattern. */
    public static final String CLIENT_ORDER_ID_PATTERN = "^[A-Za-z0-9._:-]{1,64}$";

    @Override
    public MessageType messageType() {
        return MessageType.ORDER_REQUEST;
    }

    @Override
    public String topicKey() {
        return account;
    }

    /** clientOrderId and action: a redelivered request is the same request. */
    @Override
    public List<Object> identity() {
        return Arrays.asList(clientOrderId, action);
    }
}
