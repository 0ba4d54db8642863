package com.kiwoomhub.kiwoom;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Paces requests per (app key, api-id), shared by every route and Java caller.
 *
 * <p>Kiwoom enforces a token bucket per app key and TR ({@code 유량=5}). A sliding window of the
 * last N send times, one second plus a safety margin long, keeps every 1-second window at or under
 * N, so a burst can never be rejected. Waiters queue per app key by priority, then arrival:
 * {@link Priority#ORDER} goes before {@link Priority#QUERY} whenever both wait for the same window
 * (the same TR, or any TR when {@code perAppKey} caps the key as a whole); waiters for other TRs
 * do not block each other.
 */
public final class RateLimiter {

    /** Who goes first when both wait: order entry and order reconciliation before polling. */
    public enum Priority { ORDER, QUERY }

    private final KiwoomClientProperties.RateLimit settings;
    private final long windowNanos;
    private final MeterRegistry meters;
    private final ConcurrentMap<String, KeySchedule> schedules = new ConcurrentHashMap<>();

    public RateLimiter(KiwoomClientProperties.RateLimit settings, MeterRegistry meters) {
        this.settings = settings;
        this.windowNanos = TimeUnit.SECONDS.toNanos(1) + settings.safetyMargin().toNanos();
        this.meters = meters;
    }

    /** Blocks until the account may send {@code apiId} now, and counts that send. */
    public void acquire(KiwoomAccount account, String apiId, Priority priority) throws InterruptedException {
        KeySchedule schedule = schedules.computeIfAbsent(account.appKey(),
                k -> new KeySchedule(settings.perAppKey()));
        long started = System.nanoTime();
        schedule.acquire(apiId, settings.perSecond(account.environment(), apiId), priority);
        Timer.builder("kiwoom.ratelimit.wait").description("Time a Kiwoom request waited for its rate-limit slot")
                .tag("account", account.alias()).tag("apiId", apiId).tag("priority", priority.name().toLowerCase())
                .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** Send times of the last {@code limit} requests; the oldest one frees the next slot. */
    private final class Window {
        private final long[] sent;
        private int oldest;
        private int count;

        Window(int limit) {
            this.sent = new long[limit];
        }

        long freeAt(long now) {
            return count < sent.length ? now : sent[oldest] + windowNanos;
        }

        void record(long now) {
            sent[(oldest + count) % sent.length] = now;
            if (count < sent.length) {
                count++;
            } else {
                oldest = (oldest + 1) % sent.length;
            }
        }
    }

    private record Waiter(String apiId, Priority priority, long seq) {
    }

    private static final Comparator<Waiter> ORDERING =
            Comparator.comparing(Waiter::priority).thenComparingLong(Waiter::seq);

    /** All windows and waiters of one app key, under one lock. */
    private final class KeySchedule {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(ORDERING);
        private final Map<String, Window> windows = new HashMap<>();
        private final Window whole;
        private final AtomicLong seq = new AtomicLong();

        KeySchedule(int perAppKey) {
            this.whole = perAppKey > 0 ? new Window(perAppKey) : null;
        }

        void acquire(String apiId, int limit, Priority priority) throws InterruptedException {
            Waiter me = new Waiter(apiId, priority, seq.incrementAndGet());
            lock.lock();
            try {
                waiting.add(me);
                changed.signalAll();
                while (true) {
                    if (anyoneAhead(me)) {
                        changed.await();
                        continue;
                    }
                    Window own = windows.computeIfAbsent(apiId, k -> new Window(limit));
                    long now = System.nanoTime();
                    long freeAt = Math.max(own.freeAt(now), whole == null ? now : whole.freeAt(now));
                    if (freeAt <= now) {
                        waiting.remove(me);
                        own.record(now);
                        if (whole != null) {
                            whole.record(now);
                        }
                        changed.signalAll();
                        return;
                    }
                    changed.awaitNanos(freeAt - now);
                }
            } catch (InterruptedException e) {
                waiting.remove(me);
                changed.signalAll();
                throw e;
            } finally {
                lock.unlock();
            }
        }

        /** A waiter ranked before me that competes for one of my windows. */
        private boolean anyoneAhead(Waiter me) {
            for (Waiter other : waiting) {
                if (other != me && ORDERING.compare(other, me) < 0 && (whole != null || other.apiId().equals(me.apiId()))) {
                    return true;
                }
            }
            return false;
        }
    }
}
