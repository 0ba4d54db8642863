package com.kiwoomhub.canonical;

/**
 * The Kiwoom chart TRs and how their rows read (docs/kiwoom-protocol.md §7.2). Each fact that differs per TR is
 * one constructor argument here.
 */
public enum ChartTr {
    /** 주식틱차트조회요청; {@code tic_scope} = ticks per bar; signed prices; no turnover. */
    KA10079("ka10079", "stk_tic_chart_qry", true, null),
    /** 주식분봉차트조회요청; {@code tic_scope} = minutes per bar; signed prices; no turnover. */
    KA10080("ka10080", "stk_min_pole_chart_qry", true, null),
    /** 주식일봉차트조회요청; unsigned prices; {@code trde_prica} in 백만원. */
    KA10081("ka10081", "stk_dt_pole_chart_qry", false, 1_000_000L),
    /** 주식주봉차트조회요청; {@code trde_prica} in 원; {@code dt} = first trading day of the week. */
    KA10082("ka10082", "stk_stk_pole_chart_qry", false, 1L),
    /** 주식월봉차트조회요청; {@code trde_prica} in 원; {@code dt} = first trading day of the month. */
    KA10083("ka10083", "stk_mth_pole_chart_qry", false, 1L),
    /** 주식년봉차트조회요청; {@code trde_prica} in 원 (UNCERTAIN: spec gives no unit; the example's magnitude fits 원). */
    KA10094("ka10094", "stk_yr_pole_chart_qry", false, 1L);

    private final String trId;
    private final String listKey;
    private final boolean intraday;
    private final Long turnoverToKrw;

    ChartTr(String trId, String listKey, boolean intraday, Long turnoverToKrw) {
        this.trId = trId;
        this.listKey = listKey;
        this.intraday = intraday;
        this.turnoverToKrw = turnoverToKrw;
    }

    public String trId() {
        return trId;
    }

    /** The response key holding the rows (newest first). */
    public String listKey() {
        return listKey;
    }

    /** Tick/minute TRs: rows carry {@code cntr_tm} (yyyyMMddHHmmss); the others carry {@code dt}. */
    public boolean intraday() {
        return intraday;
    }

    /** Multiplier from {@code trde_prica} to KRW; null when the TR has no turnover. */
    public Long turnoverToKrw() {
        return turnoverToKrw;
    }
}
