package com.kiwoomhub.orders;

/** The hub's own error codes on order events and dead letters (Kiwoom's become {@code KIWOOM_<code>}). */
public final class OrderFlowCodes {

    /** The request breaks the contract; it never reached Kiwoom. */
    public static final String VALIDATION = "HUB_VALIDATION";
    /** A pre-trade limit or the kill switch refused the request; it never reached Kiwoom. */
    public static final String RISK = "HUB_RISK";
    /** The clientOrderId was used before; the first request stands and nothing was sent. */
    public static final String DUPLICATE = "HUB_DUPLICATE";
    /** The outcome was unknown and reconciliation found no such order at Kiwoom: it was not placed. */
    public static final String NOT_PLACED = "HUB_NOT_PLACED";
    /** Kiwoom refused the call without an order-rejection code (input error, auth, rate limit ...). */
    public static final String KIWOOM_PREFIX = "KIWOOM_";

    private OrderFlowCodes() {
    }
}
