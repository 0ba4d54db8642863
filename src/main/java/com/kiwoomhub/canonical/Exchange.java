package com.kiwoomhub.canonical;

/** Where an order is routed: Kiwoom's order {@code dmst_stex_tp} takes exactly these names. */
public enum Exchange {
    KRX,
    NXT,
    /** Smart order routing between KRX and NXT. */
    SOR
}
