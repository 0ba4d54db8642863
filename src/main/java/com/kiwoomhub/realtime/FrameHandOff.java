package com.kiwoomhub.realtime;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the frames a session's socket reader received to the {@link SessionListener}s on one
 * consumer thread, through a bounded queue: a slow route never delays the reader (and so a PING
 * echo), and the listeners see the frames in the order they arrived. A full queue drops the frame
 * (counted and logged), except a LOGIN ack, which waits for the next free slot.
 */
final class FrameHandOff {

    private static final Logger LOG = LoggerFactory.getLogger(FrameHandOff.class);

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
    private final AtomicReference<Thread> consumer = new AtomicReference<>();

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

    void addListener(SessionListener listener) {
        listeners.add(listener);
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
        if (!deliveries.offer(new Delivery(frame, false))) {
            meters.dropped();
            if (droppedSinceLog.getAndIncrement() % 1000 == 0) {
                LOG.error("Kiwoom realtime '{}': consumer queue full ({}), dropping frames; the route is too slow",
                        alias, capacity);
            }
        }
    }

    /** Queues a successful LOGIN ack, which also calls {@link SessionListener#onLoggedIn}; never dropped. */
    void offerLogin(Frame ack) {
        if (!deliveries.offer(new Delivery(ack, true))) {
            loginWithoutRoom.set(ack);
        }
    }

    private void consume() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                handOff(deliveries.take());
                Frame login = loginWithoutRoom.getAndSet(null);
                if (login != null) {
                    handOff(new Delivery(login, true)); // a LOGIN signal is never lost
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOff(Delivery d) {
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

    /** A frame for the listeners; {@code login} marks the successful LOGIN ack, which also calls onLoggedIn. */
    private record Delivery(Frame frame, boolean login) {
    }
}
