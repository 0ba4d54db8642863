package com.kiwoomhub.sandbox;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generated past of one symbol, deterministic for (seed, code, previous close, today): daily
 * bars for {@code historyDays} weekdays before today ending exactly at the previous close, and for
 * the most recent {@link #DETAILED_DAYS} days every trade (tick), from which their minute and daily
 * bars are built, so tick, minute and day charts agree with each other.
 */
final class ChartHistory {

    /** Days with tick-level detail (minute and tick charts reach this far back). */
    static final int DETAILED_DAYS = 60;
    static final LocalTime OPEN = LocalTime.of(9, 0);
    static final LocalTime CLOSING_AUCTION = LocalTime.of(15, 30);
    /** Continuous session minutes 09:00..15:19; the closing auction trade is at 15:30. */
    static final int CONTINUOUS_MINUTES = 380;

    /** One trade. {@code sequence} orders trades of a day. */
    record Tick(LocalDateTime time, long price, long quantity, int sequence) {
    }

    /** One day of trading. {@code turnover} in KRW. */
    record DayBar(LocalDate date, long open, long high, long low, long close, long volume, long turnover,
                  long previousClose) {
    }

    private final Instrument instrument;
    private final long seed;
    private final List<DayBar> days;
    private final int firstDetailedIndex;

    ChartHistory(Instrument instrument, long seed, long previousClose, LocalDate today, int historyDays) {
        this.instrument = instrument;
        this.seed = seed;
        List<LocalDate> dates = tradingDaysBefore(today, historyDays);
        long[] closes = closesEndingAt(previousClose, dates.size(), random(0));
        List<DayBar> bars = new ArrayList<>(dates.size());
        this.firstDetailedIndex = Math.max(0, dates.size() - DETAILED_DAYS);
        for (int i = 0; i < dates.size(); i++) {
            long prior = i == 0 ? closes[0] : closes[i - 1];
            bars.add(i >= firstDetailedIndex
                    ? fromTicks(dates.get(i), generateTicks(dates.get(i), prior, closes[i]), prior)
                    : summaryBar(dates.get(i), prior, closes[i]));
        }
        this.days = Collections.unmodifiableList(bars);
    }

    /** Daily bars, oldest first; the last one closes at the previous close. */
    List<DayBar> days() {
        return days;
    }

    /** The trades of a detailed day, oldest first; empty for days without detail. */
    List<Tick> ticks(LocalDate date) {
        for (int i = days.size() - 1; i >= firstDetailedIndex; i--) {
            DayBar day = days.get(i);
            if (day.date().equals(date)) {
                return generateTicks(date, day.previousClose(), day.close());
            }
        }
        return List.of();
    }

    /** Detailed dates, newest first. */
    List<DayBar> detailedDaysNewestFirst() {
        List<DayBar> detailed = new ArrayList<>(days.subList(firstDetailedIndex, days.size()));
        Collections.reverse(detailed);
        return detailed;
    }

    static List<LocalDate> tradingDaysBefore(LocalDate today, int count) {
        List<LocalDate> dates = new ArrayList<>(count);
        LocalDate d = today.minusDays(1);
        while (dates.size() < count) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
            d = d.minusDays(1);
        }
        Collections.reverse(dates);
        return dates;
    }

    /** Closes walked backwards from the anchor, so the series ends exactly at it. */
    private static long[] closesEndingAt(long anchor, int n, SplittableRandom random) {
        long[] closes = new long[n];
        closes[n - 1] = anchor;
        for (int i = n - 1; i > 0; i--) {
            double move = Math.max(-0.25, Math.min(0.25, gaussian(random) * 0.018));
            long earlier = PriceGrid.floor(Math.max(100, Math.round(closes[i] / (1 + move))));
            // keep every close within the ±30 % band of the day before it
            while (closes[i] > PriceGrid.upperLimit(earlier)) {
                earlier = PriceGrid.up(earlier);
            }
            while (closes[i] < PriceGrid.lowerLimit(earlier)) {
                earlier = PriceGrid.down(earlier);
            }
            closes[i - 1] = earlier;
        }
        return closes;
    }

    private DayBar summaryBar(LocalDate date, long prior, long close) {
        SplittableRandom random = random(date.toEpochDay());
        long upper = PriceGrid.upperLimit(prior);
        long lower = PriceGrid.lowerLimit(prior);
        long open = clamp(PriceGrid.floor(Math.round(prior * (1 + gaussian(random) * 0.006))), lower, upper);
        long high = clamp(PriceGrid.floor(Math.round(Math.max(open, close) * (1 + Math.abs(gaussian(random)) * 0.008))),
                Math.max(open, close), upper);
        long low = clamp(PriceGrid.ceil(Math.round(Math.min(open, close) * (1 - Math.abs(gaussian(random)) * 0.008))),
                lower, Math.min(open, close));
        long volume = dailyVolume(random);
        long turnover = volume * ((open + high + low + close) / 4);
        return new DayBar(date, open, high, low, close, volume, turnover, prior);
    }

    private long dailyVolume(SplittableRandom random) {
        long perTrade = Math.max(10, instrument.listedShares() / 2_000);
        return 2_700 * (perTrade / 2 + random.nextLong(perTrade / 2 + 1)) + random.nextLong(1_000);
    }

    /**
     * A day of trades bridging from an open near the prior close to the given close: a few trades in
     * each continuous-session minute, one tick per trade, and the closing auction at 15:30.
     */
    List<Tick> generateTicks(LocalDate date, long prior, long close) {
        SplittableRandom random = random(date.toEpochDay() * 31 + 7);
        long upper = PriceGrid.upperLimit(prior);
        long lower = PriceGrid.lowerLimit(prior);
        long open = clamp(PriceGrid.floor(Math.round(prior * (1 + gaussian(random) * 0.006))), lower, upper);
        int[] perMinute = new int[CONTINUOUS_MINUTES];
        int total = 0;
        for (int m = 0; m < CONTINUOUS_MINUTES; m++) {
            perMinute[m] = 3 + random.nextInt(10);
            total += perMinute[m];
        }
        long maxQty = Math.max(10, instrument.listedShares() / 2_000);
        List<Tick> ticks = new ArrayList<>(total + 1);
        long price = open;
        int sequence = 0;
        for (int m = 0; m < CONTINUOUS_MINUTES; m++) {
            LocalDateTime minute = date.atTime(OPEN).plusMinutes(m);
            int[] seconds = random.ints(perMinute[m], 0, 60).sorted().toArray();
            for (int k = 0; k < perMinute[m]; k++) {
                if (sequence > 0) {
                    price = bridgeStep(price, close, total - sequence, lower, upper, random);
                }
                ticks.add(new Tick(minute.plusSeconds(seconds[k]), price, 1 + random.nextLong(maxQty), sequence++));
            }
        }
        ticks.add(new Tick(date.atTime(CLOSING_AUCTION), close, maxQty * 20 + random.nextLong(maxQty * 20), sequence));
        return ticks;
    }

    private static long bridgeStep(long price, long target, int remaining, long lower, long upper, SplittableRandom random) {
        double ticksAway = (target - price) / (double) PriceGrid.tick(price);
        double pullUp = 0.5 + 0.5 * Math.max(-0.9, Math.min(0.9, ticksAway / Math.max(1, remaining) * 4));
        double roll = random.nextDouble();
        if (roll < 0.35) {
            return price;
        }
        long next = random.nextDouble() < pullUp ? PriceGrid.up(price) : PriceGrid.down(price);
        return clamp(next, lower, upper);
    }

    private static DayBar fromTicks(LocalDate date, List<Tick> ticks, long prior) {
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        long volume = 0;
        long turnover = 0;
        for (Tick t : ticks) {
            high = Math.max(high, t.price());
            low = Math.min(low, t.price());
            volume += t.quantity();
            turnover += t.price() * t.quantity();
        }
        return new DayBar(date, ticks.get(0).price(), high, low, ticks.get(ticks.size() - 1).price(), volume, turnover, prior);
    }

    private SplittableRandom random(long salt) {
        return new SplittableRandom(seed * 1_000_003L + instrument.code().hashCode() * 7_919L + salt);
    }

    static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
