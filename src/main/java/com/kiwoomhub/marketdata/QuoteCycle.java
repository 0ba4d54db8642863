package com.kiwoomhub.marketdata;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one quote poll cycle did, for its one summary log line. Shared by reference with the split
 * exchanges of the cycle, hence the atomics.
 */
public final class QuoteCycle {

    private final String tr;
    private final int symbols;
    private final long startedNanos = System.nanoTime();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger quotes = new AtomicInteger();

    QuoteCycle(String tr, int symbols) {
        this.tr = tr;
        this.symbols = symbols;
    }

    void published(int count) {
        calls.incrementAndGet();
        quotes.addAndGet(count);
    }

    @Override
    public String toString() {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        return "quotes: " + quotes.get() + " of " + symbols + " symbols published from " + calls.get()
                + " " + tr + " answers in " + millis + " ms";
    }
}
