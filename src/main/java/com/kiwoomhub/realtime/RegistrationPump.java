package com.kiwoomhub.realtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a session's REG/REMOVE messages on the logged-in socket, paced under reg-per-second, and
 * matches their acks (which carry no id, only trnm and order) to resend one refused for the rate
 * (105110) a second later. The outbox belongs to one socket: it is filled with the restoring REGs
 * at each login and emptied when that socket is lost.
 */
final class RegistrationPump {

    /** Where paced messages go: the logged-in socket. */
    interface Link {
        CompletableFuture<Void> send(String text);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationPump.class);
    private static final String RATE_LIMITED = "105110";

    private final String alias;
    private final long intervalNanos;
    private final SessionMeters meters;

    private final Object lock = new Object();
    // Guarded by lock.
    private ScheduledExecutorService timer;
    private Link link;
    private final Deque<String> outbox = new ArrayDeque<>();
    private final Deque<String> awaitingReg = new ArrayDeque<>();
    private final Deque<String> awaitingRemove = new ArrayDeque<>();
    private ScheduledFuture<?> pump;
    private long nextRegNanos = System.nanoTime();

    RegistrationPump(String alias, double regPerSecond, SessionMeters meters) {
        this.alias = alias;
        // 10 % under the configured rate, so network jitter cannot squeeze N+1 REGs into one second at the server.
        this.intervalNanos = (long) (1_000_000_000L / regPerSecond * 1.1);
        this.meters = meters;
    }

    /** Paces on {@code timer} from now on. */
    void start(ScheduledExecutorService timer) {
        synchronized (lock) {
            this.timer = timer;
        }
    }

    /** Stops pacing and forgets the socket and its outbox; the timer is shut down by its owner. */
    void stop() {
        synchronized (lock) {
            timer = null;
            link = null;
            outbox.clear();
            pump = null;
        }
    }

    /** A socket has logged in: {@code restore} goes out first, paced. */
    void open(Link loggedIn, List<String> restore) {
        synchronized (lock) {
            link = loggedIn;
            awaitingReg.clear();
            awaitingRemove.clear();
            outbox.clear();
            outbox.addAll(restore);
            schedulePump(0);
        }
    }

    /** The socket is lost: what it had not sent yet is restored on the next login. */
    void close(Link lost) {
        synchronized (lock) {
            if (link == lost) {
                link = null;
                outbox.clear();
            }
        }
    }

    /** Sends the messages after those already waiting; dropped while no socket is logged in (the next login restores). */
    void queue(List<String> messages) {
        if (messages.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (link != null) {
                outbox.addAll(messages);
                schedulePump(0);
            }
        }
    }

    /** A REG/REMOVE ack (reader thread): non-zero codes are logged and metered; 105110 is sent again later. */
    void acknowledged(Link from, String trnm, String code, String message) {
        synchronized (lock) {
            String request = from == link ? (trnm.equals("REG") ? awaitingReg : awaitingRemove).poll() : null;
            if (code.isEmpty() || code.equals("0")) {
                return;
            }
            meters.regError(code);
            if (code.equals(RATE_LIMITED) && request != null) {
                LOG.warn("Kiwoom realtime '{}': {} refused {} (rate) — resending in 1 s: {}", alias, trnm, code, message);
                outbox.addLast(request);
                nextRegNanos = Math.max(nextRegNanos, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
                schedulePump(nextRegNanos - System.nanoTime());
            } else {
                LOG.error("Kiwoom realtime '{}': {} refused with {}: {}", alias, trnm, code, message);
            }
        }
    }

    /** Holds lock. */
    private void schedulePump(long delayNanos) {
        if (pump == null && timer != null) {
            pump = timer.schedule(this::pump, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Sends the next REG/REMOVE when the pacing allows, remembered until its ack. */
    private void pump() {
        synchronized (lock) {
            pump = null;
            if (link == null || outbox.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (now < nextRegNanos) {
                schedulePump(nextRegNanos - now);
                return;
            }
            String message = outbox.poll();
            (Frame.trnmOf(message).equals("REG") ? awaitingReg : awaitingRemove).add(message);
            link.send(message);
            nextRegNanos = now + intervalNanos;
            if (!outbox.isEmpty()) {
                schedulePump(intervalNanos);
            }
        }
    }
}
