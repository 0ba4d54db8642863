package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.KiwoomFormats.padded;
import static com.kiwoomhub.sandbox.KiwoomFormats.plainRate;
import static com.kiwoomhub.sandbox.KiwoomFormats.signedPrice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.kiwoomhub.sandbox.SandboxAccount.Order;
import com.kiwoomhub.sandbox.SandboxAccount.Position;
import com.kiwoomhub.sandbox.SandboxAccount.Side;

/**
 * The account TRs: ka00001 계좌번호, kt00001 예수금, kt00004 계좌평가현황, kt00018 계좌평가잔고,
 * ka10075 미체결, ka10076 체결. Account amounts are zero-padded (12 or 15 digits, negatives keep the
 * width) and codes carry an {@code A} prefix on kt00004/kt00018; ka10075/ka10076 are unpadded with bare codes.
 */
final class AccountTr {

    private final MarketSimulator market;
    private final MatchingEngine engine;
    private final SandboxSettings settings;

    AccountTr(MarketSimulator market, MatchingEngine engine, SandboxSettings settings) {
        this.market = market;
        this.engine = engine;
        this.settings = settings;
    }

    TrReply accountNumber(TrCall call) {
        return TrReply.ok(Map.of("acctNo", call.account().accountNumber()), TrReply.OK);
    }

    /** kt00001: cash. entr is the cash at the start of the day; today's fills settle into d2_entra. */
    TrReply deposit(TrCall call) {
        call.requiredOneOf("qry_tp", "2", "3");
        synchronized (market) {
            engine.rollOver();
            SandboxAccount a = call.account();
            long orderable = Math.max(0, a.cash - a.reservedForBuys());
            long withdrawable = Math.max(0, Math.min(a.depositAtOpen, a.cash) - a.reservedForBuys());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("entr", padded(a.depositAtOpen, 15));
            // Kiwoom's field order; a cash-only account without credit, loans or funds has zeros in the rest
            zeros(f, "profa_ch", "bncr_profa_ch", "nxdy_bncr_sell_exct", "fc_stk_krw_repl_set_amt", "crd_grnta_ch",
                    "crd_grnt_ch", "add_grnt_ch", "etc_profa", "uncl_stk_amt", "shrts_prica", "crd_set_grnta",
                    "chck_ina_amt", "etc_chck_ina_amt", "crd_grnt_ruse", "knx_asset_evltv", "elwdpst_evlta",
                    "crd_ls_rght_frcs_amt", "lvlh_join_amt", "lvlh_trns_alowa", "repl_amt", "remn_repl_evlta",
                    "trst_remn_repl_evlta", "bncr_remn_repl_evlta", "profa_repl", "crd_grnta_repl", "crd_grnt_repl",
                    "add_grnt_repl", "rght_repl_amt");
            f.put("pymn_alow_amt", padded(withdrawable, 15));
            f.put("wrap_pymn_alow_amt", padded(0, 15));
            f.put("ord_alow_amt", padded(orderable, 15));
            f.put("bncr_buy_alowa", padded(0, 15));
            for (int rate : List.of(20, 30, 40, 100)) {
                f.put(rate + "stk_ord_alow_amt", padded(orderable * 100 / rate, 15));
            }
            zeros(f, "ch_uncla", "ch_uncla_dlfe", "ch_uncla_tot", "crd_int_npay", "int_npay_amt_dlfe", "int_npay_amt_tot",
                    "etc_loana", "etc_loana_dlfe", "etc_loan_tot", "nrpy_loan", "loan_sum", "ls_sum");
            f.put("crd_grnt_rt", "0.00");
            zeros(f, "mdstrm_usfe", "min_ord_alow_yn", "loan_remn_evlt_amt", "dpst_grntl_remn", "sell_grntl_remn");
            // today's fills settle on D+2: buys cost amount + commission, sales bring amount - commission - tax
            long buying = 0;
            long selling = 0;
            for (Order o : a.orders.values()) {
                if (o.side == Side.BUY) {
                    buying += o.filledAmount + o.commission;
                } else {
                    selling += o.filledAmount - o.commission - o.tax;
                }
            }
            f.put("d1_entra", padded(a.depositAtOpen, 15));
            zeros(f, "d1_slby_exct_amt", "d1_buy_exct_amt", "d1_out_rep_mor", "d1_sel_exct_amt");
            f.put("d1_pymn_alow_amt", padded(withdrawable, 15));
            f.put("d2_entra", padded(a.cash, 15));
            f.put("d2_slby_exct_amt", padded(a.cash - a.depositAtOpen, 15));
            f.put("d2_buy_exct_amt", padded(buying, 15));
            f.put("d2_out_rep_mor", padded(0, 15));
            f.put("d2_sel_exct_amt", padded(selling, 15));
            f.put("d2_pymn_alow_amt", padded(withdrawable, 15));
            // what the cash buys of a stock with this margin rate (증거금률), e.g. 20 %: five times the cash
            for (int rate : List.of(50, 60)) {
                f.put(rate + "stk_ord_alow_amt", padded(orderable * 100 / rate, 15));
            }
            f.put("stk_entr_prst", List.of());
            return TrReply.ok(f, "조회가 완료되었습니다.");
        }
    }

    private static void zeros(Map<String, Object> fields, String... names) {
        for (String name : names) {
            fields.put(name, padded(0, 15));
        }
    }

    /** kt00004: evaluation summary (12 digits) and one row per holding, evaluation net of selling costs. */
    TrReply evaluation(TrCall call) {
        call.requiredOneOf("qry_tp", "0", "1");
        call.requiredOneOf("dmst_stex_tp", "KRX", "NXT");
        synchronized (market) {
            engine.rollOver();
            SandboxAccount a = call.account();
            List<Map<String, String>> rows = new ArrayList<>();
            long totalEvaluation = 0;
            long totalPurchase = 0;
            for (Position p : held(a)) {
                MarketSimulator.SymbolState s = market.stateForMatching(p.code);
                long gross = s.price * p.quantity;
                long net = gross - engine.commission(gross) - tax(gross);
                totalEvaluation += gross;
                totalPurchase += p.purchaseAmount;
                Map<String, String> r = new LinkedHashMap<>();
                r.put("stk_cd", "A" + p.code);
                r.put("stk_nm", p.name);
                r.put("rmnd_qty", padded(p.quantity, 12));
                r.put("avg_prc", padded(p.averagePrice(), 12));
                r.put("cur_prc", padded(s.price, 12));
                r.put("evlt_amt", padded(net, 12));
                r.put("pl_amt", padded(net - p.purchaseAmount, 12));
                r.put("pl_rt", plainRate(KiwoomFormats.percentOf(net - p.purchaseAmount, p.purchaseAmount), 4));
                r.put("loan_dt", "");
                r.put("pur_amt", padded(p.purchaseAmount, 12));
                r.put("setl_remn", padded(p.quantity, 12));
                r.put("pred_buyq", padded(0, 12));
                r.put("pred_sellq", padded(0, 12));
                r.put("tdy_buyq", padded(p.todayBought, 12));
                r.put("tdy_sellq", padded(p.todaySold, 12));
                rows.add(r);
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("acnt_nm", settings.mock() ? "" : "샌드박스");
            f.put("brch_nm", settings.mock() ? "" : "키움증권");
            f.put("entr", padded(a.depositAtOpen, 12));
            f.put("d2_entra", padded(a.cash, 12));
            f.put("tot_est_amt", padded(totalEvaluation, 12));
            f.put("aset_evlt_amt", padded(a.cash + totalEvaluation, 12));
            f.put("tot_pur_amt", padded(totalPurchase, 12));
            f.put("prsm_dpst_aset_amt", padded(a.cash + totalEvaluation, 12));
            f.put("tot_grnt_sella", padded(0, 12));
            f.put("tdy_lspft_amt", padded(0, 12));
            f.put("invt_bsamt", padded(0, 12));
            f.put("lspft_amt", padded(0, 12));
            f.put("tdy_lspft", padded(a.realizedToday, 12));
            f.put("lspft2", padded(0, 12));
            f.put("lspft", padded(0, 12));
            f.put("tdy_lspft_rt", "0.00");
            f.put("lspft_ratio", "0.00");
            f.put("lspft_rt", "0.00");
            f.put("stk_acnt_evlt_prst", rows);
            return TrReply.ok(f, "조회가 완료되었습니다.");
        }
    }

    /** kt00018: 15-digit totals and rows (prices 12 digits), profit net of both commissions and the tax. */
    TrReply balance(TrCall call) {
        call.requiredOneOf("qry_tp", "1", "2");
        call.requiredOneOf("dmst_stex_tp", "KRX", "NXT");
        synchronized (market) {
            engine.rollOver();
            SandboxAccount a = call.account();
            List<Position> positions = held(a);
            long totalEvaluation = 0;
            for (Position p : positions) {
                totalEvaluation += market.stateForMatching(p.code).price * p.quantity;
            }
            List<Map<String, String>> rows = new ArrayList<>();
            long totalPurchase = 0;
            long totalProfit = 0;
            for (Position p : positions) {
                MarketSimulator.SymbolState s = market.stateForMatching(p.code);
                long evaluation = s.price * p.quantity;
                long buyFee = engine.commission(p.purchaseAmount);
                long sellFee = engine.commission(evaluation);
                long tax = tax(evaluation);
                long profit = evaluation - p.purchaseAmount - buyFee - sellFee - tax;
                totalPurchase += p.purchaseAmount;
                totalProfit += profit;
                Map<String, String> r = new LinkedHashMap<>();
                r.put("stk_cd", "A" + p.code);
                r.put("stk_nm", p.name);
                r.put("evltv_prft", padded(profit, 15));
                r.put("prft_rt", plainRate(KiwoomFormats.percentOf(profit, p.purchaseAmount), 2));
                r.put("pur_pric", padded(p.averagePrice(), 15));
                r.put("pred_close_pric", padded(s.previousClose, 12));
                r.put("rmnd_qty", padded(p.quantity, 15));
                r.put("trde_able_qty", padded(a.sellable(p.code), 15));
                r.put("cur_prc", padded(s.price, 12));
                r.put("pred_buyq", padded(0, 15));
                r.put("pred_sellq", padded(0, 15));
                r.put("tdy_buyq", padded(p.todayBought, 15));
                r.put("tdy_sellq", padded(p.todaySold, 15));
                r.put("pur_amt", padded(p.purchaseAmount, 15));
                r.put("pur_cmsn", padded(buyFee, 15));
                r.put("evlt_amt", padded(evaluation, 15));
                r.put("sell_cmsn", padded(sellFee, 15));
                r.put("tax", padded(tax, 15));
                r.put("sum_cmsn", padded(buyFee + sellFee, 15));
                r.put("poss_rt", plainRate(KiwoomFormats.percentOf(evaluation, totalEvaluation), 2));
                r.put("crd_tp", "00");
                r.put("crd_tp_nm", "");
                r.put("crd_loan_dt", "");
                rows.add(r);
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("tot_pur_amt", padded(totalPurchase, 15));
            f.put("tot_evlt_amt", padded(totalEvaluation, 15));
            f.put("tot_evlt_pl", padded(totalProfit, 15));
            f.put("tot_prft_rt", plainRate(KiwoomFormats.percentOf(totalProfit, totalPurchase), 2));
            f.put("prsm_dpst_aset_amt", padded(a.cash + totalEvaluation, 15));
            f.put("tot_loan_amt", padded(0, 15));
            f.put("tot_crd_loan_amt", padded(0, 15));
            f.put("tot_crd_ls_amt", padded(0, 15));
            f.put("acnt_evlt_remn_indv_tot", rows);
            return TrReply.ok(f, "조회가 완료되었습니다");
        }
    }

    /** ka10075: open orders, newest first. */
    TrReply openOrders(TrCall call) {
        String allSymbols = call.requiredOneOf("all_stk_tp", "0", "1");
        String side = call.requiredOneOf("trde_tp", "0", "1", "2");
        String exchange = call.requiredOneOf("stex_tp", "0", "1", "2");
        String code = "1".equals(allSymbols) ? call.required("stk_cd") : null;
        synchronized (market) {
            engine.rollOver();
            SandboxAccount a = call.account();
            List<Map<String, String>> rows = new ArrayList<>();
            for (Order o : newestFirst(a)) {
                if (!o.open() || !matches(o, code, side, exchange)) {
                    continue;
                }
                MarketSimulator.SymbolState s = market.stateForMatching(o.code);
                Map<String, String> r = new LinkedHashMap<>();
                r.put("acnt_no", a.accountNumber());
                r.put("ord_no", o.number);
                r.put("mang_empno", "");
                r.put("stk_cd", o.code);
                r.put("tsk_tp", "");
                r.put("ord_stt", o.status);
                r.put("stk_nm", o.name);
                r.put("ord_qty", Long.toString(o.quantity));
                r.put("ord_pric", Long.toString(o.price));
                r.put("oso_qty", Long.toString(o.remaining));
                r.put("cntr_tot_amt", Long.toString(o.filledAmount));
                r.put("orig_ord_no", o.originalNumber);
                r.put("io_tp_nm", RealtimeRows.orderKindText(o));
                r.put("trde_tp", o.type.text);
                r.put("tm", RealtimeRows.time(o.time));
                r.put("cntr_no", o.lastExecution);
                r.put("cntr_pric", Long.toString(o.lastFillPrice));
                r.put("cntr_qty", Long.toString(o.filledQuantity));
                r.put("cur_prc", signedPrice(s.price, s.previousClose));
                r.put("sel_bid", signedPrice(s.askPrice(), s.previousClose));
                r.put("buy_bid", signedPrice(s.bidPrice(), s.previousClose));
                r.put("unit_cntr_pric", o.filledQuantity == 0 ? "" : Long.toString(o.lastFillPrice));
                r.put("unit_cntr_qty", o.filledQuantity == 0 ? "" : Long.toString(o.lastFillQuantity));
                r.put("tdy_trde_cmsn", Long.toString(o.commission));
                r.put("tdy_trde_tax", Long.toString(o.tax));
                r.put("ind_invsr", "");
                putExchange(r, o);
                r.put("stop_pric", o.conditionPrice == 0 ? "" : Long.toString(o.conditionPrice));
                rows.add(r);
            }
            return TrReply.ok(Map.of("oso", rows), " 조회가 완료되었습니다.");
        }
    }

    /** ka10076: orders with fills, newest first; {@code ord_no} asks for orders older than it. */
    TrReply executions(TrCall call) {
        String bySymbol = call.requiredOneOf("qry_tp", "0", "1");
        String side = call.requiredOneOf("sell_tp", "0", "1", "2");
        String exchange = call.requiredOneOf("stex_tp", "0", "1", "2");
        String code = "1".equals(bySymbol) ? call.required("stk_cd") : null;
        String before = call.field("ord_no");
        synchronized (market) {
            engine.rollOver();
            List<Map<String, String>> rows = new ArrayList<>();
            for (Order o : newestFirst(call.account())) {
                if (o.filledQuantity == 0 || !matches(o, code, side, exchange)
                        || (before != null && o.number.compareTo(KiwoomFormats.orderNumber(call.number("ord_no", before))) >= 0)) {
                    continue;
                }
                Map<String, String> r = new LinkedHashMap<>();
                r.put("ord_no", o.number);
                r.put("stk_nm", o.name);
                r.put("io_tp_nm", RealtimeRows.orderKindText(o));
                r.put("ord_pric", Long.toString(o.price));
                r.put("ord_qty", Long.toString(o.quantity));
                r.put("cntr_pric", Long.toString(o.filledAmount / o.filledQuantity));
                r.put("cntr_qty", Long.toString(o.filledQuantity));
                r.put("oso_qty", Long.toString(o.remaining));
                r.put("tdy_trde_cmsn", Long.toString(o.commission));
                r.put("tdy_trde_tax", Long.toString(o.tax));
                r.put("ord_stt", "체결");
                r.put("trde_tp", o.type.text);
                r.put("orig_ord_no", o.originalNumber);
                r.put("ord_tm", RealtimeRows.time(o.time));
                r.put("stk_cd", o.code);
                putExchange(r, o);
                r.put("stop_pric", o.conditionPrice == 0 ? "" : Long.toString(o.conditionPrice));
                rows.add(r);
            }
            return TrReply.ok(Map.of("cntr", rows), " 조회가 완료되었습니다.");
        }
    }

    private static boolean matches(Order o, String code, String side, String exchange) {
        if (code != null && !code.equals(o.code)) {
            return false;
        }
        if ("1".equals(side) && o.side != Side.SELL || "2".equals(side) && o.side != Side.BUY) {
            return false;
        }
        return switch (exchange) {
            case "1" -> "KRX".equals(o.exchange);
            case "2" -> "NXT".equals(o.exchange);
            default -> true;
        };
    }

    private static void putExchange(Map<String, String> r, Order o) {
        boolean sor = "SOR".equals(o.exchange);
        boolean nxt = "NXT".equals(o.exchange);
        r.put("stex_tp", sor ? "0" : nxt ? "2" : "1");
        r.put("stex_tp_txt", sor ? "SOR" : nxt ? "NXT" : "KRX");
        r.put("sor_yn", sor ? "Y" : "N");
    }

    private static List<Order> newestFirst(SandboxAccount a) {
        List<Order> orders = new ArrayList<>(a.orders.values());
        Collections.reverse(orders);
        return orders;
    }

    private static List<Position> held(SandboxAccount a) {
        return a.positions.values().stream().filter(p -> p.quantity > 0).toList();
    }

    private long tax(long amount) {
        return (long) Math.floor(amount * settings.sellTaxRate());
    }
}
