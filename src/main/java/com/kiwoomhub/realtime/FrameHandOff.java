package com.kiwoomhub.realtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.canonical.StreamStatus;

/**
 * Hands the frames a session's socket reader received to the {@link SessionListener}s on one
 * consumer thread, through a bounded queue: a slow route never delays the reader (and so a PING
 * echo), and the listeners see the frames in the order they arrived. A full queue drops the frame
 * (counted and logged, and a QUEUE_OVERFLOW gap opened until the queue is half empty again), except a
 * LOGIN ack or a gap transition, which wait for the next free slot.
 *
 * <p>Gap transitions reach the listeners that {@linkplain SessionListener#wantsGaps want them}; those
 * that happen while none is attached (the STARTUP gap, before the routes start) are kept, up to
 * {@value #UNHEARD_GAPS}, and handed to the first one that attaches.
 */
final class FrameHandOff {

    private static final Logger LOG = LoggerFactory.getLogger(FrameHandOff.class);
    private static final int UNHEARD_GAPS = 16;

    private final String alias;
    private final int capacity;
    private final SessionMeters meters;
    private final KiwoomSession session;
    private final BooleanSupplier loggedIn;
    private final BlockingQueue<Delivery> deliveries;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedSinceLog = new AtomicLong();
    /** A LOGIN ack that found the queue full; handed off as soon as the consumer frees a slot. */
    private final AtomicReference<Frame> loginWithoutRoom = new AtomicReference<>();
    /** Gap transitions that found the queue full, in order; handed off before the next frame's successor. */
    private final Queue<Delivery> gapsWithoutRoom = new ConcurrentLinkedQueue<>();
    /** Gap transitions no listener wanted yet. Guarded by this. */
    private final List<StreamStatus> unheard = new ArrayList<>();
    private final AtomicReference<Thread> consumer = new AtomicReference<>();
    private StreamGaps gaps;
    /** Reader thread only: receipt of the last frame queued, the {@code since} of an overflow gap. */
    private Instant lastQueued;
    /** Reader thread only: frames were dropped and the queue has not had room since. */
    private boolean dropping;

    /**
     * @param session  passed to {@link SessionListener#onLoggedIn}
     * @param loggedIn whether the session is logged in now; a LOGIN ack of a login already lost is not handed off
     */
    FrameHandOff(String alias, int capacity, SessionMeters meters, KiwoomSession session, BooleanSupplier loggedIn) {
        this.alias = alias;
        this.capacity = capacity;
        this.meters = meters;
        this.session = session;
        this.loggedIn = loggedIn;
        this.deliveries = new ArrayBlockingQueue<>(capacity);
    }

    /** Where drops and recoveries of the queue are reported. */
    void reportGapsTo(StreamGaps streamGaps) {
        this.gaps = streamGaps;
    }

    synchronized void addListener(SessionListener listener) {
        listeners.add(listener);
        if (listener.wantsGaps()) {
            unheard.forEach(this::queueGap);
            unheard.clear();
        }
    }

    void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /** Starts the consumer thread. */
    void start() {
        Thread t = new Thread(this::consume, "kiwoom-ws-" + alias + "-consumer");
        t.setDaemon(true);
        if (consumer.compareAndSet(null, t)) {
            t.start();
        }
    }

    /** Stops the consumer thread and forgets the frames not yet handed off. */
    void stop() {
        Thread t = consumer.getAndSet(null);
        if (t != null) {
            t.interrupt();
        }
        deliveries.clear();
    }

    /** Queues a frame for the listeners (reader thread); drops it if the queue is full. */
    void offer(Frame frame) {
        if (dropping && deliveries.remainingCapacity() > capacity / 2) {
            // Half empty again: the overflow gap ends before this frame (not at the first free slot, which
            // would open and close a gap per frame under a steady overload).
            dropping = false;
            gaps.queued(frame.receivedAt());
        }
        if (deliveries.offer(new Delivery(frame, false, null))) {
            lastQueued = frame.receivedAt();
        } else {
            dropping = true;
            gaps.dropped(lastQueued);
            meters.dropped();
            if (droppedSinceLog.getAndIncrement() % 1000 == 0) {
                LOG.error("Kiwoom realtime '{}': consumer queue full ({}), dropping frames; the route is too slow",
                        alias, capacity);
            }
        }
    }

    /** Queues a successful LOGIN ack, which also calls {@link SessionListener#onLoggedIn}; never dropped. */
    void offerLogin(Frame ack) {
        if (!deliveries.offer(new Delivery(ack, true, null))) {
            loginWithoutRoom.set(ack);
        }
    }

    /** Queues a gap transition for the listeners that want it, or keeps it until one attaches; never dropped. */
    synchronized void offerGap(StreamStatus transition) {
        if (listeners.stream().anyMatch(SessionListener::wantsGaps)) {
            queueGap(transition);
        } else if (unheard.size() < UNHEARD_GAPS) {
            unheard.add(transition);
        } else {
            LOG.warn("Kiwoom realtime '{}': no listener for gap transitions; {} not kept", alias, transition);
        }
    }

    private void queueGap(StreamStatus transition) {
        Delivery d = new Delivery(null, false, transition);
        if (!gapsWithoutRoom.isEmpty() || !deliveries.offer(d)) {
            gapsWithoutRoom.add(d);
        }
    }

    private void consume() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                handOff(deliveries.take());
                for (Delivery gap; (gap = gapsWithoutRoom.poll()) != null; ) {
                    handOff(gap);
                }
                Frame login = loginWithoutRoom.getAndSet(null);
                if (login != null) {
                    handOff(new Delivery(login, true, null)); // a LOGIN signal is never lost
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOff(Delivery d) {
        if (d.gap() != null) {
            handOffGap(d.gap());
            return;
        }
        if (d.login() && !loggedIn.getAsBoolean()) {
            return; // that login is already lost; the next one brings its own signal
        }
        meters.handedOff(d.frame().receivedNanos());
        for (SessionListener listener : listeners) {
            try {
                if (d.login()) {
                    listener.onLoggedIn(session);
                }
                listener.onFrame(d.frame());
            } catch (RuntimeException e) {
                LOG.error("Kiwoom realtime '{}': listener {} failed", alias, listener, e);
            }
        }
    }

    private void handOffGap(StreamStatus transition) {
        for (SessionListener listener : listeners) {
            try {
                if (listener.wantsGaps()) {
                    listener.onGap(transition);
                }
            } catch (RuntimeException e) {
                LOG.error("Kiwoom realtime '{}': listener {} failed on {}", alias, listener, transition, e);
            }
        }
    }

    /**
     * A frame or a gap transition for the listeners; {@code login} marks the successful LOGIN ack, which
     * also calls onLoggedIn.
     */
    private record Delivery(Frame frame, boolean login, StreamStatus gap) {
    }
}
