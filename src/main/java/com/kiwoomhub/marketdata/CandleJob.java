package com.kiwoomhub.marketdata;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.kiwoomhub.canonical.Candle;
import com.kiwoomhub.canonical.CandleInterval;

/**
 * One configured candle series (a code, with its {@code _NX}/{@code _AL} suffix if any, and an
 * interval) and what has been published of it, so that a re-poll never republishes a closed bar.
 * What an answer adds counts as published only once {@link #published()} confirms the send; until
 * then the next poll offers the same bars again.
 */
public final class CandleJob {

    private final String code;
    private final CandleInterval interval;
    private OffsetDateTime lastFinalStart;
    private Candle lastForming;
    private OffsetDateTime pendingFinalStart;
    private Candle pendingForming;
    private boolean backfilled;

    CandleJob(String code, CandleInterval interval) {
        this.code = code;
        this.interval = interval;
    }

    /** Parses {@code 005930:1m} (a code and a contract interval). */
    static CandleJob parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalStateException("kiwoom.candles.jobs entries look like 005930:1m, got '" + spec + "'");
        }
        try {
            return new CandleJob(spec.substring(0, colon).trim(), CandleInterval.ofCode(spec.substring(colon + 1).trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kiwoom.candles.jobs '" + spec + "': " + e.getMessage());
        }
    }

    public String code() {
        return code;
    }

    public CandleInterval interval() {
        return interval;
    }

    /** The chart TR of this series, e.g. {@code ka10080}. */
    public String apiId() {
        return interval.tr().trId();
    }

    boolean backfilled() {
        return backfilled;
    }

    /** Keeps the bars not published yet: closed bars newer than the last closed one, a changed forming bar. */
    synchronized List<Candle> unpublished(List<Candle> newestFirst) {
        List<Candle> fresh = new ArrayList<>();
        pendingFinalStart = lastFinalStart;
        pendingForming = lastForming;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Candle bar = newestFirst.get(i);
            if (bar.finalBar()) {
                if (pendingFinalStart == null || bar.start().isAfter(pendingFinalStart)) {
                    fresh.add(bar);
                    pendingFinalStart = bar.start();
                }
            } else if (!bar.equals(pendingForming)) {
                fresh.add(bar);
                pendingForming = bar;
            }
        }
        return fresh;
    }

    /**
     * The bars of the last {@link #unpublished} answer are on Kafka.
     *
     * @return the start of the newest closed bar published, when this answer moved it on; else null
     */
    synchronized OffsetDateTime published() {
        backfilled = true;
        lastForming = pendingForming;
        if (pendingFinalStart == null || pendingFinalStart.equals(lastFinalStart)) {
            return null;
        }
        lastFinalStart = pendingFinalStart;
        return lastFinalStart;
    }

    /** Continues after the last closed bar an earlier run published. */
    synchronized void resumeAfter(OffsetDateTime lastClosedStart) {
        lastFinalStart = lastClosedStart;
    }

    @Override
    public String toString() {
        return code + ":" + interval.code();
    }
}
