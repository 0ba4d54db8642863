package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot quote of one symbol on one venue (topic {@code kiwoom.quotes}, key {@code symbol}).
 * Prices and money in KRW, volume in shares, {@code changeRate} in percent ({@code 2.34} = +2.34 %).
 *
 * @param symbol        6-character code without prefix or suffix
 * @param price         last price, KRW
 * @param previousClose 기준가, KRW
 * @param change        price − previousClose, KRW, signed
 * @param changeRate    change / previousClose, percent, signed
 * @param upperLimit    daily upper price limit (상한가), KRW
 * @param lowerLimit    daily lower price limit (하한가), KRW
 * @param volume        today's cumulative volume, shares
 * @param turnover      today's cumulative traded value, KRW (ka10095 sends 백만원; this is ×1,000,000)
 * @param tradeTime     time of the last trade, KST
 * @param asOf          when the hub read the quote, KST
 * @param source        the TR it came from ({@code ka10095}, {@code ka10001})
 */
public record Quote(String symbol, Venue venue, String name, long price, long previousClose, long change,
                    BigDecimal changeRate, Long open, Long high, Long low, Long upperLimit, Long lowerLimit,
                    long volume, Long turnover, Long bestAsk, Long bestBid, OffsetDateTime tradeTime,
                    OffsetDateTime asOf, String source) implements CanonicalMessage {

    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(changeRate, "changeRate");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
        tradeTime = KiwoomValues.inKst(tradeTime);
        asOf = KiwoomValues.inKst(asOf);
    }

    @Override
    public MessageType messageType() {
        return MessageType.QUOTE;
    }

    @Override
    public String topicKey() {
        return symbol;
    }

    /**
     * symbol, venue, source, the trade time (or, without one, the KST date of {@code asOf}), price,
     * volume, best ask, best bid: a re-poll that sees the same market state gets the same id, while a
     * new trade (volume grows) or a moved best price gets a new one.
     */
    @Override
    public List<Object> identity() {
        return Arrays.asList(symbol, venue, source, tradeTime != null ? tradeTime : asOf.toLocalDate(),
                price, volume, bestAsk, bestBid);
    }
}
