package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The expected price and volume of a call auction (동시호가: pre-open, closing, and the 2-minute auction
 * of a VI) from real-time 0H 주식예상체결 (topic {@code kiwoom.expected-trades}, key {@code symbol}).
 * Nothing has traded at this price yet: it is where the auction would match now.
 *
 * @param time             FID 20 on the trading date, KST
 * @param price            expected price, KRW (|FID 10|); absent while no order would match
 * @param change           versus the previous close, KRW, signed (FID 11)
 * @param changeRate       percent, signed (FID 12)
 * @param quantity         shares the auction would match at that price (|FID 15|)
 * @param cumulativeVolume today's volume so far, shares (FID 13)
 */
public record ExpectedTrade(String symbol, Venue venue, OffsetDateTime time, Long price, long change,
                            BigDecimal changeRate, long quantity, Long cumulativeVolume) implements CanonicalMessage {

    public ExpectedTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(changeRate, "changeRate");
        time = KiwoomValues.inKst(time);
    }

    @Override
    public MessageType messageType() {
        return MessageType.EXPECTED_TRADE;
    }

    @Override
    public String topicKey() {
        return symbol;
    }

    /** symbol, venue, time, price, quantity. */
    @Override
    public List<Object> identity() {
        return List.of(symbol, venue, time, price == null ? "" : price, quantity);
    }
}
