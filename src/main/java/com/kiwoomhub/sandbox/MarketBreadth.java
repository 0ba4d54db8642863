package com.kiwoomhub.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The market-wide side of the simulation, derived from the symbols' states: the 업종지수 KOSPI
 * ({@code 001}) and KOSDAQ ({@code 101}), volatility interruptions, call-auction expected prices and
 * program trading. It pushes 0J, 1h, 0H and 0w rows ({@link BreadthRows}) and answers ka20001.
 * Runs under the {@link MarketSimulator}'s monitor, which calls it.
 *
 * <p>Simplifications (documented in the README's sandbox section): an index is the cap-weighted
 * (listed shares) move of its market's simulated stocks from a fixed base; its open, high and low are
 * those of its stocks, weighted alike. A VI does not halt trading; it is released after two minutes
 * of the sandbox clock. Program trading is a fixed share of every KRX trade, on the trade's side.
 */
public final class MarketBreadth {

    /** An index now; points with 2 decimals, volume in shares and turnover in KRW of its stocks on KRX. */
    public record IndexLevel(String code, BigDecimal value, BigDecimal previousClose, BigDecimal open, BigDecimal high,
                             BigDecimal low, long volume, long turnover, int rising, int flat, int falling, int stocks,
                             LocalDateTime time) {

        public BigDecimal change() {
            return value.subtract(previousClose);
        }
    }

    /** The last VI of a symbol today: triggered (release pending) or released. */
    public record Vi(String code, boolean active, String kind, long triggerPrice, Long staticReference,
                     Long dynamicReference, int count, LocalDateTime triggeredAt, LocalDateTime releaseAt) {
    }

    /** A symbol's program trading today: shares and KRW. */
    public record ProgramTally(String code, long sellQuantity, long sellAmount, long buyQuantity, long buyAmount) {
    }

    /** Index code → market of its stocks and its base (previous close), in points. */
    static final Map<String, String> INDEX_MARKET = Map.of("001", "KOSPI", "101", "KOSDAQ");
    static final Map<String, BigDecimal> INDEX_BASE = Map.of("001", new BigDecimal("2650.00"),
            "101", new BigDecimal("850.00"));
    /** Static VI: ±10 % from the static reference (the previous close, then the last VI's price). */
    static final int STATIC_VI_PERCENT = 10;
    /** Dynamic VI: one move of ±3 % (KOSPI) or ±6 % (KOSDAQ) from the previous trade. */
    static final Map<String, Integer> DYNAMIC_VI_PERCENT = Map.of("KOSPI", 3, "KOSDAQ", 6);
    static final Duration VI_LENGTH = Duration.ofMinutes(2);
    /** Share of each KRX trade done by programs, percent. */
    static final int PROGRAM_PERCENT = 30;

    private final MarketHours session;
    private final RealtimeOutbox outbox;
    private final Map<String, ViState> vis = new HashMap<>();
    private final Map<String, Tally> programs = new HashMap<>();

    private static final class ViState {
        LocalDate day;
        long staticReference;
        Vi last;
    }

    private static final class Tally {
        LocalDate day;
        long sellQuantity;
        long sellAmount;
        long buyQuantity;
        long buyAmount;
    }

    MarketBreadth(MarketHours session, RealtimeOutbox outbox) {
        this.session = session;
        this.outbox = outbox;
    }

    /** After a KRX trade: program trading, then a VI check against the price before it. */
    void afterTrade(MarketSimulator.SymbolState s, long priceBefore, long quantity, boolean buyerInitiated) {
        Tally tally = tally(s);
        long programQuantity = quantity * PROGRAM_PERCENT / 100;
        if (programQuantity > 0) {
            if (buyerInitiated) {
                tally.buyQuantity += programQuantity;
                tally.buyAmount += programQuantity * s.price;
            } else {
                tally.sellQuantity += programQuantity;
                tally.sellAmount += programQuantity * s.price;
            }
        }
        outbox.market("0w", s.instrument.code(), BreadthRows.programTrade(s, program(s), session.now()));
        afterPriceChange(s, priceBefore);
    }

    /** After any price change: a VI may trigger; during one, the auction's expected price moves. */
    void afterPriceChange(MarketSimulator.SymbolState s, long priceBefore) {
        ViState vi = vi(s);
        LocalDateTime now = session.now();
        if (vi.last == null || !vi.last.active()) {
            boolean isStatic = Math.abs(s.price - vi.staticReference) * 100 >= STATIC_VI_PERCENT * vi.staticReference;
            boolean isDynamic = Math.abs(s.price - priceBefore) * 100
                    >= DYNAMIC_VI_PERCENT.getOrDefault(s.instrument.market(), 6) * priceBefore;
            if (isStatic || isDynamic) {
                String kind = isStatic && isDynamic ? "동적+정적" : isStatic ? "정적" : "동적";
                vi.last = new Vi(s.instrument.code(), true, kind, s.price, isStatic ? vi.staticReference : null,
                        isDynamic ? priceBefore : null, vi.last == null ? 1 : vi.last.count() + 1, now, now.plus(VI_LENGTH));
                if (isStatic) {
                    vi.staticReference = s.price;
                }
                outbox.market("1h", "", BreadthRows.vi(s, vi.last, true));
            }
        }
        if (vi.last != null && vi.last.active()) {
            outbox.market("0H", s.instrument.code(), BreadthRows.expectedTrade(s, now));
        }
    }

    /** After every symbol moved one trade: the indices' 0J rows. */
    void afterStep(Collection<MarketSimulator.SymbolState> all) {
        for (String code : List.of("001", "101")) {
            IndexLevel level = index(code, all);
            if (level.stocks() > 0) {
                outbox.market("0J", code, BreadthRows.indexTick(level));
            }
        }
    }

    /** The timer's check: VIs due for release, and during a call auction every symbol's expected price. */
    void tick(Collection<MarketSimulator.SymbolState> all) {
        LocalDateTime now = session.now();
        boolean auction = session.callAuction();
        for (MarketSimulator.SymbolState s : all) {
            ViState vi = vi(s);
            if (vi.last != null && vi.last.active() && !now.isBefore(vi.last.releaseAt())) {
                Vi v = vi.last;
                vi.last = new Vi(v.code(), false, v.kind(), v.triggerPrice(), v.staticReference(), v.dynamicReference(),
                        v.count(), v.triggeredAt(), now);
                outbox.market("1h", "", BreadthRows.vi(s, vi.last, false));
            }
            if (auction) {
                outbox.market("0H", s.instrument.code(), BreadthRows.expectedTrade(s, now));
            }
        }
    }

    IndexLevel index(String code, Collection<MarketSimulator.SymbolState> all) {
        String market = INDEX_MARKET.get(code);
        if (market == null) {
            throw new IllegalArgumentException("No index " + code + " in the sandbox (001 KOSPI, 101 KOSDAQ)");
        }
        BigDecimal base = INDEX_BASE.get(code);
        long now = 0;
        long previous = 0;
        long open = 0;
        long high = 0;
        long low = 0;
        long volume = 0;
        long turnover = 0;
        int rising = 0;
        int falling = 0;
        int stocks = 0;
        for (MarketSimulator.SymbolState s : all) {
            if (!market.equals(s.instrument.market())) {
                continue;
            }
            long shares = s.instrument.listedShares();
            now += s.price * shares;
            previous += s.previousClose * shares;
            open += s.open * shares;
            high += s.high * shares;
            low += s.low * shares;
            volume += s.krx.volume;
            turnover += s.krx.turnover;
            rising += s.price > s.previousClose ? 1 : 0;
            falling += s.price < s.previousClose ? 1 : 0;
            stocks++;
        }
        return new IndexLevel(code, points(base, now, previous), base, points(base, open, previous),
                points(base, high, previous), points(base, low, previous), volume, turnover, rising,
                stocks - rising - falling, falling, stocks, session.now());
    }

    Optional<Vi> lastVi(MarketSimulator.SymbolState s) {
        return Optional.ofNullable(vi(s).last);
    }

    ProgramTally program(MarketSimulator.SymbolState s) {
        Tally t = tally(s);
        return new ProgramTally(s.instrument.code(), t.sellQuantity, t.sellAmount, t.buyQuantity, t.buyAmount);
    }

    private static BigDecimal points(BigDecimal base, long value, long previous) {
        return previous == 0 ? base : base.multiply(BigDecimal.valueOf(value))
                .divide(BigDecimal.valueOf(previous), 2, RoundingMode.HALF_UP);
    }

    private ViState vi(MarketSimulator.SymbolState s) {
        ViState vi = vis.computeIfAbsent(s.instrument.code(), c -> new ViState());
        if (!s.day.equals(vi.day)) {
            vi.day = s.day;
            vi.staticReference = s.previousClose;
            vi.last = null;
        }
        return vi;
    }

    private Tally tally(MarketSimulator.SymbolState s) {
        Tally t = programs.computeIfAbsent(s.instrument.code(), c -> new Tally());
        if (!s.day.equals(t.day)) {
            programs.put(s.instrument.code(), t = new Tally());
            t.day = s.day;
        }
        return t;
    }
}
