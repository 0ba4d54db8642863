package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Program trading (프로그램매매) in one stock today, from real-time 0w 종목프로그램매매 (topic
 * {@code kiwoom.program-trades}, key {@code symbol}). Quantities in shares, amounts in KRW (Kiwoom
 * sends the amounts in 백만원; they are ×1,000,000 here, so they are whole millions).
 *
 * @param time              FID 20 on the trading date, KST
 * @param price             the stock's price, KRW (|FID 10|)
 * @param change            versus the previous close, KRW, signed (FID 11)
 * @param changeRate        percent, signed (FID 12)
 * @param cumulativeVolume  today's volume of the stock, shares (FID 13)
 * @param sellQuantity      program sells today, shares (FID 202)
 * @param sellAmount        program sells today, KRW (FID 204 × 1,000,000)
 * @param buyQuantity       program buys today, shares (FID 206)
 * @param buyAmount         program buys today, KRW (FID 208 × 1,000,000)
 * @param netBuyQuantity    buys − sells, shares, signed (FID 210)
 * @param netBuyAmount      buys − sells, KRW, signed (FID 212 × 1,000,000)
 */
public record ProgramTrade(String symbol, Venue venue, OffsetDateTime time, Long price, Long change,
                           BigDecimal changeRate, Long cumulativeVolume, long sellQuantity, long sellAmount,
                           long buyQuantity, long buyAmount, long netBuyQuantity, long netBuyAmount)
        implements CanonicalMessage {

    public ProgramTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(time, "time");
        time = KiwoomValues.inKst(time);
    }

    @Override
    public MessageType messageType() {
        return MessageType.PROGRAM_TRADE;
    }

    @Override
    public String topicKey() {
        return symbol;
    }

    /** symbol, venue, time, sellQuantity, buyQuantity (both only grow during the day). */
    @Override
    public List<Object> identity() {
        return List.of(symbol, venue, time, sellQuantity, buyQuantity);
    }
}
