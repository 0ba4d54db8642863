package com.kiwoomhub.sandbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated KRX market: one state per symbol, moved tick by tick on the KRX price grid within
 * ±30 % of the previous close by a random walk that is deterministic for the seed. Every move is a
 * trade that updates the day's OHLC and volume and is pushed as 0B and 0D rows.
 *
 * <p>Nextrade trades beside KRX at the same price: each KRX trade comes with an NXT trade of a set
 * percentage of its size and side, and the NXT book holds that percentage of the KRX quantities. The
 * rows go out per {@link TradingVenue}: the bare code for KRX, {@code _NX} for NXT and {@code _AL} for the
 * SOR tape, which carries the trades of both.
 *
 * <p>Tests read and set exact state with {@link #quote}, {@link #setPrice}, {@link #setPreviousClose}
 * and {@link #setLiquidity}, and move it with {@link #step()}; the timer only moves it while not
 * {@link #pause() paused}. After any change the matching engine gets to fill resting orders.
 */
public final class MarketSimulator {

    /** A symbol's state now on one venue (volume, turnover and last trade are the venue's). Prices and turnover in KRW. */
    public record Quote(String code, String name, String market, long price, long previousClose, long open, long high,
                        long low, long upperLimit, long lowerLimit, long volume, long turnover, long askPrice,
                        long bidPrice, long lastTradeQuantity, LocalDateTime tradeTime) {
    }

    /** One order book level; quantity in shares. */
    public record Level(long price, long quantity) {
    }

    /** Ten levels a side, best first: asks ascending from the current price, bids descending below it. */
    public record OrderBook(String code, List<Level> asks, List<Level> bids, LocalDateTime time) {
    }

    static final int LEVELS = 10;

    static final class SymbolState {
        final Instrument instrument;
        final SplittableRandom random;
        /** Draws the touch quantities, apart from {@link #random} so that the price path stays the seed's. */
        final SplittableRandom bookRandom;
        /** Set by {@link #setLiquidity}: the touch holds exactly {@link #liquidity} a side, for tests of fills. */
        boolean touchFixed;
        /** Ticks of the last trade's move, which tilts the touch towards the side that pushed. */
        int lastMove;
        ChartHistory history;
        LocalDate day;
        long previousClose;
        long open;
        long high;
        long low;
        long price;
        LocalDateTime openTime;
        LocalDateTime highTime;
        LocalDateTime lowTime;
        final VenueTape krx = new VenueTape(TradingVenue.KRX);
        final VenueTape nxt = new VenueTape(TradingVenue.NXT);
        final VenueTape sor = new VenueTape(TradingVenue.SOR);
        long liquidity;
        long askAvailable;
        long bidAvailable;
        final long[] askDepth = new long[LEVELS];
        final long[] bidDepth = new long[LEVELS];
        final List<ChartHistory.Tick> todayTicks = new ArrayList<>();

        SymbolState(Instrument instrument, SplittableRandom random, SplittableRandom bookRandom) {
            this.instrument = instrument;
            this.random = random;
            this.bookRandom = bookRandom;
        }

        long upperLimit() {
            return PriceGrid.upperLimit(previousClose);
        }

        long lowerLimit() {
            return PriceGrid.lowerLimit(previousClose);
        }

        long askPrice() {
            return price;
        }

        long bidPrice() {
            return PriceGrid.down(price);
        }

        VenueTape tape(TradingVenue venue) {
            return switch (venue) {
                case KRX -> krx;
                case NXT -> nxt;
                case SOR -> sor;
            };
        }
    }

    private static final int MAX_TODAY_TICKS = 100_000;

    private final Map<String, SymbolState> symbols = new LinkedHashMap<>();
    private final MarketHours session;
    private final long seed;
    private final int historyDays;
    private final Set<TradingVenue> venues;
    /** NXT's trade sizes and book quantities as a percentage of KRX's; 0 when NXT does not trade. */
    private final long nxtPercent;
    private final RealtimeOutbox outbox;
    /** Indices, VIs, auction expected prices and program trading, derived from the symbols. */
    private final MarketBreadth breadth;
    private volatile boolean paused;
    /** When the timer last ran; touched by the timer only. */
    private LocalDateTime lastTick;
    private Runnable afterChange = () -> { };

    /**
     * @param venues           the venues whose rows are pushed; NXT trades only when listed
     * @param nxtVolumePercent size of each NXT trade, and of the NXT book, as a percentage of KRX's
     */
    MarketSimulator(List<Instrument> instruments, long seed, int historyDays, Set<TradingVenue> venues, int nxtVolumePercent,
                    MarketHours session, RealtimeOutbox outbox) {
        this.session = session;
        this.seed = seed;
        this.historyDays = historyDays;
        this.venues = EnumSet.copyOf(venues);
        this.nxtPercent = venues.contains(TradingVenue.NXT) ? nxtVolumePercent : 0;
        this.outbox = outbox;
        this.breadth = new MarketBreadth(session, outbox);
        for (Instrument instrument : instruments) {
            if (symbols.containsKey(instrument.code())) {
                throw new IllegalArgumentException("The symbol " + instrument.code() + " is listed twice");
            }
            long symbolSeed = seed * 1_000_003L + instrument.code().hashCode();
            SymbolState state = new SymbolState(instrument, new SplittableRandom(symbolSeed),
                    new SplittableRandom(symbolSeed ^ 0x5DEECE66DL));
            state.previousClose = instrument.price();
            state.liquidity = Math.max(10, instrument.listedShares() / 500);
            startDay(state, session.today());
            symbols.put(instrument.code(), state);
        }
    }

    void afterChange(Runnable hook) {
        this.afterChange = hook;
    }

    public synchronized List<String> codes() {
        return List.copyOf(symbols.keySet());
    }

    public synchronized boolean knows(String code) {
        return symbols.containsKey(code);
    }

    /** The state of a symbol on KRX now, or empty for a code outside the universe. */
    public synchronized Optional<Quote> find(String code) {
        SymbolState s = symbols.get(code);
        return s == null ? Optional.empty() : Optional.of(quoteOf(current(s), s.krx));
    }

    /** The state of a symbol on KRX now; fails for a code outside the universe. */
    public Quote quote(String code) {
        return find(code).orElseThrow(() -> new NoSuchElementException("No symbol " + code + " in the sandbox universe"));
    }

    /** The state of a symbol on {@code venue} now; fails for a code outside the universe. */
    public synchronized Quote quote(String code, TradingVenue venue) {
        SymbolState s = current(state(code));
        return quoteOf(s, s.tape(venue));
    }

    public synchronized OrderBook book(String code) {
        SymbolState s = current(state(code));
        List<Level> asks = new ArrayList<>(LEVELS);
        List<Level> bids = new ArrayList<>(LEVELS);
        long ask = s.askPrice();
        long bid = s.bidPrice();
        for (int i = 0; i < LEVELS; i++) {
            asks.add(ask <= s.upperLimit() ? new Level(ask, i == 0 ? s.askAvailable : s.askDepth[i]) : new Level(0, 0));
            bids.add(bid >= s.lowerLimit() ? new Level(bid, i == 0 ? s.bidAvailable : s.bidDepth[i]) : new Level(0, 0));
            ask = PriceGrid.up(ask);
            bid = PriceGrid.down(bid);
        }
        return new OrderBook(code, asks, bids, session.now());
    }

    /** Sets the current price (on the grid, within today's limits) as a trade of {@code quantity} 0. */
    public void setPrice(String code, long price) {
        synchronized (this) {
            SymbolState s = current(state(code));
            if (!PriceGrid.onGrid(price) || price > s.upperLimit() || price < s.lowerLimit()) {
                throw new IllegalArgumentException("Price " + price + " of " + code + " must be on the tick grid within "
                        + s.lowerLimit() + ".." + s.upperLimit());
            }
            long before = s.price;
            s.price = price;
            markExtremes(s, session.now());
            refreshBook(s);
            pushRows(s);
            breadth.afterPriceChange(s, before);
        }
        afterChange.run();
    }

    /**
     * Sets the previous close (기준가), which moves the limits and regenerates the symbol's history so
     * that it ends at this close; the current price is kept if it is still within the new limits.
     */
    public void setPreviousClose(String code, long previousClose) {
        if (!PriceGrid.onGrid(previousClose)) {
            throw new IllegalArgumentException("Previous close " + previousClose + " is not on the tick grid");
        }
        synchronized (this) {
            SymbolState s = current(state(code));
            s.previousClose = previousClose;
            s.history = null;
            s.price = ChartHistory.clamp(s.price, s.lowerLimit(), s.upperLimit());
            s.open = ChartHistory.clamp(s.open, s.lowerLimit(), s.upperLimit());
            s.high = Math.max(s.price, ChartHistory.clamp(s.high, s.lowerLimit(), s.upperLimit()));
            s.low = Math.min(s.price, ChartHistory.clamp(s.low, s.lowerLimit(), s.upperLimit()));
            refreshBook(s);
        }
        afterChange.run();
    }

    /**
     * Shares available at the best ask and best bid after every step (how much an order can fill per
     * step), from now on fixed; by default the touch moves with the market around listed shares / 500.
     */
    public void setLiquidity(String code, long shares) {
        if (shares < 1) {
            throw new IllegalArgumentException("Liquidity is at least 1 share");
        }
        synchronized (this) {
            SymbolState s = current(state(code));
            s.liquidity = shares;
            s.touchFixed = true;
            refreshBook(s);
        }
    }

    /** Stops the timer from moving prices; explicit {@link #step()} calls still move them. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    /** Moves every symbol by one trade, then lets resting orders fill. */
    public void step() {
        step(1);
    }

    public void step(int times) {
        for (int i = 0; i < times; i++) {
            synchronized (this) {
                for (SymbolState s : symbols.values()) {
                    trade(current(s));
                }
                breadth.afterStep(symbols.values());
            }
            afterChange.run();
        }
    }

    /** The timer's step: announces session events (0s), then trades while not paused and in continuous trading. */
    void tick() {
        LocalDateTime now = session.now();
        for (String phase : session.phaseChanges(lastTick, now)) {
            outbox.market("0s", "", Map.of("215", phase, "20", RealtimeRows.time(now), "214", "000000"));
        }
        lastTick = now;
        synchronized (this) {
            symbols.values().forEach(this::current);
            breadth.tick(symbols.values());
        }
        if (!paused && session.continuous()) {
            step();
        } else {
            outbox.flush();
        }
    }

    /** Index {@code 001} (KOSPI) or {@code 101} (KOSDAQ) now, from the simulated stocks of its market. */
    public synchronized MarketBreadth.IndexLevel index(String code) {
        symbols.values().forEach(this::current);
        return breadth.index(code, symbols.values());
    }

    /** The symbol's last VI today, if any. */
    public synchronized Optional<MarketBreadth.Vi> vi(String code) {
        return breadth.lastVi(current(state(code)));
    }

    /** The symbol's program trading today. */
    public synchronized MarketBreadth.ProgramTally program(String code) {
        return breadth.program(current(state(code)));
    }

    // ---- package API for the TR handlers and the matching engine (callers hold no other lock) ----

    synchronized SymbolState stateForMatching(String code) {
        return current(state(code));
    }

    /** The symbol's generated history; built outside the lock (it takes a few ms), so prices keep moving meanwhile. */
    ChartHistory history(String code) {
        SymbolState s;
        long previousClose;
        LocalDate day;
        synchronized (this) {
            s = current(state(code));
            if (s.history != null) {
                return s.history;
            }
            previousClose = s.previousClose;
            day = s.day;
        }
        ChartHistory built = new ChartHistory(s.instrument, seed, previousClose, day, historyDays);
        synchronized (this) {
            if (s.history == null && s.previousClose == previousClose && day.equals(s.day)) {
                s.history = built;
            }
            return built;
        }
    }

    synchronized List<ChartHistory.Tick> todayTicks(String code) {
        return List.copyOf(current(state(code)).todayTicks);
    }

    synchronized Instrument instrument(String code) {
        return state(code).instrument;
    }

    MarketHours session() {
        return session;
    }

    /** Consumes liquidity at the touch for a fill; called by the matching engine under this monitor. */
    void consume(SymbolState s, boolean buy, long quantity) {
        if (buy) {
            s.askAvailable -= quantity;
        } else {
            s.bidAvailable -= quantity;
        }
    }

    private SymbolState state(String code) {
        SymbolState s = symbols.get(code);
        if (s == null) {
            throw new NoSuchElementException("No symbol " + code + " in the sandbox universe");
        }
        return s;
    }

    /** Rolls a symbol into a new trading day when the clock has passed midnight (KST). */
    private SymbolState current(SymbolState s) {
        LocalDate today = session.today();
        if (!today.equals(s.day)) {
            if (s.day != null) {
                s.previousClose = s.price;
                s.history = null;
            }
            startDay(s, today);
        }
        return s;
    }

    private void startDay(SymbolState s, LocalDate today) {
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

    private void trade(SymbolState s) {
        long before = s.price;
        double roll = s.random.nextDouble();
        int move = roll < 0.10 ? -2 : roll < 0.35 ? -1 : roll < 0.65 ? 0 : roll < 0.90 ? 1 : 2;
        long price = s.price;
        for (int i = 0; i < Math.abs(move); i++) {
            price = move > 0 ? PriceGrid.up(price) : PriceGrid.down(price);
        }
        s.price = ChartHistory.clamp(price, s.lowerLimit(), s.upperLimit());
        s.lastMove = move;
        long quantity = 1 + s.random.nextLong(Math.max(10, s.instrument.listedShares() / 2_000));
        boolean buyerInitiated = move > 0 || (move == 0 && s.random.nextBoolean());
        LocalDateTime now = session.now();
        recordOnChart(s, quantity, now);
        refreshBook(s);
        print(s, TradingVenue.KRX, quantity, buyerInitiated, now);
        breadth.afterTrade(s, before, quantity, buyerInitiated);
        long nxtQuantity = quantity * nxtPercent / 100;
        if (nxtQuantity > 0) {
            print(s, TradingVenue.NXT, nxtQuantity, buyerInitiated, now);
        }
        pushBooks(s);
    }

    /** A KRX trade in the day's OHLC and today's ticks, which the chart TRs read. */
    private void recordOnChart(SymbolState s, long quantity, LocalDateTime now) {
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

    private static void markExtremes(SymbolState s, LocalDateTime now) {
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
    private static void refreshBook(SymbolState s) {
        if (s.touchFixed) {
            s.askAvailable = s.liquidity;
            s.bidAvailable = s.liquidity;
        } else {
            long base = Math.max(1, s.liquidity / 4);
            long tilt = s.liquidity / 4 * Math.abs(s.lastMove);
            s.askAvailable = base + s.bookRandom.nextLong(s.liquidity * 3 / 2 + 1) + (s.lastMove < 0 ? tilt : 0);
            s.bidAvailable = base + s.bookRandom.nextLong(s.liquidity * 3 / 2 + 1) + (s.lastMove > 0 ? tilt : 0);
        }
        for (int i = 0; i < LEVELS; i++) {
            s.askDepth[i] = s.liquidity / 2 + s.random.nextLong(s.liquidity * 2 + 1);
            s.bidDepth[i] = s.liquidity / 2 + s.random.nextLong(s.liquidity * 2 + 1);
        }
    }

    /** A trade on {@code venue}: on that venue's tape and the SOR tape, and pushed on both streams. */
    private void print(SymbolState s, TradingVenue venue, long quantity, boolean buyerInitiated, LocalDateTime now) {
        s.tape(venue).record(venue, s.price, quantity, buyerInitiated, now);
        s.sor.record(venue, s.price, quantity, buyerInitiated, now);
        pushTrade(s, venue);
        pushTrade(s, TradingVenue.SOR);
    }

    /** Every venue's 0B and 0D rows, after a price change that is not a trade. */
    private void pushRows(SymbolState s) {
        for (TradingVenue venue : venues) {
            pushTrade(s, venue);
        }
        pushBooks(s);
    }

    private void pushTrade(SymbolState s, TradingVenue venue) {
        if (venues.contains(venue)) {
            outbox.market("0B", venue.item(s.instrument.code()), RealtimeRows.trade(s, s.tape(venue), session));
        }
    }

    private void pushBooks(SymbolState s) {
        String code = s.instrument.code();
        OrderBook krx = book(code);
        for (TradingVenue venue : venues) {
            outbox.market("0D", venue.item(code), RealtimeRows.orderBook(krx, nxtPercent, venue, s, session));
        }
    }

    private static Quote quoteOf(SymbolState s, VenueTape tape) {
        return new Quote(s.instrument.code(), s.instrument.name(), s.instrument.market(), s.price, s.previousClose,
                s.open, s.high, s.low, s.upperLimit(), s.lowerLimit(), tape.volume, tape.turnover, s.askPrice(),
                s.bidPrice(), tape.lastQuantity, tape.tradeTime);
    }
}
