package com.kiwoomhub.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Real-time rows waiting for the {@link RealtimeSink}. The market and the matching engine queue rows
 * while they hold their lock; rows are handed to the sink after the lock is released, so a sink that
 * calls back into {@link SandboxMarketView} cannot deadlock, and rows keep the order they were made in.
 */
final class RealtimeOutbox {

    private record Row(String appKey, String type, String item, Map<String, String> values) {
    }

    private final ConcurrentLinkedQueue<Row> rows = new ConcurrentLinkedQueue<>();
    private final Object flushing = new Object();
    private final Supplier<RealtimeSink> sink;

    RealtimeOutbox(Supplier<RealtimeSink> sink) {
        this.sink = sink;
    }

    void market(String type, String item, Map<String, String> values) {
        rows.add(new Row(null, type, item, values));
    }

    void account(String appKey, String type, String item, Map<String, String> values) {
        rows.add(new Row(appKey, type, item, values));
    }

    void flush() {
        synchronized (flushing) {
            RealtimeSink target = sink.get();
            for (Row row = rows.poll(); row != null; row = rows.poll()) {
                if (row.appKey() == null) {
                    target.market(row.type(), row.item(), row.values());
                } else {
                    target.account(row.appKey(), row.type(), row.item(), row.values());
                }
            }
        }
    }
}
