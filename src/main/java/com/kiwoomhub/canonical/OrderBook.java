package com.kiwoomhub.canonical;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The order book of one symbol on one venue (topic {@code kiwoom.orderbooks}, key {@code symbol}).
 *
 * @param time             호가시간 on the trading date, KST
 * @param asks             best (lowest) first, at most 10, empty levels dropped
 * @param bids             best (highest) first, at most 10, empty levels dropped
 * @param totalAskQuantity shares (매도호가총잔량)
 * @param totalBidQuantity shares (매수호가총잔량)
 * @param expectedPrice    auction expected price, KRW; only during call auctions
 * @param expectedQuantity auction expected volume, shares
 */
public record OrderBook(String symbol, Venue venue, OffsetDateTime time, List<PriceLevel> asks,
                        List<PriceLevel> bids, Long totalAskQuantity, Long totalBidQuantity,
                        Long expectedPrice, Long expectedQuantity) implements CanonicalMessage {

    public OrderBook {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(time, "time");
        asks = List.copyOf(asks);
        bids = List.copyOf(bids);
        time = KiwoomValues.inKst(time);
    }

    @Override
    public MessageType messageType() {
        return MessageType.ORDER_BOOK;
    }

    @Override
    public String topicKey() {
        return symbol;
    }

    /** symbol, venue, time and the whole book (levels, totals, expected price/quantity). */
    @Override
    public List<Object> identity() {
        return Arrays.asList(symbol, venue, time, asks, bids, totalAskQuantity, totalBidQuantity,
                expectedPrice, expectedQuantity);
    }
}
