package com.kiwoomhub.canonical;

/**
 * Where an order is routed (the OrderRequest field {@code exchange}): Kiwoom's order {@code dmst_stex_tp}
 * takes exactly these names. Not a market-data {@link Venue}: SOR routes one order between KRX and NXT.
 */
public enum OrderDestination {
    KRX,
    NXT,
    /** Smart order routing between KRX and NXT. */
    SOR
}
