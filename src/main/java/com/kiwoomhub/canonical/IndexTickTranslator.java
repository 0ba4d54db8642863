package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Index levels → {@link IndexTick}: real-time 0J 업종지수 rows and the ka20001 업종현재가요청 answer,
 * its polled twin. Both write values as decimals signed by direction ({@code "-2394.49"}): the value
 * is the magnitude. Volume and turnover units are those of ka20001's official example (천주, 백만원:
 * 890 and 41,867 for KOSPI); that 0J's FID 13/14 use the same units is UNCERTAIN and rests on these
 * two constants.
 */
public final class IndexTickTranslator {

    public static final String TYPE = "0J";
    public static final String KA20001 = "ka20001";
    /** FID 13 / {@code trde_qty}: thousands of shares. */
    static final long VOLUME_TO_SHARES = 1_000L;
    /** FID 14 / {@code trde_prica}: millions of KRW. */
    static final long TURNOVER_TO_KRW = 1_000_000L;

    private IndexTickTranslator() {
    }

    /** One 0J row; the item is the index code. */
    public static IndexTick fromRow(KiwoomRealRow row, LocalDate tradingDate) {
        String index = row.item().trim();
        if (index.isEmpty()) {
            throw new KiwoomFormatException("ws/0J: row without item (index code)");
        }
        KiwoomRow v = row.values();
        return new IndexTick(index, v.requireTime("20", tradingDate), v.requireDecimal("10").abs(),
                v.requireDecimal("11"), v.requireDecimal("12"), scaled(v.magnitude("13"), VOLUME_TO_SHARES),
                scaled(v.magnitude("14"), TURNOVER_TO_KRW), points(v.decimal("16")), points(v.decimal("17")),
                points(v.decimal("18")), TYPE);
    }

    /**
     * The ka20001 answer for {@code index} (the request's {@code inds_cd}; the answer does not echo it).
     * Its time is the newest {@code inds_cur_prc_tm} row's {@code tm_n}, or {@code asOf} without one.
     */
    public static IndexTick fromKa20001(String index, JsonNode response, OffsetDateTime asOf) {
        KiwoomRow v = new KiwoomRow(response, KA20001);
        JsonNode newest = response.path("inds_cur_prc_tm").path(0);
        OffsetDateTime time = newest.isObject()
                ? new KiwoomRow(newest, KA20001).time("tm_n", KiwoomValues.inKst(asOf).toLocalDate()) : null;
        return new IndexTick(index, time == null ? asOf : time, v.requireDecimal("cur_prc").abs(),
                v.requireDecimal("pred_pre"), v.requireDecimal("flu_rt"),
                scaled(v.magnitude("trde_qty"), VOLUME_TO_SHARES), scaled(v.magnitude("trde_prica"), TURNOVER_TO_KRW),
                points(v.decimal("open_pric")), points(v.decimal("high_pric")), points(v.decimal("low_pric")), KA20001);
    }

    private static Long scaled(Long value, long unit) {
        return value == null ? null : value * unit;
    }

    /** A level: the magnitude, and absent for zero (an index is never at 0 points: no value yet). */
    private static BigDecimal points(BigDecimal value) {
        return value == null || value.signum() == 0 ? null : value.abs();
    }
}
