package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Kiwoom order books → {@link OrderBook}: real-time 0D 주식호가잔량 and the ka10004 주식호가요청 TR.
 * Levels are best first; a level without a price or without quantity (after-hours sends deeper levels
 * as {@code "-0"}) is dropped.
 */
public final class OrderBookTranslator {

    public static final String TYPE = "0D";
    public static final String KA10004 = "ka10004";
    static final int DEPTH = 10;

    private OrderBookTranslator() {
    }

    /** Every 0D row of a REAL frame, in frame order. */
    public static List<OrderBook> fromFrame(JsonNode frame, LocalDate tradingDate) {
        return KiwoomRealRow.of(frame, TYPE).stream().map(row -> fromRow(row, tradingDate)).toList();
    }

    /**
     * One 0D row: asks FIDs 41–50 (price) / 61–70 (quantity), bids 51–60 / 71–80, totals 121 / 125,
     * expected price / quantity 23 / 24 (zero outside auctions, then left out). 0D has no exchange
     * field: the venue is the item's suffix.
     */
    public static OrderBook fromRow(KiwoomRealRow row, LocalDate tradingDate) {
        KiwoomRow v = row.values();
        KiwoomSymbol code = TradeTranslator.requireItem(row);
        List<PriceLevel> asks = new ArrayList<>();
        List<PriceLevel> bids = new ArrayList<>();
        for (int level = 0; level < DEPTH; level++) {
            addLevel(asks, v, String.valueOf(41 + level), String.valueOf(61 + level));
            addLevel(bids, v, String.valueOf(51 + level), String.valueOf(71 + level));
        }
        Long expectedPrice = v.price("23");
        return new OrderBook(code.symbol(), code.venue(), v.requireTime("21", tradingDate), asks, bids,
                v.magnitude("121"), v.magnitude("125"), expectedPrice,
                expectedPrice == null ? null : v.magnitude("24"));
    }

    /**
     * A ka10004 response. Level 1 is {@code sel_fpr_bid}/{@code sel_fpr_req} (최우선), levels 2–10
     * {@code sel_<n>th_pre_bid}/{@code sel_<n>th_pre_req}; bids likewise with {@code buy_}.
     *
     * @param code the requested {@code stk_cd} (the response does not echo it): symbol and venue
     */
    public static OrderBook fromKa10004(JsonNode response, String code, LocalDate tradingDate) {
        KiwoomRow v = new KiwoomRow(response, KA10004);
        KiwoomSymbol symbol = KiwoomSymbol.parse(code);
        if (symbol == null) {
            throw new KiwoomFormatException(KA10004 + ": no stk_cd given");
        }
        List<PriceLevel> asks = new ArrayList<>();
        List<PriceLevel> bids = new ArrayList<>();
        addLevel(asks, v, "sel_fpr_bid", "sel_fpr_req");
        addLevel(bids, v, "buy_fpr_bid", "buy_fpr_req");
        for (int level = 2; level <= DEPTH; level++) {
            addLevel(asks, v, "sel_" + level + "th_pre_bid", "sel_" + level + "th_pre_req");
            addLevel(bids, v, "buy_" + level + "th_pre_bid", "buy_" + level + "th_pre_req");
        }
        return new OrderBook(symbol.symbol(), symbol.venue(), v.requireTime("bid_req_base_tm", tradingDate), asks, bids,
                v.magnitude("tot_sel_req"), v.magnitude("tot_buy_req"), null, null);
    }

    private static void addLevel(List<PriceLevel> side, KiwoomRow v, String priceField, String quantityField) {
        Long price = v.price(priceField);
        Long quantity = v.magnitude(quantityField);
        if (price != null && quantity != null && quantity > 0) {
            side.add(new PriceLevel(price, quantity));
        }
    }
}
