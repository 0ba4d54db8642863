package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.KiwoomFormats.plainRate;
import static com.kiwoomhub.sandbox.KiwoomFormats.rate;
import static com.kiwoomhub.sandbox.KiwoomFormats.signed;
import static com.kiwoomhub.sandbox.KiwoomFormats.signedPrice;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The FID maps of the real-time rows the sandbox pushes (docs/kiwoom-protocol.md §9.7), values in Kiwoom's formats. */
final class RealtimeRows {

    static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss");

    private RealtimeRows() {
    }

    /** 0B 주식체결 for the last trade of a symbol on the venue of {@code tape}. */
    static Map<String, String> trade(MarketSimulator.SymbolState s, VenueTape tape, MarketHours session) {
        long prev = s.previousClose;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("20", time(tape.tradeTime != null ? tape.tradeTime : session.now()));
        v.put("10", signedPrice(s.price, prev));
        v.put("11", signed(s.price - prev));
        v.put("12", rate(KiwoomFormats.percentOf(s.price - prev, prev)));
        v.put("27", signedPrice(s.askPrice(), prev));
        v.put("28", signedPrice(s.bidPrice(), prev));
        v.put("15", signed(tape.lastQuantity));
        v.put("13", Long.toString(tape.volume));
        v.put("14", Long.toString(tape.turnover / 1_000_000));
        v.put("16", signedPrice(s.open, prev));
        v.put("17", signedPrice(s.high, prev));
        v.put("18", signedPrice(s.low, prev));
        v.put("25", KiwoomFormats.directionSign(s.price, prev, s.upperLimit(), s.lowerLimit()));
        v.put("26", "");
        v.put("29", "");
        v.put("30", "");
        v.put("31", plainRate(KiwoomFormats.percentOf(tape.volume, s.instrument.listedShares() * 1_000), 2));
        v.put("32", "");
        v.put("228", plainRate(tape.sellVolume == 0 ? 0 : tape.buyVolume * 100.0 / tape.sellVolume, 2));
        v.put("311", Long.toString(s.price * s.instrument.listedShares() * 1_000 / 100_000_000));
        v.put("290", session.sessionCode());
        v.put("691", "0");
        v.put("567", s.price >= s.upperLimit() && tape.tradeTime != null ? time(tape.tradeTime) : "000000");
        v.put("568", s.price <= s.lowerLimit() && tape.tradeTime != null ? time(tape.tradeTime) : "000000");
        v.put("851", "");
        v.put("1890", s.openTime == null ? "" : time(s.openTime));
        v.put("1891", s.highTime == null ? "" : time(s.highTime));
        v.put("1892", s.lowTime == null ? "" : time(s.lowTime));
        v.put("1030", Long.toString(tape.sellVolume));
        v.put("1031", Long.toString(tape.buyVolume));
        v.put("1032", rate(KiwoomFormats.percentOf(tape.buyVolume, tape.buyVolume + tape.sellVolume)));
        v.put("1071", Long.toString(tape.sellCount));
        v.put("1072", Long.toString(tape.buyCount));
        v.put("1313", signed(Long.signum(tape.lastQuantity) * tape.lastTurnover / 1_000));
        v.put("1315", tape.lastQuantity < 0 ? Long.toString(-tape.lastQuantity) : "0");
        v.put("1316", tape.lastQuantity > 0 ? "+" + tape.lastQuantity : "0");
        v.put("1314", signed(tape.buyVolume - tape.sellVolume));
        v.put("1497", "");
        v.put("1498", "");
        v.put("620", Long.toString(tape.volume == 0 ? 0 : tape.turnover / tape.volume));
        v.put("732", "");
        v.put("852", "");
        // Real frames write KRX or NXT (docs/kiwoom-protocol.md §6.6); what an _AL row writes is UNCERTAIN (§10.2),
        // here the venue its trade printed on.
        v.put("9081", tape.lastVenue.name());
        return v;
    }

    /**
     * 0D 주식호가잔량 of {@code venue}: ten levels a side plus totals, the KRX and NXT parts of each level
     * in 6044-6087 (an _AL book adds both; which part an _NX book fills is UNCERTAIN, here NXT's); auction
     * fields are zero. {@code krx} is the KRX book, the NXT book holds {@code nxtPercent} of its quantities.
     */
    static Map<String, String> orderBook(MarketSimulator.OrderBook krx, long nxtPercent, TradingVenue venue,
                                         MarketSimulator.SymbolState s, MarketHours session) {
        long prev = s.previousClose;
        // percentages of the KRX book's quantities this venue shows as KRX's and as NXT's
        long krxShare = venue == TradingVenue.NXT ? 0 : 100;
        long nxtShare = venue == TradingVenue.KRX ? 0 : nxtPercent;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("21", time(krx.time()));
        long krxAskTotal = 0;
        long krxBidTotal = 0;
        long nxtAskTotal = 0;
        long nxtBidTotal = 0;
        for (int i = 0; i < MarketSimulator.LEVELS; i++) {
            MarketSimulator.Level ask = krx.asks().get(i);
            MarketSimulator.Level bid = krx.bids().get(i);
            long krxAsk = ask.quantity() * krxShare / 100;
            long krxBid = bid.quantity() * krxShare / 100;
            long nxtAsk = ask.quantity() * nxtShare / 100;
            long nxtBid = bid.quantity() * nxtShare / 100;
            v.put(Integer.toString(41 + i), signedPrice(ask.price(), prev));
            v.put(Integer.toString(61 + i), Long.toString(krxAsk + nxtAsk));
            v.put(Integer.toString(81 + i), "0");
            v.put(Integer.toString(51 + i), signedPrice(bid.price(), prev));
            v.put(Integer.toString(71 + i), Long.toString(krxBid + nxtBid));
            v.put(Integer.toString(91 + i), "0");
            v.put(Integer.toString(6044 + i), Long.toString(krxAsk));
            v.put(Integer.toString(6054 + i), Long.toString(krxBid));
            v.put(Integer.toString(6066 + i), Long.toString(nxtAsk));
            v.put(Integer.toString(6076 + i), Long.toString(nxtBid));
            v.put(Integer.toString(621 + i), "0");
            v.put(Integer.toString(631 + i), "0");
            krxAskTotal += krxAsk;
            krxBidTotal += krxBid;
            nxtAskTotal += nxtAsk;
            nxtBidTotal += nxtBid;
        }
        long totalAsk = krxAskTotal + nxtAskTotal;
        long totalBid = krxBidTotal + nxtBidTotal;
        v.put("121", Long.toString(totalAsk));
        v.put("122", "0");
        v.put("125", Long.toString(totalBid));
        v.put("126", "0");
        v.put("23", "0");
        v.put("24", "0");
        v.put("128", signed(totalBid - totalAsk));
        v.put("129", plainRate(totalAsk == 0 ? 0 : totalBid * 100.0 / totalAsk, 2));
        v.put("138", signed(totalAsk - totalBid));
        v.put("139", plainRate(totalBid == 0 ? 0 : totalAsk * 100.0 / totalBid, 2));
        v.put("200", "0");
        v.put("201", "0.00");
        v.put("238", "3");
        v.put("291", "0");
        v.put("292", "0");
        v.put("293", "3");
        v.put("294", "0");
        v.put("295", "0.00");
        v.put("13", Long.toString(s.tape(venue).volume));
        v.put("299", "0.00");
        v.put("215", session.phaseCode());
        // 투자자별ticker: UNCERTAIN what Kiwoom fills in; "0" as the other unused 0D counters
        v.put("216", "0");
        v.put("6064", Long.toString(krxAskTotal));
        v.put("6065", Long.toString(krxBidTotal));
        v.put("6086", Long.toString(nxtAskTotal));
        v.put("6087", Long.toString(nxtBidTotal));
        midPrice(v, krx, prev, krxShare > 0, nxtShare > 0);
        return v;
    }

    /**
     * 6100-6115 중간가: per exchange the mid-point of the best ask and bid, its change against the
     * previous close (대비, 기호, 등락율) and the mid-point orders resting there (총잔량 and 증감), which
     * the sandbox does not take, so 0. An exchange whose part the row does not carry gets zeros.
     */
    private static void midPrice(Map<String, String> v, MarketSimulator.OrderBook book, long prev, boolean krx,
                                 boolean nxt) {
        long ask = book.asks().get(0).price();
        long bid = book.bids().get(0).price();
        long mid = ask == 0 || bid == 0 ? 0 : (ask + bid) / 2;
        int[] first = {6100, 6105};
        int[] change = {6110, 6113};
        boolean[] shown = {krx, nxt};
        for (int e = 0; e < 2; e++) {
            boolean has = shown[e] && mid > 0;
            v.put(Integer.toString(first[e]), "0");
            v.put(Integer.toString(first[e] + 1), "0");
            v.put(Integer.toString(first[e] + 2), has ? signedPrice(mid, prev) : "0");
            v.put(Integer.toString(first[e] + 3), "0");
            v.put(Integer.toString(first[e] + 4), "0");
            v.put(Integer.toString(change[e]), has ? signed(mid - prev) : "0");
            v.put(Integer.toString(change[e] + 1), has ? KiwoomFormats.directionSign(mid, prev, PriceGrid.upperLimit(prev),
                    PriceGrid.lowerLimit(prev)) : "3");
            v.put(Integer.toString(change[e] + 2), has ? rate(KiwoomFormats.percentOf(mid - prev, prev)) : "0.00");
        }
    }

    /**
     * 00 주문체결 for an order event. {@code status} is FID 913 (접수, 체결, 확인, 취소, 거부); fill fields
     * (909-911, 914, 915) are filled only on 체결 rows.
     */
    static Map<String, String> orderEvent(String accountNumber, SandboxAccount.Order o, String status, boolean fill,
                                          MarketSimulator.SymbolState s, LocalDateTime now, String rejectCode) {
        long prev = s.previousClose;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("9201", accountNumber);
        v.put("9203", o.number == null ? "" : o.number);
        v.put("9205", "");
        v.put("9001", o.code);
        v.put("912", "JJ");
        v.put("913", status);
        v.put("302", o.name);
        v.put("900", Long.toString(o.quantity));
        v.put("901", Long.toString(o.price));
        v.put("902", Long.toString(o.remaining));
        v.put("903", Long.toString(o.filledAmount));
        v.put("904", o.originalNumber);
        v.put("905", orderKindText(o));
        v.put("906", o.type.text);
        v.put("907", o.side == SandboxAccount.Side.SELL ? "1" : "2");
        v.put("908", time(now));
        v.put("909", fill ? o.lastExecution : "");
        v.put("910", fill ? Long.toString(o.lastFillPrice) : "");
        v.put("911", fill ? Long.toString(o.filledQuantity) : "");
        v.put("10", signedPrice(s.price, prev));
        v.put("27", signedPrice(s.askPrice(), prev));
        v.put("28", signedPrice(s.bidPrice(), prev));
        v.put("914", fill ? Long.toString(o.lastFillPrice) : "");
        v.put("915", fill ? Long.toString(o.lastFillQuantity) : "");
        v.put("938", Long.toString(o.commission));
        v.put("939", Long.toString(o.tax));
        v.put("919", rejectCode == null ? "0" : rejectCode);
        v.put("920", "");
        v.put("921", "");
        v.put("922", "00");
        v.put("923", "00000000");
        v.put("10010", "");
        boolean nxt = "NXT".equals(o.exchange);
        boolean sor = "SOR".equals(o.exchange);
        v.put("2134", sor ? "0" : nxt ? "2" : "1");
        v.put("2135", sor ? "통합" : nxt ? "NXT" : "KRX");
        v.put("2136", sor ? "Y" : "N");
        return v;
    }

    /** 04 현물잔고 for a holding after it changed. */
    static Map<String, String> balance(SandboxAccount account, SandboxAccount.Position p, MarketSimulator.SymbolState s) {
        long prev = s.previousClose;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("9201", account.accountNumber());
        v.put("9001", p.code);
        v.put("917", "00");
        v.put("916", "00000000");
        v.put("302", p.name);
        v.put("10", signedPrice(s.price, prev));
        v.put("930", Long.toString(p.quantity));
        v.put("931", Long.toString(p.averagePrice()));
        v.put("932", Long.toString(p.purchaseAmount));
        v.put("933", Long.toString(account.sellable(p.code)));
        v.put("945", Long.toString(p.todayBought - p.todaySold));
        v.put("946", p.lastSide == SandboxAccount.Side.SELL ? "1" : "2");
        v.put("950", Long.toString(p.realizedToday));
        v.put("951", "0");
        v.put("27", signedPrice(s.askPrice(), prev));
        v.put("28", signedPrice(s.bidPrice(), prev));
        v.put("307", Long.toString(prev));
        v.put("8019", plainRate(p.purchaseAmount == 0 ? 0
                : (s.price * p.quantity - p.purchaseAmount) * 100.0 / p.purchaseAmount, 2));
        v.put("957", "0");
        v.put("958", "0");
        v.put("918", "00000000");
        v.put("990", Long.toString(p.realizedToday));
        v.put("991", "0.00");
        v.put("992", "0");
        v.put("993", "0.00");
        v.put("959", "0");
        v.put("924", "0");
        return v;
    }

    static String orderKindText(SandboxAccount.Order o) {
        String side = o.side == SandboxAccount.Side.BUY ? "매수" : "매도";
        return switch (o.kind) {
            case NEW -> (o.side == SandboxAccount.Side.BUY ? "+" : "-") + side;
            case MODIFY -> side + "정정";
            case CANCEL -> side + "취소";
        };
    }

    static String time(LocalDateTime t) {
        return HHMMSS.format(t);
    }
}
