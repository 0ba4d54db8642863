package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.BreadthRows.signedPoints;
import static com.kiwoomhub.sandbox.KiwoomFormats.rate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ka20001 업종현재가요청 for the simulated indices 001 (KOSPI) and 101 (KOSDAQ). */
final class IndexTr {

    private final MarketSimulator market;

    IndexTr(MarketSimulator market) {
        this.market = market;
    }

    /** ka20001: the index now, flat, plus one {@code inds_cur_prc_tm} row for the current time. */
    TrReply currentIndex(TrCall call) {
        call.requiredOneOf("mrkt_tp", "0", "1", "2");
        String code = call.required("inds_cd");
        if (!MarketBreadth.INDEX_MARKET.containsKey(code)) {
            throw TrFailure.invalid("inds_cd", "허용값=001|101");
        }
        MarketBreadth.IndexLevel level = market.index(code);
        BigDecimal prev = level.previousClose();
        String change = level.change().setScale(2, RoundingMode.HALF_UP).toPlainString();
        String signedChange = level.change().signum() > 0 ? "+" + change : change;
        String rate = rate(level.change().doubleValue() * 100 / prev.doubleValue());
        String sign = level.value().compareTo(prev) > 0 ? "2" : level.value().compareTo(prev) < 0 ? "5" : "3";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cur_prc", signedPoints(level.value(), prev));
        f.put("pred_pre_sig", sign);
        f.put("pred_pre", signedChange);
        f.put("flu_rt", rate);
        f.put("trde_qty", Long.toString(level.volume() / 1_000));
        f.put("trde_prica", Long.toString(level.turnover() / 1_000_000));
        f.put("trde_frmatn_stk_num", Integer.toString(level.stocks()));
        f.put("trde_frmatn_rt", "+100.00");
        f.put("open_pric", signedPoints(level.open(), prev));
        f.put("high_pric", signedPoints(level.high(), prev));
        f.put("low_pric", signedPoints(level.low(), prev));
        f.put("upl", "0");
        f.put("rising", Integer.toString(level.rising()));
        f.put("stdns", Integer.toString(level.flat()));
        f.put("fall", Integer.toString(level.falling()));
        f.put("lst", "0");
        Map<String, String> now = new LinkedHashMap<>();
        now.put("tm_n", RealtimeRows.time(level.time()));
        now.put("cur_prc_n", signedPoints(level.value(), prev));
        now.put("pred_pre_sig_n", sign);
        now.put("pred_pre_n", signedChange);
        now.put("flu_rt_n", rate);
        now.put("trde_qty_n", "0");
        now.put("acc_trde_qty_n", Long.toString(level.volume() / 1_000));
        now.put("stex_tp", "");
        f.put("inds_cur_prc_tm", List.of(now));
        return TrReply.ok(f, TrReply.OK);
    }
}
