package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One execution from the real-time 0B stream (topic {@code kiwoom.trades}, key {@code symbol}).
 *
 * @param time               execution time (FID 20 on the trading date), KST
 * @param price              KRW (FID 10)
 * @param change             versus the previous close, KRW, signed (FID 11)
 * @param changeRate         percent, signed (FID 12)
 * @param size               shares of this trade, positive (|FID 15|)
 * @param side               aggressor: BUY when FID 15 is {@code +}, SELL when {@code -}
 * @param cumulativeVolume   today's volume, shares (FID 13)
 * @param cumulativeTurnover today's traded value, KRW (FID 14 is 백만원; this is ×1,000,000)
 * @param session            from FID 290
 */
public record Trade(String symbol, Venue venue, OffsetDateTime time, long price, long change,
                    BigDecimal changeRate, long size, Side side, long cumulativeVolume, Long cumulativeTurnover,
                    Long open, Long high, Long low, Long bestAsk, Long bestBid, TradingSession session)
        implements CanonicalMessage {

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(changeRate, "changeRate");
        Objects.requireNonNull(side, "side");
        time = KiwoomValues.inKst(time);
    }

    @Override
    public MessageType messageType() {
        return MessageType.TRADE;
    }

    @Override
    public String topicKey() {
        return symbol;
    }

    /** symbol, venue, time, cumulativeVolume (grows with every trade), price, size. */
    @Override
    public List<Object> identity() {
        return List.of(symbol, venue, time, cumulativeVolume, price, size);
    }
}
