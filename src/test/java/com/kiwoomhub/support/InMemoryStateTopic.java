package com.kiwoomhub.support;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.kiwoomhub.topics.StateFollower;
import com.kiwoomhub.topics.StateTopic;

/**
 * A state topic held in memory, for unit tests: the latest value per key, and every write in order. A
 * follower is told of each write at once, on the writing thread.
 */
public final class InMemoryStateTopic extends StateTopic {

    private final Map<String, String> latest = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();
    private final List<StateFollower.Changes> followers = new ArrayList<>();

    public InMemoryStateTopic(String name) {
        super("unused:9092", name, 1);
    }

    @Override
    public synchronized Map<String, String> readAll() {
        return new LinkedHashMap<>(latest);
    }

    @Override
    public void write(String key, String value) {
        writeAll(List.of(new AbstractMap.SimpleEntry<>(key, value)));
    }

    @Override
    public void writeAll(List<Map.Entry<String, String>> records) {
        List<StateFollower.Changes> told;
        synchronized (this) {
            for (Map.Entry<String, String> r : records) {
                writes.add(r.getKey() + "=" + r.getValue());
                if (r.getValue() == null) {
                    latest.remove(r.getKey());
                } else {
                    latest.put(r.getKey(), r.getValue());
                }
            }
            told = List.copyOf(followers);
        }
        if (!records.isEmpty()) {
            told.forEach(f -> f.changed(records));
        }
    }

    @Override
    public synchronized void follow(StateFollower.Changes changes) {
        followers.add(changes);
    }

    /** Every write has been told already. */
    @Override
    public void awaitFollowed() {
        // nothing to wait for
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
