package com.kiwoomhub.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import com.kiwoomhub.realtime.Channel;

/**
 * One connected feed client: what it subscribed and the frames waiting for it. At most one frame
 * is being written at a time (the next goes when the socket took the previous), so a client that
 * reads slowly only fills its own bounded buffer; when that is full the oldest frame is dropped.
 */
final class FeedClient {

    private final String connectionKey;
    private final int capacity;
    private final FeedSender sender;
    private final Runnable onDrop;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    // Guarded by this.
    private final Deque<String> buffer = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    FeedClient(String connectionKey, int capacity, FeedSender sender, Runnable onDrop) {
        this.connectionKey = connectionKey;
        this.capacity = capacity;
        this.sender = sender;
        this.onDrop = onDrop;
    }

    String connectionKey() {
        return connectionKey;
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

    /** The subscribed symbols of a channel, sorted. */
    List<String> symbols(Channel channel) {
        String prefix = channel.channelName() + "|";
        return subscriptions.stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length()))
                .sorted().toList();
    }

    /** Queues a frame; never blocks. */
    void offer(String text) {
        boolean start;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (buffer.size() >= capacity) {
                buffer.pollFirst();
                onDrop.run();
            }
            buffer.addLast(text);
            start = !sending;
            sending = true;
        }
        if (start) {
            drain();
        }
    }

    synchronized int buffered() {
        return buffer.size();
    }

    synchronized void close() {
        closed = true;
        buffer.clear();
    }

    /** Writes frames one after another; continues from the write's completion when it is not immediate. */
    private void drain() {
        while (true) {
            String next;
            synchronized (this) {
                next = buffer.pollFirst();
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            CompletionStage<Void> written = sender.send(connectionKey, next);
            if (!written.toCompletableFuture().isDone()) {
                written.whenComplete((ok, error) -> drain());
                return;
            }
        }
    }
}
