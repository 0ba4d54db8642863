package com.kiwoomhub.realtime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * How long a session waits before its next connection attempt: the delay grows by the multiplier
 * with every failed attempt up to the maximum, and each wait is drawn from [delay/2, delay] so that
 * many sessions do not reconnect in step. A connection that stayed logged in for {@link #STABLE_NANOS}
 * counts as healthy, so the next loss starts over from the initial delay.
 */
final class ReconnectBackoff {

    /** A connection logged in for this long counts as healthy: the back-off starts over after it. */
    static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final RealtimeProperties.Reconnect settings;
    private final DoubleSupplier random;
    // Guarded by this.
    private int failures;

    ReconnectBackoff(RealtimeProperties.Reconnect settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random draws from [0, 1); a test passes a fixed value to see the bounds */
    ReconnectBackoff(RealtimeProperties.Reconnect settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * A connection ended.
     *
     * @param loggedInNanos {@link System#nanoTime()} of its LOGIN ack, or 0 if it never logged in
     */
    synchronized void connectionEnded(long loggedInNanos, long nowNanos) {
        if (loggedInNanos != 0 && nowNanos - loggedInNanos >= STABLE_NANOS) {
            failures = 0;
        }
    }

    /** The wait before the next attempt, in milliseconds; counts one more failure. */
    synchronized long nextDelayMillis() {
        double full = Math.min(settings.maxDelay().toMillis(),
                settings.initialDelay().toMillis() * Math.pow(settings.multiplier(), failures));
        failures = Math.min(failures + 1, 64);
        return (long) (full / 2 + random.getAsDouble() * full / 2);
    }
}
