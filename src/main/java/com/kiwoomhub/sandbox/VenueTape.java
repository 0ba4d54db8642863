package com.kiwoomhub.sandbox;

import java.time.LocalDateTime;

/**
 * The day's trades of one symbol on one venue, or on both for the SOR tape, which records every trade
 * of either (so its volume is KRX + NXT exactly, docs/kiwoom-protocol.md §6.6). Quantities in shares, amounts in KRW.
 */
final class VenueTape {

    final TradingVenue venue;
    long volume;
    long turnover;
    long buyVolume;
    long sellVolume;
    long buyCount;
    long sellCount;
    /** The last trade: quantity signed + when buyer-initiated, its amount, time and the venue it printed on. */
    long lastQuantity;
    long lastTurnover;
    LocalDateTime tradeTime;
    TradingVenue lastVenue;

    VenueTape(TradingVenue venue) {
        this.venue = venue;
        startDay();
    }

    void startDay() {
        volume = 0;
        turnover = 0;
        buyVolume = 0;
        sellVolume = 0;
        buyCount = 0;
        sellCount = 0;
        lastQuantity = 0;
        lastTurnover = 0;
        tradeTime = null;
        lastVenue = venue == TradingVenue.SOR ? TradingVenue.KRX : venue;
    }

    void record(TradingVenue printedOn, long price, long quantity, boolean buyerInitiated, LocalDateTime now) {
        volume += quantity;
        lastTurnover = quantity * price;
        turnover += lastTurnover;
        lastQuantity = buyerInitiated ? quantity : -quantity;
        if (buyerInitiated) {
            buyVolume += quantity;
            buyCount++;
        } else {
            sellVolume += quantity;
            sellCount++;
        }
        tradeTime = now;
        lastVenue = printedOn;
    }
}
