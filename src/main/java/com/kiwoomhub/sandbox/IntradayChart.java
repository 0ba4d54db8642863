package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.KiwoomFormats.signed;
import static com.kiwoomhub.sandbox.KiwoomFormats.signedPrice;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

import com.kiwoomhub.sandbox.CandleTr.Row;
import com.kiwoomhub.sandbox.ChartHistory.DayBar;
import com.kiwoomhub.sandbox.ChartHistory.Tick;

/**
 * The rows of the intraday charts, ka10080 (minute bars) and ka10079 (tick bars), newest first:
 * today's live trades, then the {@link ChartHistory#DETAILED_DAYS} detailed history days. Paging and
 * the request's fields are {@link CandleTr}'s.
 */
final class IntradayChart {

    private final MarketSimulator market;
    private final SandboxSettings.MinuteBarLabel minuteLabel;

    IntradayChart(MarketSimulator market, SandboxSettings.MinuteBarLabel minuteLabel) {
        this.market = market;
        this.minuteLabel = minuteLabel;
    }

    /** Minute bars, newest first: today's live trades, then the detailed history days, from {@code baseDate} back. */
    Iterator<Row> minutes(String code, int scope, LocalDate baseDate) {
        List<Day> sources = days(code, baseDate);
        return flatten(sources, day -> minuteRows(day, scope));
    }

    private List<Row> minuteRows(Day day, int scope) {
        List<Row> bars = new ArrayList<>();
        long open = 0;
        long high = 0;
        long low = 0;
        long close = 0;
        long volume = 0;
        long accumulated = 0;
        LocalDateTime bucketStart = null;
        boolean auction = false;
        List<Tick> ticks = day.ticks();
        for (int i = 0; i <= ticks.size(); i++) {
            Tick t = i < ticks.size() ? ticks.get(i) : null;
            boolean isAuction = t != null && day.historical() && i == ticks.size() - 1;
            LocalDateTime start = t == null ? null : isAuction ? t.time() : bucketOf(t.time(), scope);
            if (bucketStart != null && (t == null || !start.equals(bucketStart))) {
                accumulated += volume;
                bars.add(minuteRow(bucketStart, auction, scope, open, high, low, close, volume, accumulated, day.previousClose()));
            }
            if (t == null) {
                break;
            }
            if (bucketStart == null || !start.equals(bucketStart)) {
                bucketStart = start;
                auction = isAuction;
                open = t.price();
                high = t.price();
                low = t.price();
                volume = 0;
            }
            high = Math.max(high, t.price());
            low = Math.min(low, t.price());
            close = t.price();
            volume += t.quantity();
        }
        Collections.reverse(bars);
        return bars;
    }

    private Row minuteRow(LocalDateTime start, boolean auction, int scope, long open, long high, long low, long close,
                          long volume, long accumulated, long prev) {
        LocalDateTime label = minuteLabel == SandboxSettings.MinuteBarLabel.END && !auction ? start.plusMinutes(scope) : start;
        Map<String, String> r = new LinkedHashMap<>();
        r.put("cur_prc", signedPrice(close, prev));
        r.put("trde_qty", Long.toString(volume));
        r.put("cntr_tm", CandleTr.STAMP.format(label));
        r.put("open_pric", signedPrice(open, prev));
        r.put("high_pric", signedPrice(high, prev));
        r.put("low_pric", signedPrice(low, prev));
        r.put("acc_trde_qty", Long.toString(accumulated));
        r.put("pred_pre", signed(close - prev));
        r.put("pred_pre_sig", KiwoomFormats.directionSign(close, prev, PriceGrid.upperLimit(prev), PriceGrid.lowerLimit(prev)));
        // the key is the bar start, which is unique whichever label is shown
        return new Row(CandleTr.STAMP.format(start), r);
    }

    private static LocalDateTime bucketOf(LocalDateTime time, int scope) {
        int minuteOfDay = time.getHour() * 60 + time.getMinute();
        int start = minuteOfDay / scope * scope;
        return time.toLocalDate().atTime(start / 60, start % 60);
    }

    /** Ticks in the newest bar of {@code scope} ticks (Kiwoom's last_tic_cnt); 0 without any tick. */
    static int lastTickCount(List<Day> days, int scope) {
        for (Day day : days) {
            if (!day.ticks().isEmpty()) {
                int remainder = day.ticks().size() % scope;
                return remainder == 0 ? scope : remainder;
            }
        }
        return 0;
    }

    /** Bars of {@code scope} ticks, newest first. */
    static Iterator<Row> ticks(List<Day> days, int scope) {
        return flatten(days, day -> tickRows(day, scope));
    }

    private static List<Row> tickRows(Day day, int scope) {
        List<Tick> ticks = day.ticks();
        List<Row> rows = new ArrayList<>(ticks.size() / scope + 1);
        long prev = day.previousClose();
        String date = CandleTr.YYYYMMDD.format(day.date());
        for (int from = 0, chunk = 0; from < ticks.size(); from += scope, chunk++) {
            List<Tick> group = ticks.subList(from, Math.min(ticks.size(), from + scope));
            long open = group.get(0).price();
            long close = group.get(group.size() - 1).price();
            long high = group.stream().mapToLong(Tick::price).max().orElse(open);
            long low = group.stream().mapToLong(Tick::price).min().orElse(open);
            long volume = group.stream().mapToLong(Tick::quantity).sum();
            Map<String, String> r = new LinkedHashMap<>();
            r.put("cur_prc", signedPrice(close, prev));
            r.put("trde_qty", Long.toString(volume));
            r.put("cntr_tm", CandleTr.STAMP.format(group.get(group.size() - 1).time()));
            r.put("open_pric", signedPrice(open, prev));
            r.put("high_pric", signedPrice(high, prev));
            r.put("low_pric", signedPrice(low, prev));
            r.put("pred_pre", signed(close - prev));
            r.put("pred_pre_sig", KiwoomFormats.directionSign(close, prev, PriceGrid.upperLimit(prev), PriceGrid.lowerLimit(prev)));
            rows.add(new Row(date + String.format("%06d", chunk), r));
        }
        Collections.reverse(rows);
        return rows;
    }

    /** A day whose trades are known: today (live) or a detailed history day; ticks are generated when first asked. */
    static final class Day {
        private final LocalDate date;
        private final long previousClose;
        private final boolean historical;
        private final Supplier<List<Tick>> generator;
        private List<Tick> ticks;

        Day(LocalDate date, long previousClose, boolean historical, Supplier<List<Tick>> generator) {
            this.date = date;
            this.previousClose = previousClose;
            this.historical = historical;
            this.generator = generator;
        }

        LocalDate date() {
            return date;
        }

        long previousClose() {
            return previousClose;
        }

        boolean historical() {
            return historical;
        }

        List<Tick> ticks() {
            if (ticks == null) {
                ticks = generator.get();
            }
            return ticks;
        }
    }

    /** The days with trades from {@code baseDate} (null = today) back, newest first. */
    List<Day> days(String code, LocalDate baseDate) {
        List<Day> sources = new ArrayList<>();
        LocalDate today = market.session().today();
        if (market.session().tradingDay() && (baseDate == null || !today.isAfter(baseDate))) {
            List<Tick> live = market.todayTicks(code);
            long prev = market.quote(code).previousClose();
            sources.add(new Day(today, prev, false, () -> live));
        }
        ChartHistory history = market.history(code);
        for (DayBar day : history.detailedDaysNewestFirst()) {
            if (baseDate == null || !day.date().isAfter(baseDate)) {
                sources.add(new Day(day.date(), day.previousClose(), true, () -> history.ticks(day.date())));
            }
        }
        return sources;
    }

    private static Iterator<Row> flatten(List<Day> days, Function<Day, List<Row>> rowsOf) {
        return new Iterator<>() {
            private int day;
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && day < days.size()) {
                    current = rowsOf.apply(days.get(day++)).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
