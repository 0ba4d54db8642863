package com.kiwoomhub.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Helpers the benches share. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** The p-quantile of nanosecond samples sorted ascending, in milliseconds; 0 when there are none. */
    static double percentileMillis(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Polls the condition every 5 ms; fails the run when it does not hold within the given seconds. */
    static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(5);
        }
    }
}
