package com.kiwoomhub.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a session's REG/REMOVE messages on the logged-in socket and matches their acks (which carry
 * no id, only trnm and order, docs/kiwoom-protocol.md §9.1). Kiwoom counts REGs per connection when
 * it handles them (§9.5, about 5 per second, then 105110), so spacing at the sender proves nothing
 * once frames bunch on the way: the next message leaves only after the previous one's ack, and at
 * least 1/reg-per-second (plus 10 %) after both its send and that ack, so the server sees them at
 * least that far apart. An ack that does not come within {@value #ACK_WAIT_SECONDS} s stops holding
 * the queue back. A message refused for the rate (105110) is sent again a second later, before
 * anything queued after it and followed again by what was sent after it, so a later REMOVE or REG
 * of the same item still comes last. The outbox belongs to one socket: it is filled with the
 * restoring REGs at each login and emptied when that socket is lost.
 */
final class RegistrationPump {

    /** Where paced messages go: the logged-in socket. */
    interface Link {
        CompletableFuture<Void> send(String text);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationPump.class);
    private static final String RATE_LIMITED = "105110";
    private static final long ACK_WAIT_SECONDS = 5;

    private final String alias;
    private final long intervalNanos;
    private final SessionMeters meters;

    private final Object lock = new Object();
    // Guarded by lock.
    private ScheduledExecutorService timer;
    private Link link;
    private final Deque<String> outbox = new ArrayDeque<>();
    /** Sent on {@link #link} and not acknowledged yet, in sending order. */
    private final List<String> unacknowledged = new ArrayList<>();
    private ScheduledFuture<?> pump;
    private long nextSendNanos = System.nanoTime();
    private long lastSentNanos;

    RegistrationPump(String alias, double regPerSecond, SessionMeters meters) {
        this.alias = alias;
        // 10 % under the configured rate, for the server's clock and ours.
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
            if (pump != null) {
                pump.cancel(false);
            }
            pump = null;
        }
    }

    /** A socket has logged in: {@code restore} goes out first, paced. */
    void open(Link loggedIn, List<String> restore) {
        synchronized (lock) {
            link = loggedIn;
            unacknowledged.clear();
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
            long now = System.nanoTime();
            List<String> answered = from == link ? answered(trnm) : List.of();
            if (!answered.isEmpty()) {
                nextSendNanos = Math.max(nextSendNanos, now + intervalNanos);
            }
            if (!code.isEmpty() && !code.equals("0")) {
                meters.regError(code);
                if (code.equals(RATE_LIMITED) && !answered.isEmpty()) {
                    LOG.warn("Kiwoom realtime '{}': {} refused {} (rate) — resending in 1 s: {}", alias, trnm, code, message);
                    // the refused one first, then again what left after it: the last word on an item stays last
                    for (int i = answered.size() - 1; i >= 0; i--) {
                        outbox.addFirst(answered.get(i));
                    }
                    nextSendNanos = Math.max(nextSendNanos, now + TimeUnit.SECONDS.toNanos(1));
                } else {
                    LOG.error("Kiwoom realtime '{}': {} refused with {}: {}", alias, trnm, code, message);
                }
            }
            schedulePump(nextSendNanos - now);
        }
    }

    /**
     * Holds lock. Takes the oldest unacknowledged message of {@code trnm} off the list.
     *
     * @return it, followed by those sent after it; empty when none was waiting
     */
    private List<String> answered(String trnm) {
        for (int i = 0; i < unacknowledged.size(); i++) {
            if (Frame.trnmOf(unacknowledged.get(i)).equals(trnm)) {
                List<String> answered = new ArrayList<>(unacknowledged.subList(i, unacknowledged.size()));
                unacknowledged.remove(i);
                return answered;
            }
        }
        return List.of();
    }

    /** Holds lock. Runs the pump after {@code delayNanos} at the latest. */
    private void schedulePump(long delayNanos) {
        if (timer == null || pump != null && pump.getDelay(TimeUnit.NANOSECONDS) <= delayNanos) {
            return;
        }
        if (pump != null) {
            pump.cancel(false);
        }
        pump = timer.schedule(this::pump, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Sends the next REG/REMOVE once the pacing and the previous ack allow, remembered until its ack. */
    private void pump() {
        synchronized (lock) {
            pump = null;
            if (link == null || outbox.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            long due = unacknowledged.isEmpty() ? nextSendNanos
                    : Math.max(nextSendNanos, lastSentNanos + TimeUnit.SECONDS.toNanos(ACK_WAIT_SECONDS));
            if (now < due) {
                schedulePump(due - now);
                return;
            }
            if (!unacknowledged.isEmpty()) {
                LOG.warn("Kiwoom realtime '{}': no ack for {} within {} s; sending on", alias,
                        Frame.trnmOf(unacknowledged.get(unacknowledged.size() - 1)), ACK_WAIT_SECONDS);
            }
            String message = outbox.poll();
            unacknowledged.add(message);
            link.send(message);
            lastSentNanos = now;
            nextSendNanos = now + intervalNanos;
            schedulePump(TimeUnit.SECONDS.toNanos(ACK_WAIT_SECONDS));
        }
    }
}
