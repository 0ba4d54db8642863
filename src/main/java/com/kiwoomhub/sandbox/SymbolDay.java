package com.kiwoomhub.sandbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.kiwoomhub.sandbox.MarketSimulator.Level;
import com.kiwoomhub.sandbox.MarketSimulator.OrderBook;
import com.kiwoomhub.sandbox.MarketSimulator.SymbolState;

/**
 * How a symbol's trading day changes: the start of the day, the OHLC and ticks of each KRX trade,
 * and the order book drawn around the price. Callers hold the market's monitor.
 */
final class SymbolDay {

    private static final int MAX_TODAY_TICKS = 100_000;

    private SymbolDay() {
    }

    static void start(SymbolState s, LocalDate today) {
        s.day = today;
        s.price = s.previousClose;
        s.open = s.previousClose;
        s.high = s.previousClose;
        s.low = s.previousClose;
        s.openTime = null;
        s.highTime = null;
        s.lowTime = null;
        for (TradingVenue venue : TradingVenue.values()) {
            s.tape(venue).startDay();
        }
        s.todayTicks.clear();
        refreshBook(s);
    }

    /** A KRX trade in the day's OHLC and today's ticks, which the chart TRs read. */
    static void recordOnChart(SymbolState s, long quantity, LocalDateTime now) {
        if (s.openTime == null) {
            s.open = s.price;
            s.high = s.price;
            s.low = s.price;
            s.openTime = now;
            s.highTime = now;
            s.lowTime = now;
        }
        markExtremes(s, now);
        if (s.todayTicks.size() < MAX_TODAY_TICKS) {
            s.todayTicks.add(new ChartHistory.Tick(now, s.price, quantity, s.todayTicks.size()));
        }
    }

    static void markExtremes(SymbolState s, LocalDateTime now) {
        if (s.price > s.high) {
            s.high = s.price;
            s.highTime = now;
        }
        if (s.price < s.low) {
            s.low = s.price;
            s.lowTime = now;
        }
    }

    /**
     * Draws the book after a change. The touch is drawn per side around the liquidity, thicker on the
     * side that pushed the last move (buyers below an up-tick, sellers above a down-tick), unless a test fixed it.
     */
    static void refreshBook(SymbolState s) {
        if (s.touchFixed) {
            s.askAvailable = s.liquidity;
            s.bidAvailable = s.liquidity;
        } else {
            long base = Math.max(1, s.liquidity / 4);
            long tilt = s.liquidity / 4 * Math.abs(s.lastMove);
            s.askAvailable = base + s.bookRandom.nextLong(s.liquidity * 3 / 2 + 1) + (s.lastMove < 0 ? tilt : 0);
            s.bidAvailable = base + s.bookRandom.nextLong(s.liquidity * 3 / 2 + 1) + (s.lastMove > 0 ? tilt : 0);
        }
        for (int i = 0; i < MarketSimulator.LEVELS; i++) {
            s.askDepth[i] = s.liquidity / 2 + s.random.nextLong(s.liquidity * 2 + 1);
            s.bidDepth[i] = s.liquidity / 2 + s.random.nextLong(s.liquidity * 2 + 1);
        }
    }

    /** The drawn book as ten levels a side; levels beyond the day's limits are empty. */
    static OrderBook book(SymbolState s, LocalDateTime time) {
        List<Level> asks = new ArrayList<>(MarketSimulator.LEVELS);
        List<Level> bids = new ArrayList<>(MarketSimulator.LEVELS);
        long ask = s.askPrice();
        long bid = s.bidPrice();
        for (int i = 0; i < MarketSimulator.LEVELS; i++) {
            asks.add(ask <= s.upperLimit() ? new Level(ask, i == 0 ? s.askAvailable : s.askDepth[i]) : new Level(0, 0));
            bids.add(bid >= s.lowerLimit() ? new Level(bid, i == 0 ? s.bidAvailable : s.bidDepth[i]) : new Level(0, 0));
            ask = PriceGrid.up(ask);
            bid = PriceGrid.down(bid);
        }
        return new OrderBook(s.instrument.code(), asks, bids, time);
    }
}
