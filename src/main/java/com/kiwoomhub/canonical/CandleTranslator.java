package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Kiwoom chart TRs (ka10079 tick, ka10080 minute, ka10081 day, ka10082 week, ka10083 month, ka10094
 * year) → {@link Candle}s, in the response's order (newest first). Rows without a time (the empty
 * row Kiwoom returns past its retained history) are skipped.
 */
public final class CandleTranslator {

    /**
     * Whether ka10080's {@code cntr_tm} labels the start of the minute bar (one live-measuring project
     * reads it so; UNCERTAIN, docs/kiwoom-protocol.md §7.2). If it turns out to label the end, set this
     * to false and bars start one bar length earlier.
     */
    static final boolean MINUTE_LABEL_IS_START = true;

    private CandleTranslator() {
    }

    /**
     * @param response        the whole chart response body (rows under {@link ChartTr#listKey()})
     * @param code            the requested {@code stk_cd} ({@code 005930}, {@code 005930_NX} …): the
     *                        symbol and venue. It is authoritative: whether every chart TR echoes the
     *                        suffix in its top-level {@code stk_cd} is not documented.
     * @param interval        the interval requested (its TR must be the one that answered)
     * @param adjusted        the request's {@code upd_stkpc_tp} was {@code "1"}
     * @param newestBarClosed false while the newest bar of this response is still forming (intraday
     *                        bars during the session, today's day/week/month/year bar before the
     *                        close); every other bar is final. Pass true for continuation pages.
     */
    public static List<Candle> translate(JsonNode response, String code, CandleInterval interval, boolean adjusted,
                                         boolean newestBarClosed) {
        ChartTr tr = interval.tr();
        KiwoomSymbol symbol = KiwoomSymbol.parse(code);
        if (symbol == null) {
            throw new KiwoomFormatException(tr.trId() + ": no stk_cd given");
        }
        List<KiwoomRow> rows = new ArrayList<>();
        for (JsonNode node : response.path(tr.listKey())) {
            KiwoomRow row = new KiwoomRow(node, tr.trId());
            // Past the retained history Kiwoom answers with an empty row; a row without time is no bar.
            if (row.text(tr.intraday() ? "cntr_tm" : "dt") != null) {
                rows.add(row);
            }
        }
        List<Candle> candles = new ArrayList<>(rows.size());
        OffsetDateTime newest = null;
        for (KiwoomRow row : rows) {
            OffsetDateTime start = start(row, interval);
            if (newest == null || start.isAfter(newest)) {
                newest = start;
            }
        }
        for (KiwoomRow row : rows) {
            OffsetDateTime start = start(row, interval);
            Long turnover = tr.turnoverToKrw() == null ? null : row.magnitude("trde_prica");
            // abs() on every price: tick/minute charts sign prices with the direction, day+ charts do not.
            candles.add(new Candle(symbol.symbol(), symbol.venue(), interval, start,
                    row.requirePrice("open_pric"), row.requirePrice("high_pric"), row.requirePrice("low_pric"),
                    row.requirePrice("cur_prc"), row.requireMagnitude("trde_qty"),
                    turnover == null ? null : turnover * tr.turnoverToKrw(),
                    adjusted, newestBarClosed || !start.equals(newest), tr.trId()));
        }
        return candles;
    }

    private static OffsetDateTime start(KiwoomRow row, CandleInterval interval) {
        if (!interval.tr().intraday()) {
            return KiwoomValues.startOfDay(row.requireDate("dt"));
        }
        OffsetDateTime label = row.requireDateTime("cntr_tm");
        return MINUTE_LABEL_IS_START || interval.minuteBarLength() == null
                ? label : label.minus(interval.minuteBarLength());
    }
}
