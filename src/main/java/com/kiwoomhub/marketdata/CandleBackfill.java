package com.kiwoomhub.marketdata;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.ChartTr;
import com.kiwoomhub.kiwoom.PageWalk;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A series' first poll reading chart pages back to {@code kiwoom.candles.backfill-from}: stops after
 * the page that reaches the date, logs progress every {@code progress-interval} and keeps it in
 * gauges ({@code kiwoom.candles.backfill.pages}, {@code .bars}, {@code .oldest} in epoch seconds of
 * the oldest day reached, tag {@code series}). Kiwoom's {@code cont-yn: N} or an empty page before the
 * date is the end of its history; a failed page fails the call and the next cycle starts over.
 */
final class CandleBackfill implements PageWalk {

    private static final Logger LOG = LoggerFactory.getLogger(CandleBackfill.class);
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final CandleJob job;
    private final LocalDate from;
    private final Duration every;
    private final int pagesPerSecond;
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong bars = new AtomicLong();
    private final AtomicLong oldestEpoch = new AtomicLong();
    private LocalDate newest;
    private LocalDate oldest;
    private long startedNanos;
    private long loggedNanos;

    CandleBackfill(CandleJob job, LocalDate from, Duration every, int pagesPerSecond, MeterRegistry meters) {
        this.job = job;
        this.from = from;
        this.every = every;
        this.pagesPerSecond = pagesPerSecond;
        String series = job.toString();
        Gauge.builder("kiwoom.candles.backfill.pages", pages, AtomicLong::get)
                .description("Chart pages read by the current or last backfill of a candle series")
                .tag("series", series).register(meters);
        Gauge.builder("kiwoom.candles.backfill.bars", bars, AtomicLong::get)
                .description("Bars read by the current or last backfill of a candle series")
                .tag("series", series).register(meters);
        Gauge.builder("kiwoom.candles.backfill.oldest", oldestEpoch, AtomicLong::get)
                .description("Oldest day a candle series' backfill has reached, epoch seconds (KST midnight)")
                .baseUnit("seconds").tag("series", series).register(meters);
    }

    /** Starts counting a new attempt (the first poll, or its retry after a failed page). */
    synchronized CandleBackfill start() {
        pages.set(0);
        bars.set(0);
        newest = null;
        oldest = null;
        startedNanos = System.nanoTime();
        loggedNanos = startedNanos;
        return this;
    }

    @Override
    public synchronized boolean proceed(Page page) {
        pages.set(page.number());
        ChartTr tr = job.interval().tr();
        for (JsonNode row : page.body().path(tr.listKey())) {
            LocalDate day = day(row, tr);
            if (day != null) {
                bars.incrementAndGet();
                newest = newest == null || day.isAfter(newest) ? day : newest;
                oldest = oldest == null || day.isBefore(oldest) ? day : oldest;
            }
        }
        if (oldest != null) {
            oldestEpoch.set(oldest.atStartOfDay(MarketCalendar.KST).toEpochSecond());
        }
        // a day+ chart has all of the date's bar once it shows; an intraday one only after an older day
        boolean reached = oldest != null && (oldest.isBefore(from) || !tr.intraday() && oldest.equals(from));
        if (reached) {
            LOG.info("candles backfill {}: reached {} (asked from {}) in {} pages, {} bars, {} s", job, oldest, from,
                    pages.get(), bars.get(), elapsedSeconds());
        } else if (!page.more()) {
            LOG.info("candles backfill {}: Kiwoom's history ends at {} (asked from {}); {} pages, {} bars, {} s", job,
                    oldest == null ? "no bars" : oldest, from, pages.get(), bars.get(), elapsedSeconds());
        } else if (System.nanoTime() - loggedNanos >= every.toNanos()) {
            loggedNanos = System.nanoTime();
            LOG.info("candles backfill {}: {} pages, {} bars, oldest {} of {}, ETA {} s at {} pages/s", job, pages.get(),
                    bars.get(), oldest, from, etaSeconds(), pagesPerSecond);
        }
        return !reached;
    }

    /** Pages still to read at the rate limit, from the days one page has covered so far. */
    private long etaSeconds() {
        if (oldest == null || newest == null) {
            return 0;
        }
        double daysPerPage = Math.max(1, ChronoUnit.DAYS.between(oldest, newest) + 1) / (double) pages.get();
        long remainingDays = Math.max(0, ChronoUnit.DAYS.between(from, oldest));
        return (long) Math.ceil(Math.ceil(remainingDays / daysPerPage) / pagesPerSecond);
    }

    private long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }

    /** The day of a chart row; null for the empty row Kiwoom sends past its retained history. */
    private static LocalDate day(JsonNode row, ChartTr tr) {
        String stamp = row.path(tr.intraday() ? "cntr_tm" : "dt").asText("");
        if (stamp.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(stamp.substring(0, 8), YYYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
