package com.kiwoomhub.canonical;

/** The order's state after an {@link OrderEvent}. */
public enum OrderStatus {
    PENDING,
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED
}
