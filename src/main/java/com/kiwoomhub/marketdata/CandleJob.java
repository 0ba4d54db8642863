package com.kiwoomhub.marketdata;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.kiwoomhub.canonical.Candle;
import com.kiwoomhub.canonical.CandleInterval;

/**
 * One configured candle series (a code, with its {@code _NX}/{@code _AL} suffix if any, and an
 * interval) and what has been published of it, so that a re-poll never republishes a closed bar.
 */
public final class CandleJob {

    private final String code;
    private final CandleInterval interval;
    private OffsetDateTime lastFinalStart;
    private Candle lastForming;
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
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Candle bar = newestFirst.get(i);
            if (bar.finalBar()) {
                if (lastFinalStart == null || bar.start().isAfter(lastFinalStart)) {
                    fresh.add(bar);
                    lastFinalStart = bar.start();
                }
            } else if (!bar.equals(lastForming)) {
                fresh.add(bar);
                lastForming = bar;
            }
        }
        backfilled = true;
        return fresh;
    }

    @Override
    public String toString() {
        return code + ":" + interval.code();
    }
}
