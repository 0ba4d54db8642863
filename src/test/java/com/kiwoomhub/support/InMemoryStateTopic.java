package com.kiwoomhub.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.kiwoomhub.topics.StateTopic;

/** A state topic held in memory, for unit tests: the latest value per key, and every write in order. */
public final class InMemoryStateTopic extends StateTopic {

    private final Map<String, String> latest = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();

    public InMemoryStateTopic(String name) {
        super("unused:9092", name, 1);
    }

    @Override
    public synchronized Map<String, String> readAll() {
        return new LinkedHashMap<>(latest);
    }

    @Override
    public synchronized void write(String key, String value) {
        writes.add(key + "=" + value);
        if (value == null) {
            latest.remove(key);
        } else {
            latest.put(key, value);
        }
    }

    /** Every write so far as {@code key=value} ({@code key=null} for a tombstone). */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public void close() {
        // nothing to close
    }
}
