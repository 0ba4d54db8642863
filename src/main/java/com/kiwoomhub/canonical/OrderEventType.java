package com.kiwoomhub.canonical;

/** What happened to an order (contract "OrderEvent.type"). */
public enum OrderEventType {
    /** Kiwoom returned an {@code ord_no}. */
    ACCEPTED,
    /** Refused by the hub (validation, risk) or by Kiwoom. */
    REJECTED,
    /** One execution. */
    FILL,
    MODIFIED,
    CANCELLED,
    /** After a crash the hub cannot yet tell whether Kiwoom received the order; a resolving event follows. */
    UNKNOWN
}
