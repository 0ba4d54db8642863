package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.KiwoomFormats.rate;
import static com.kiwoomhub.sandbox.KiwoomFormats.signed;
import static com.kiwoomhub.sandbox.KiwoomFormats.signedPrice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FID maps of the market-wide real-time rows (0J 업종지수, 1h VI발동/해제, 0H 주식예상체결, 0w
 * 종목프로그램매매), values in Kiwoom's formats. Index levels are decimals signed by direction like
 * prices ({@code -2394.49}); index volume is in 천주 and turnover in 백만원, as ka20001 writes them;
 * program amounts are in 백만원.
 */
final class BreadthRows {

    private BreadthRows() {
    }

    /** 0J for one index. FID 15 (this tick's volume) is not simulated and sent empty. */
    static Map<String, String> indexTick(MarketBreadth.IndexLevel level) {
        BigDecimal prev = level.previousClose();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("20", RealtimeRows.time(level.time()));
        v.put("10", signedPoints(level.value(), prev));
        v.put("11", signedChange(level.change()));
        v.put("12", rate(percent(level.change(), prev)));
        v.put("15", "");
        v.put("13", Long.toString(level.volume() / 1_000));
        v.put("14", Long.toString(level.turnover() / 1_000_000));
        v.put("16", signedPoints(level.open(), prev));
        v.put("17", signedPoints(level.high(), prev));
        v.put("18", signedPoints(level.low(), prev));
        v.put("25", directionCode(level.value().compareTo(prev)));
        v.put("26", "");
        return v;
    }

    /** 1h for a VI just triggered ({@code triggered}) or just released; the item of the row is {@code ""}. */
    static Map<String, String> vi(MarketSimulator.SymbolState s, MarketBreadth.Vi vi, boolean triggered) {
        long prev = s.previousClose;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("9001", s.instrument.code());
        v.put("302", s.instrument.name());
        v.put("13", Long.toString(s.krx.volume));
        v.put("14", Long.toString(s.krx.turnover / 1_000_000));
        v.put("9068", triggered ? "1" : "2");
        v.put("9008", "KOSDAQ".equals(s.instrument.market()) ? "101" : "001");
        v.put("9075", "");
        v.put("1221", Long.toString(vi.triggerPrice()));
        v.put("1223", RealtimeRows.time(vi.triggeredAt()));
        v.put("1224", RealtimeRows.time(vi.releaseAt()));
        v.put("1225", vi.kind());
        v.put("1236", vi.staticReference() == null ? "" : Long.toString(vi.staticReference()));
        v.put("1237", vi.dynamicReference() == null ? "" : Long.toString(vi.dynamicReference()));
        v.put("1238", vi.staticReference() == null ? ""
                : rate(KiwoomFormats.percentOf(vi.triggerPrice() - vi.staticReference(), vi.staticReference())));
        v.put("1239", vi.dynamicReference() == null ? ""
                : rate(KiwoomFormats.percentOf(vi.triggerPrice() - vi.dynamicReference(), vi.dynamicReference())));
        v.put("1489", rate(KiwoomFormats.percentOf(vi.triggerPrice() - prev, prev)));
        v.put("1490", Integer.toString(vi.count()));
        v.put("9069", vi.triggerPrice() >= prev ? "1" : "2");
        v.put("1279", "");
        return v;
    }

    /** 0H: the auction would match now at the current price, the touch's quantity. */
    static Map<String, String> expectedTrade(MarketSimulator.SymbolState s, LocalDateTime now) {
        long prev = s.previousClose;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("20", RealtimeRows.time(now));
        v.put("10", signedPrice(s.price, prev));
        v.put("11", signed(s.price - prev));
        v.put("12", rate(KiwoomFormats.percentOf(s.price - prev, prev)));
        v.put("15", "+" + s.liquidity);
        v.put("13", Long.toString(s.krx.volume));
        v.put("25", KiwoomFormats.directionSign(s.price, prev, s.upperLimit(), s.lowerLimit()));
        return v;
    }

    /** 0w after a trade: the day's program totals; 210 = 206 − 202 and 212 = 208 − 204 (in 백만원). */
    static Map<String, String> programTrade(MarketSimulator.SymbolState s, MarketBreadth.ProgramTally t,
                                            LocalDateTime now) {
        long prev = s.previousClose;
        long sellMillions = t.sellAmount() / 1_000_000;
        long buyMillions = t.buyAmount() / 1_000_000;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("20", RealtimeRows.time(now));
        v.put("10", signedPrice(s.price, prev));
        v.put("25", KiwoomFormats.directionSign(s.price, prev, s.upperLimit(), s.lowerLimit()));
        v.put("11", signed(s.price - prev));
        v.put("12", rate(KiwoomFormats.percentOf(s.price - prev, prev)));
        v.put("13", Long.toString(s.krx.volume));
        v.put("202", Long.toString(t.sellQuantity()));
        v.put("204", Long.toString(sellMillions));
        v.put("206", Long.toString(t.buyQuantity()));
        v.put("208", Long.toString(buyMillions));
        v.put("210", signed(t.buyQuantity() - t.sellQuantity()));
        v.put("211", "");
        v.put("212", signed(buyMillions - sellMillions));
        v.put("213", "");
        v.put("214", "000000");
        v.put("215", "");
        v.put("216", "");
        return v;
    }

    /** An index level with its direction against the previous close: {@code +2812.34}, {@code -2394.49}. */
    static String signedPoints(BigDecimal points, BigDecimal previousClose) {
        int direction = points.compareTo(previousClose);
        String text = points.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return direction > 0 ? "+" + text : direction < 0 ? "-" + text : text;
    }

    private static String signedChange(BigDecimal change) {
        String text = change.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return change.signum() > 0 ? "+" + text : text;
    }

    private static double percent(BigDecimal change, BigDecimal base) {
        return change.doubleValue() * 100 / base.doubleValue();
    }

    private static String directionCode(int direction) {
        return direction > 0 ? "2" : direction < 0 ? "5" : "3";
    }
}
