package com.kiwoomhub.marketdata;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one poll cycle of one account's slice of the watchlist did, for its one summary log line.
 * Shared by reference with the split exchanges of the cycle, hence the atomics.
 */
public final class QuoteCycle {

    private final String tr;
    private final QuoteSlice slice;
    private final int sharedWatchlist;
    private final long startedNanos = System.nanoTime();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger quotes = new AtomicInteger();
    private volatile long tookNanos = -1;

    /** @param sharedWatchlist the whole watchlist's size when it is shared by the accounts, else 0 */
    QuoteCycle(String tr, QuoteSlice slice, int sharedWatchlist) {
        this.tr = tr;
        this.slice = slice;
        this.sharedWatchlist = sharedWatchlist;
    }

    String account() {
        return slice.account();
    }

    void published(int count) {
        calls.incrementAndGet();
        quotes.addAndGet(count);
    }

    /** Stops the clock; returns the cycle's time in nanoseconds. */
    long complete() {
        tookNanos = System.nanoTime() - startedNanos;
        return tookNanos;
    }

    @Override
    public String toString() {
        long millis = (tookNanos < 0 ? System.nanoTime() - startedNanos : tookNanos) / 1_000_000;
        String line = "quotes: " + quotes.get() + " of " + slice.symbols().size() + " symbols published from "
                + calls.get() + " " + tr + " answers in " + millis + " ms";
        return sharedWatchlist == 0 ? line
                : line + " for account '" + slice.account() + "' (its share of the " + sharedWatchlist + "-symbol watchlist)";
    }
}
