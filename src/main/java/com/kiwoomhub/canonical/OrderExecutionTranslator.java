package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Kiwoom's view of orders → {@link OrderExecution}: real-time 00 주문체결, and for reconciliation
 * ka10075 미체결요청 (open orders) and ka10076 체결요청 (filled orders).
 */
public final class OrderExecutionTranslator {

    public static final String TYPE = "00";
    public static final String KA10075 = "ka10075";
    public static final String KA10076 = "ka10076";
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
        String reject = v.text("919");
        return new OrderExecution(v.text("9201"), v.requireText("9203"), originalOrder(v.text("904")),
                code.symbol(), venue(v.text("2134")), v.text("302"),
                OrderExecutionState.ofKiwoomText(stateText), stateText, action(orderKind), side(v.text("907"), orderKind),
                orderKind, v.text("906"), v.magnitude("900"), v.price("901"), v.magnitude("902"), v.magnitude("903"),
                v.magnitude("911"), v.price("910"), v.text("909"), v.price("914"), v.magnitude("915"),
                reject == null || reject.equals("0") ? null : reject, v.magnitude("938"), v.magnitude("939"),
                v.requireTime("908", tradingDate));
    }

    /**
     * ka10075 rows ({@code oso}): orders with a remaining quantity. {@code cntr_qty}/{@code cntr_tot_amt}
     * are the order's cumulative fills, {@code unit_cntr_*} its last fill, {@code tm} the order time.
     */
    public static List<OrderExecution> fromKa10075(JsonNode response, LocalDate tradingDate) {
        List<OrderExecution> rows = new ArrayList<>();
        for (JsonNode node : response.path("oso")) {
            KiwoomRow r = new KiwoomRow(node, KA10075);
            String stateText = r.requireText("ord_stt");
            String orderKind = r.text("io_tp_nm");
            rows.add(new OrderExecution(r.text("acnt_no"), r.requireText("ord_no"), originalOrder(r.text("orig_ord_no")),
                    r.requireSymbol("stk_cd").symbol(), venue(r.text("stex_tp")), r.text("stk_nm"),
                    OrderExecutionState.ofKiwoomText(stateText), stateText, action(orderKind), side(null, orderKind),
                    orderKind, r.text("trde_tp"), r.magnitude("ord_qty"), r.price("ord_pric"), r.magnitude("oso_qty"),
                    r.magnitude("cntr_tot_amt"), r.magnitude("cntr_qty"), r.price("cntr_pric"), r.text("cntr_no"),
                    r.price("unit_cntr_pric"), r.magnitude("unit_cntr_qty"), null, r.magnitude("tdy_trde_cmsn"),
                    r.magnitude("tdy_trde_tax"), r.requireTime("tm", tradingDate)));
        }
        return rows;
    }

    /**
     * ka10076 rows ({@code cntr}): orders with fills. The TR has no account number, cumulative amount,
     * execution number or last-fill fields (left out); {@code ord_tm} is the order time.
     */
    public static List<OrderExecution> fromKa10076(JsonNode response, LocalDate tradingDate) {
        List<OrderExecution> rows = new ArrayList<>();
        for (JsonNode node : response.path("cntr")) {
            KiwoomRow r = new KiwoomRow(node, KA10076);
            String stateText = r.requireText("ord_stt");
            String orderKind = r.text("io_tp_nm");
            rows.add(new OrderExecution(null, r.requireText("ord_no"), originalOrder(r.text("orig_ord_no")),
                    r.requireSymbol("stk_cd").symbol(), venue(r.text("stex_tp")), r.text("stk_nm"),
                    OrderExecutionState.ofKiwoomText(stateText), stateText, action(orderKind), side(null, orderKind),
                    orderKind, r.text("trde_tp"), r.magnitude("ord_qty"), r.price("ord_pric"), r.magnitude("oso_qty"),
                    null, r.magnitude("cntr_qty"), r.price("cntr_pric"), null, null, null, null,
                    r.magnitude("tdy_trde_cmsn"), r.magnitude("tdy_trde_tax"), r.requireTime("ord_tm", tradingDate)));
        }
        return rows;
    }

    private static String originalOrder(String orderNumber) {
        return orderNumber == null || orderNumber.equals(NO_ORDER_NUMBER) ? null : orderNumber;
    }

    /** 00 FID 2134 and ka10075/ka10076 {@code stex_tp}: 0 통합 (SOR), 1 KRX, 2 NXT. */
    private static Venue venue(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
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

    /** FID 907 (1 매도, 2 매수); else the 매수/매도 in the order kind (FID 905, {@code io_tp_nm}). */
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
