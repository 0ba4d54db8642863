package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Kiwoom quote TRs → {@link Quote}: ka10095 관심종목정보요청 (many symbols per call, list
 * {@code atn_stk_infr}) and ka10001 주식기본정보요청 (one symbol, flat).
 */
public final class QuoteTranslator {

    public static final String KA10095 = "ka10095";
    public static final String KA10001 = "ka10001";
    /** ka10095 {@code atn_stk_infr} rows. */
    static final String KA10095_LIST_KEY = "atn_stk_infr";
    /** ka10095 {@code trde_prica} is in 백만원 (docs/kiwoom-protocol.md §6.5: 2,837,598 sh × ~34,500 ≈ 98,036). */
    static final long KA10095_TURNOVER_TO_KRW = 1_000_000L;

    private QuoteTranslator() {
    }

    /**
     * One quote per ka10095 row; a malformed row fails the whole response.
     *
     * @param response the whole response body
     * @param asOf     when the hub read it (KST); its date is the trading date if a row has no {@code dt}
     */
    public static List<Quote> fromKa10095(JsonNode response, OffsetDateTime asOf) {
        return fromKa10095(response, asOf, e -> {
            throw e;
        });
    }

    /**
     * One quote per ka10095 row, where a malformed row (say, a symbol without a price) is handed to
     * {@code rejectedRow} and the other rows of the batch (up to 100 symbols) still translate.
     */
    public static List<Quote> fromKa10095(JsonNode response, OffsetDateTime asOf,
                                          Consumer<KiwoomFormatException> rejectedRow) {
        List<Quote> quotes = new ArrayList<>();
        for (JsonNode node : response.path(KA10095_LIST_KEY)) {
            try {
                quotes.add(ka10095Row(new KiwoomRow(node, KA10095), asOf));
            } catch (KiwoomFormatException e) {
                rejectedRow.accept(e);
            }
        }
        return quotes;
    }

    private static Quote ka10095Row(KiwoomRow row, OffsetDateTime asOf) {
        KiwoomSymbol code = row.requireSymbol("stk_cd");
        LocalDate tradingDate = row.date("dt");
        Long turnover = row.magnitude("trde_prica");
        return new Quote(code.symbol(), code.venue(), row.text("stk_nm"),
                row.requirePrice("cur_prc"), row.requirePrice("base_pric"), row.requireSigned("pred_pre"),
                row.requireDecimal("flu_rt"),
                row.price("open_pric"), row.price("high_pric"), row.price("low_pric"),
                row.price("upl_pric"), row.price("lst_pric"),
                row.requireMagnitude("trde_qty"), turnover == null ? null : turnover * KA10095_TURNOVER_TO_KRW,
                row.price("sel_bid"), row.price("buy_bid"),
                row.time("cntr_tm", tradingDate != null ? tradingDate : KiwoomValues.inKst(asOf).toLocalDate()),
                asOf, KA10095);
    }

    /**
     * The quote in a ka10001 response. ka10001 has no trade time, turnover or best prices: those stay
     * null.
     *
     * @param asOf when the hub read it, KST
     */
    public static Quote fromKa10001(JsonNode response, OffsetDateTime asOf) {
        KiwoomRow row = new KiwoomRow(response, KA10001);
        KiwoomSymbol code = row.requireSymbol("stk_cd");
        return new Quote(code.symbol(), code.venue(), row.text("stk_nm"),
                row.requirePrice("cur_prc"), row.requirePrice("base_pric"), row.requireSigned("pred_pre"),
                row.requireDecimal("flu_rt"),
                row.price("open_pric"), row.price("high_pric"), row.price("low_pric"),
                row.price("upl_pric"), row.price("lst_pric"),
                row.requireMagnitude("trde_qty"), null, null, null, null, asOf, KA10001);
    }
}
