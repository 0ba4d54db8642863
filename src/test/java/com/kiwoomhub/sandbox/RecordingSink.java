package com.kiwoomhub.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Collects the real-time rows the sandbox pushes, for assertions. */
final class RecordingSink implements RealtimeSink {

    record Row(String appKey, String type, String item, Map<String, String> values) {
    }

    /** A queue, not a copy-on-write list: 300 market steps push about 80,000 rows, and copying on each add took 20-30 s. */
    final Queue<Row> rows = new ConcurrentLinkedQueue<>();

    @Override
    public void market(String type, String item, Map<String, String> values) {
        rows.add(new Row(null, type, item, values));
    }

    @Override
    public void account(String appKey, String type, String item, Map<String, String> values) {
        rows.add(new Row(appKey, type, item, values));
    }

    List<Row> ofType(String type) {
        return rows.stream().filter(r -> r.type().equals(type)).toList();
    }
}
