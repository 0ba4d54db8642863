package com.kiwoomhub.feed;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

import com.kiwoomhub.realtime.Channel;

/**
 * One connected feed client: what it subscribed and the frames waiting for it. At most one frame
 * is being written at a time (the next goes when the socket took the previous), so a client that
 * reads slowly only fills its own bounded buffer; when that is full the oldest frame is dropped. A
 * client whose write fails, or whose buffer is full while one write has been pending longer than the
 * allowed wait, has failed: it takes nothing more and is reported once to {@code onFailure}.
 */
final class FeedClient {

    private final String connectionKey;
    private final FeedConnection connection;
    private final int capacity;
    private final long maxWriteWaitNanos;
    private final LongSupplier nanoClock;
    private final Runnable onDrop;
    private final BiConsumer<FeedClient, Throwable> onFailure;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    // Guarded by this.
    private final Deque<String> buffer = new ArrayDeque<>();
    private boolean sending;
    private long sendingSince;
    private boolean closed;

    FeedClient(String connectionKey, FeedConnection connection, int capacity, long maxWriteWaitNanos, LongSupplier nanoClock,
               Runnable onDrop, BiConsumer<FeedClient, Throwable> onFailure) {
        this.connectionKey = connectionKey;
        this.connection = connection;
        this.capacity = capacity;
        this.maxWriteWaitNanos = maxWriteWaitNanos;
        this.nanoClock = nanoClock;
        this.onDrop = onDrop;
        this.onFailure = onFailure;
    }

    String connectionKey() {
        return connectionKey;
    }

    FeedConnection connection() {
        return connection;
    }

    void subscribe(Channel channel, String symbol) {
        subscriptions.add(channel.channelName() + "|" + symbol);
    }

    void unsubscribe(Channel channel, String symbol) {
        subscriptions.remove(channel.channelName() + "|" + symbol);
    }

    boolean wants(Channel channel, String symbol) {
        return subscriptions.contains(channel.channelName() + "|" + symbol);
    }

    /** Distinct symbols subscribed on any channel once these are added. */
    int symbolsWith(Collection<String> more) {
        Set<String> symbols = ConcurrentHashMap.newKeySet();
        subscriptions.forEach(s -> symbols.add(s.substring(s.indexOf('|') + 1)));
        symbols.addAll(more);
        return symbols.size();
    }

    /** The subscribed symbols of a channel, sorted. */
    List<String> symbols(Channel channel) {
        String prefix = channel.channelName() + "|";
        return subscriptions.stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length()))
                .sorted().toList();
    }

    /** Queues a frame; never blocks. */
    void offer(String text) {
        boolean stalled;
        boolean start = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            boolean full = buffer.size() >= capacity;
            stalled = full && sending && nanoClock.getAsLong() - sendingSince > maxWriteWaitNanos;
            if (!stalled) {
                if (full) {
                    buffer.pollFirst();
                    onDrop.run();
                }
                buffer.addLast(text);
                start = !sending;
                sending = true;
            }
        }
        if (stalled) {
            fail(new SlowClientException(maxWriteWaitNanos / 1_000_000));
        } else if (start) {
            drain();
        }
    }

    synchronized int buffered() {
        return buffer.size();
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Takes nothing more; returns false when it was closed already. */
    synchronized boolean close() {
        boolean wasOpen = !closed;
        closed = true;
        buffer.clear();
        return wasOpen;
    }

    /** Writes frames one after another; continues from the write's completion when it is not immediate. */
    private void drain() {
        while (true) {
            String next;
            synchronized (this) {
                next = closed ? null : buffer.pollFirst();
                if (next == null) {
                    sending = false;
                    return;
                }
                sendingSince = nanoClock.getAsLong();
            }
            CompletionStage<Void> written = write(next);
            if (!written.toCompletableFuture().isDone()) {
                written.whenComplete((ok, error) -> {
                    if (error != null) {
                        fail(error);
                    } else {
                        drain();
                    }
                });
                return;
            }
            if (written.toCompletableFuture().isCompletedExceptionally()) {
                written.whenComplete((ok, error) -> fail(error));
                return;
            }
        }
    }

    private CompletionStage<Void> write(String text) {
        try {
            return connection.write(text);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Closes the client and reports the failure, once, outside the lock. */
    private void fail(Throwable error) {
        if (close()) {
            onFailure.accept(this, error);
        }
    }

    /** The client did not take a frame within the allowed wait while its buffer was full. */
    static final class SlowClientException extends RuntimeException {
        SlowClientException(long waitedMs) {
            super("no frame taken for over " + waitedMs + " ms with a full buffer", null, false, false);
        }
    }
}
