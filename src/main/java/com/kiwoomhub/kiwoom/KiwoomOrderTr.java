package com.kiwoomhub.kiwoom;

import java.util.LinkedHashMap;
import java.util.Map;

import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;

/**
 * One order as Kiwoom's order TRs take it: kt10000 (buy), kt10001 (sell), kt10002 (modify) or kt10003
 * (cancel), with its request body.
 *
 * @param destination         {@code dmst_stex_tp}; null = KRX
 * @param quantity            shares; MODIFY/CANCEL: null or 0 = all remaining
 * @param price               limit price, KRW; null for market-type orders
 * @param stopPrice           STOP_LIMIT's {@code cond_uv}, KRW
 * @param originalOrderNumber MODIFY/CANCEL: the {@code orig_ord_no}
 */
public record KiwoomOrderTr(OrderAction action, Side side, OrderDestination destination, String symbol, Long quantity,
                            OrderType orderType, Long price, Long stopPrice, String originalOrderNumber) {

    public String apiId() {
        return switch (action) {
            case NEW -> side == Side.SELL ? "kt10001" : "kt10000";
            case MODIFY -> "kt10002";
            case CANCEL -> "kt10003";
        };
    }

    /** The order TR body (docs/kiwoom-protocol.md §7.4); all values are strings. */
    public Map<String, String> body() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("dmst_stex_tp", (destination == null ? OrderDestination.KRX : destination).name());
        switch (action) {
            case NEW -> {
                b.put("stk_cd", symbol);
                b.put("ord_qty", Long.toString(quantity));
                b.put("ord_uv", price == null ? "" : Long.toString(price));
                b.put("trde_tp", orderType.trdeTp());
                b.put("cond_uv", stopPrice == null ? "" : Long.toString(stopPrice));
            }
            case MODIFY -> {
                b.put("orig_ord_no", originalOrderNumber);
                b.put("stk_cd", symbol);
                b.put("mdfy_qty", Long.toString(quantity == null ? 0 : quantity));
                b.put("mdfy_uv", Long.toString(price));
                b.put("mdfy_cond_uv", "");
            }
            case CANCEL -> {
                b.put("orig_ord_no", originalOrderNumber);
                b.put("stk_cd", symbol);
                b.put("cncl_qty", Long.toString(quantity == null ? 0 : quantity));
            }
        }
        return b;
    }

    /** {@code [2000](800033:매도가능수량이 부족합니다. 0주 매도가능)} → the text Kiwoom meant for people. */
    public static String refusalText(KiwoomError error) {
        String text = error.text();
        int start = text.indexOf(error.code() + ":");
        if (start >= 0) {
            text = text.substring(start + error.code().length() + 1);
            if (text.endsWith(")")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return text.isBlank() ? error.category() + " " + error.code() : text.trim();
    }
}
