package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

/** Real-time 00 주문체결 → {@link OrderExecution}. */
public final class OrderExecutionTranslator {

    public static final String TYPE = "00";
    /** FID 904 for an order that modifies or cancels nothing. */
    static final String NO_ORDER_NUMBER = "0000000";

    private OrderExecutionTranslator() {
    }

    /** Every 00 row of a REAL frame, in frame order. */
    public static List<OrderExecution> fromFrame(JsonNode frame, LocalDate tradingDate) {
        return KiwoomRealRow.of(frame, TYPE).stream().map(row -> fromRow(row, tradingDate)).toList();
    }

    public static OrderExecution fromRow(KiwoomRealRow row, LocalDate tradingDate) {
        KiwoomRow v = row.values();
        KiwoomSymbol code = v.has("9001") ? v.requireSymbol("9001") : TradeTranslator.requireItem(row);
        String stateText = v.requireText("913");
        String orderKind = v.text("905");
        String original = v.text("904");
        String reject = v.text("919");
        return new OrderExecution(v.text("9201"), v.requireText("9203"),
                original == null || original.equals(NO_ORDER_NUMBER) ? null : original,
                code.symbol(), venue(v.text("2134")), v.text("302"),
                OrderExecutionState.ofKiwoomText(stateText), stateText, action(orderKind), side(v.text("907"), orderKind),
                orderKind, v.text("906"), v.magnitude("900"), v.price("901"), v.magnitude("902"), v.magnitude("903"),
                v.magnitude("911"), v.price("910"), v.text("909"), v.price("914"), v.magnitude("915"),
                reject == null || reject.equals("0") ? null : reject, v.magnitude("938"), v.magnitude("939"),
                v.requireTime("908", tradingDate));
    }

    private static Venue venue(String fid2134) {
        if (fid2134 == null) {
            return null;
        }
        return switch (fid2134) {
            case "0" -> Venue.UNIFIED;
            case "1" -> Venue.KRX;
            case "2" -> Venue.NXT;
            default -> null;
        };
    }

    private static OrderAction action(String orderKind) {
        if (orderKind == null) {
            return null;
        }
        if (orderKind.contains("정정")) {
            return OrderAction.MODIFY;
        }
        return orderKind.contains("취소") ? OrderAction.CANCEL : OrderAction.NEW;
    }

    /** FID 907 (1 매도, 2 매수); FID 905's 매수/매도 when 907 is missing. */
    private static Side side(String fid907, String orderKind) {
        if ("1".equals(fid907)) {
            return Side.SELL;
        }
        if ("2".equals(fid907)) {
            return Side.BUY;
        }
        if (orderKind != null && orderKind.contains("매수")) {
            return Side.BUY;
        }
        return orderKind != null && orderKind.contains("매도") ? Side.SELL : null;
    }
}
