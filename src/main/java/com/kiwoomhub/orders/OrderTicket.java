package com.kiwoomhub.orders;

import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderRequest;
import com.kiwoomhub.canonical.Side;

/**
 * A request that passed validation, with what the hub resolved for it: the account alias, and for
 * MODIFY/CANCEL the order it applies to (symbol, side, destination and Kiwoom order number).
 *
 * @param rootClientOrderId   the NEW order this request belongs to (its own id for a NEW); null when
 *                            the target was placed outside the hub
 * @param targetBrokerOrderId MODIFY/CANCEL: the {@code orig_ord_no} to send
 */
public record OrderTicket(OrderRequest request, String account, String symbol, Side side, OrderDestination destination,
                          String rootClientOrderId, String targetBrokerOrderId) {

    public String clientOrderId() {
        return request.clientOrderId();
    }

    /** quantity × limit price, KRW; 0 when the order carries no price (market-type orders). */
    public long notional() {
        Long price = request.price();
        Long quantity = request.quantity();
        return price == null || quantity == null ? 0 : price * quantity;
    }
}
