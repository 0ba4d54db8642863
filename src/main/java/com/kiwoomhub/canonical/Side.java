package com.kiwoomhub.canonical;

/** Buy or sell: of an order, or of the aggressor of a trade. */
public enum Side {
    BUY,
    SELL
}
