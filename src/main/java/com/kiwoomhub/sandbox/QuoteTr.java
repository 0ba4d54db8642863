package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.KiwoomFormats.plainRate;
import static com.kiwoomhub.sandbox.KiwoomFormats.rate;
import static com.kiwoomhub.sandbox.KiwoomFormats.signed;
import static com.kiwoomhub.sandbox.KiwoomFormats.signedPrice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.kiwoomhub.sandbox.MarketSimulator.Level;
import com.kiwoomhub.sandbox.MarketSimulator.OrderBook;
import com.kiwoomhub.sandbox.MarketSimulator.Quote;

/** ka10001 주식기본정보, ka10004 주식호가 and ka10095 관심종목정보 from the simulated market. */
final class QuoteTr {

    static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    static final int MAX_WATCHLIST_CODES = 100;

    private final MarketSimulator market;

    QuoteTr(MarketSimulator market) {
        this.market = market;
    }

    /** ka10001: one flat record with the day's prices, limits and 250-day extremes. */
    TrReply basicInfo(TrCall call) {
        StockCode stock = known(StockCode.parse("stk_cd", call.required("stk_cd")));
        Quote q = market.quote(stock.code());
        Instrument instrument = market.instrument(stock.code());
        long prev = q.previousClose();
        List<ChartHistory.DayBar> days = market.history(stock.code()).days();
        ChartHistory.DayBar yesterday = days.get(days.size() - 1);
        Extremes year = extremes(days, q, d -> d.getYear() == market.session().today().getYear());
        Extremes recent = extremes(days.subList(Math.max(0, days.size() - 249), days.size()), q, d -> true);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("stk_cd", stock.echo());
        f.put("stk_nm", instrument.name());
        f.put("setl_mm", "12");
        f.put("fav", Long.toString(instrument.faceValue()));
        f.put("cap", Long.toString(instrument.faceValue() * instrument.listedShares() * 1_000 / 100_000_000));
        f.put("flo_stk", Long.toString(instrument.listedShares()));
        f.put("crd_rt", "+0.00");
        f.put("oyr_hgst", signedPrice(year.high, prev));
        f.put("oyr_lwst", signedPrice(year.low, prev));
        f.put("mac", Long.toString(q.price() * instrument.listedShares() * 1_000 / 100_000_000));
        f.put("mac_wght", "");
        f.put("for_exh_rt", "+0.00");
        f.put("repl_pric", Long.toString(prev * 7 / 10 / 10 * 10));
        for (String name : List.of("per", "eps", "roe", "pbr", "ev", "bps", "sale_amt", "bus_pro", "cup_nga")) {
            f.put(name, "");
        }
        f.put("250hgst", signedPrice(recent.high, prev));
        f.put("250lwst", signedPrice(recent.low, prev));
        f.put("high_pric", signedPrice(q.high(), prev));
        f.put("open_pric", signedPrice(q.open(), prev));
        f.put("low_pric", signedPrice(q.low(), prev));
        f.put("upl_pric", signedPrice(q.upperLimit(), prev));
        f.put("lst_pric", signedPrice(q.lowerLimit(), prev));
        f.put("base_pric", Long.toString(prev));
        f.put("exp_cntr_pric", "0");
        f.put("exp_cntr_qty", "0");
        f.put("250hgst_pric_dt", YYYYMMDD.format(recent.highDate));
        f.put("250hgst_pric_pre_rt", rate(KiwoomFormats.percentOf(q.price() - recent.high, recent.high)));
        f.put("250lwst_pric_dt", YYYYMMDD.format(recent.lowDate));
        f.put("250lwst_pric_pre_rt", rate(KiwoomFormats.percentOf(q.price() - recent.low, recent.low)));
        f.put("cur_prc", signedPrice(q.price(), prev));
        f.put("pre_sig", KiwoomFormats.directionSign(q.price(), prev, q.upperLimit(), q.lowerLimit()));
        f.put("pred_pre", signed(q.price() - prev));
        f.put("flu_rt", rate(KiwoomFormats.percentOf(q.price() - prev, prev)));
        f.put("trde_qty", Long.toString(q.volume()));
        f.put("trde_pre", rate(KiwoomFormats.percentOf(q.volume(), yesterday.volume())));
        f.put("fav_unit", "원");
        f.put("dstr_stk", Long.toString(instrument.listedShares() * 3 / 4));
        f.put("dstr_rt", "75.0");
        return TrReply.ok(f, TrReply.OK);
    }

    /** ka10004: ten levels a side; level 1 is {@code *_fpr_*}, levels 2-10 are {@code *_{n}th_pre_*}. */
    TrReply orderBook(TrCall call) {
        StockCode stock = known(StockCode.parse("stk_cd", call.required("stk_cd")));
        OrderBook book = market.book(stock.code());
        long prev = market.quote(stock.code()).previousClose();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bid_req_base_tm", RealtimeRows.time(book.time()));
        long totalAsk = 0;
        long totalBid = 0;
        for (int i = 0; i < MarketSimulator.LEVELS; i++) {
            Level ask = book.asks().get(i);
            if (i == 0) {
                f.put("sel_fpr_bid", signedPrice(ask.price(), prev));
                f.put("sel_fpr_req", Long.toString(ask.quantity()));
                f.put("sel_1th_pre_req_pre", "0");
            } else {
                String n = "sel_" + (i + 1) + "th_pre_";
                f.put(n + "bid", signedPrice(ask.price(), prev));
                f.put(n + "req", Long.toString(ask.quantity()));
                f.put(n + "req_pre", "0");
            }
            totalAsk += ask.quantity();
        }
        for (int i = 0; i < MarketSimulator.LEVELS; i++) {
            Level bid = book.bids().get(i);
            if (i == 0) {
                f.put("buy_fpr_bid", signedPrice(bid.price(), prev));
                f.put("buy_fpr_req", Long.toString(bid.quantity()));
                f.put("buy_1th_pre_req_pre", "0");
            } else {
                String n = "buy_" + (i + 1) + "th_pre_";
                f.put(n + "bid", signedPrice(bid.price(), prev));
                f.put(n + "req", Long.toString(bid.quantity()));
                f.put(n + "req_pre", "0");
            }
            totalBid += bid.quantity();
        }
        f.put("tot_sel_req_jub_pre", "0");
        f.put("tot_sel_req", Long.toString(totalAsk));
        f.put("tot_buy_req", Long.toString(totalBid));
        f.put("tot_buy_req_jub_pre", "0");
        f.put("ovt_sel_req_pre", "0");
        f.put("ovt_sel_req", "0");
        f.put("ovt_buy_req", "0");
        f.put("ovt_buy_req_pre", "0");
        return TrReply.ok(f, TrReply.OK);
    }

    /** ka10095: one row per requested code (codes joined by |, at most 100); unknown codes get no row. */
    TrReply watchlist(TrCall call) {
        String[] codes = call.required("stk_cd").split("\\|");
        if (codes.length > MAX_WATCHLIST_CODES) {
            return TrReply.error(200, 5, "허용된 요청 개수를 초과하였습니다[1634:한 번에 조회할 수 있는 종목 수(" + MAX_WATCHLIST_CODES
                    + "개)를 초과하였습니다. 요청 종목 수=" + codes.length + "]");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String raw : codes) {
            if (raw.isBlank()) {
                continue;
            }
            StockCode stock = StockCode.parse("stk_cd", raw);
            if (market.knows(stock.code())) {
                rows.add(watchRow(stock));
            }
        }
        return TrReply.ok(Map.of("atn_stk_infr", rows), TrReply.OK);
    }

    private Map<String, String> watchRow(StockCode stock) {
        Quote q = market.quote(stock.code());
        OrderBook book = market.book(stock.code());
        Instrument instrument = market.instrument(stock.code());
        List<ChartHistory.DayBar> days = market.history(stock.code()).days();
        long prev = q.previousClose();
        Map<String, String> r = new LinkedHashMap<>();
        r.put("stk_cd", stock.echo());
        r.put("stk_nm", instrument.name());
        r.put("cur_prc", signedPrice(q.price(), prev));
        r.put("base_pric", Long.toString(prev));
        r.put("pred_pre", signed(q.price() - prev));
        r.put("pred_pre_sig", KiwoomFormats.directionSign(q.price(), prev, q.upperLimit(), q.lowerLimit()));
        r.put("flu_rt", rate(KiwoomFormats.percentOf(q.price() - prev, prev)));
        r.put("trde_qty", Long.toString(q.volume()));
        r.put("trde_prica", Long.toString(q.turnover() / 1_000_000));
        r.put("cntr_qty", signed(q.lastTradeQuantity()));
        r.put("cntr_str", plainRate(100, 2));
        r.put("pred_trde_qty_pre", rate(KiwoomFormats.percentOf(q.volume(), days.get(days.size() - 1).volume())));
        r.put("sel_bid", signedPrice(book.asks().get(0).price(), prev));
        r.put("buy_bid", signedPrice(book.bids().get(0).price(), prev));
        for (int i = 0; i < 5; i++) {
            r.put("sel_" + (i + 1) + "th_bid", signedPrice(book.asks().get(i).price(), prev));
        }
        for (int i = 0; i < 5; i++) {
            r.put("buy_" + (i + 1) + "th_bid", signedPrice(book.bids().get(i).price(), prev));
        }
        r.put("upl_pric", signedPrice(q.upperLimit(), prev));
        r.put("lst_pric", signedPrice(q.lowerLimit(), prev));
        r.put("open_pric", signedPrice(q.open(), prev));
        r.put("high_pric", signedPrice(q.high(), prev));
        r.put("low_pric", signedPrice(q.low(), prev));
        r.put("close_pric", signedPrice(q.price(), prev));
        r.put("cntr_tm", q.tradeTime() == null ? "" : RealtimeRows.time(q.tradeTime()));
        r.put("exp_cntr_pric", "0");
        r.put("exp_cntr_qty", "0");
        r.put("cap", Long.toString(instrument.faceValue() * instrument.listedShares() * 1_000 / 100_000_000));
        r.put("fav", Long.toString(instrument.faceValue()));
        r.put("mac", Long.toString(q.price() * instrument.listedShares() * 1_000 / 100_000_000));
        r.put("stkcnt", Long.toString(instrument.listedShares()));
        r.put("bid_tm", RealtimeRows.time(book.time()));
        r.put("dt", YYYYMMDD.format(market.session().today()));
        r.put("pri_sel_req", Long.toString(book.asks().get(0).quantity()));
        r.put("pri_buy_req", Long.toString(book.bids().get(0).quantity()));
        r.put("pri_sel_cnt", "");
        r.put("pri_buy_cnt", "");
        r.put("tot_sel_req", Long.toString(book.asks().stream().mapToLong(Level::quantity).sum()));
        r.put("tot_buy_req", Long.toString(book.bids().stream().mapToLong(Level::quantity).sum()));
        r.put("tot_sel_cnt", "");
        r.put("tot_buy_cnt", "");
        for (String name : List.of("prty", "gear", "pl_qutr", "cap_support")) {
            r.put(name, "0.00");
        }
        r.put("elwexec_pric", "0");
        r.put("cnvt_rt", "0.0000");
        r.put("elwexpr_dt", "00000000");
        for (String name : List.of("cntr_engg", "cntr_pred_pre", "theory_pric", "innr_vltl", "delta", "gam", "theta", "vega", "law")) {
            r.put(name, "");
        }
        return r;
    }

    private StockCode known(StockCode stock) {
        if (!market.knows(stock.code())) {
            throw TrFailure.unknownSymbol(stock.echo());
        }
        return stock;
    }

    private record Extremes(long high, LocalDate highDate, long low, LocalDate lowDate) {
    }

    private Extremes extremes(List<ChartHistory.DayBar> days, Quote today, Predicate<LocalDate> within) {
        long high = today.high();
        long low = today.low();
        LocalDate highDate = market.session().today();
        LocalDate lowDate = highDate;
        for (ChartHistory.DayBar d : days) {
            if (!within.test(d.date())) {
                continue;
            }
            if (d.high() > high) {
                high = d.high();
                highDate = d.date();
            }
            if (d.low() < low) {
                low = d.low();
                lowDate = d.date();
            }
        }
        return new Extremes(high, highDate, low, lowDate);
    }
}
