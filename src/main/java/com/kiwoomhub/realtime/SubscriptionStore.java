package com.kiwoomhub.realtime;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.topics.StateTopic;
import com.kiwoomhub.topics.TopicNames;

/**
 * The run-time subscriptions (those asked for on {@code kiwoom.subscription-requests}, not the
 * configured watchlist) on their compacted state topic, one record per account × symbol × channel:
 * the subscription while it holds, a tombstone once it is unsubscribed. The account is the placement:
 * the session that carries the item. Read back at start, then followed, so that every instance sharing
 * the topic holds the same placement and the owner of an account registers what was placed on it,
 * whichever instance placed it. A mirror of the topic is kept in memory for health.
 */
@Component
public class SubscriptionStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);

    /** One stored subscription: a symbol's channel, carried by an account's session. */
    public record Entry(String account, String symbol, String channel) {

        String key() {
            return account + "/" + symbol + "/" + channel;
        }
    }

    /** A record of the topic: the entry held, or released (a tombstone). */
    record Change(Entry entry, boolean held) {
    }

    private final StateTopic topic;
    /** key → entry, as far as this instance wrote or read the topic. */
    private final Map<String, Entry> entries = new TreeMap<>();

    /** On {@code topics.subscriptions}; nothing is read or written before the first call that needs it. */
    @Autowired
    public SubscriptionStore(@Value("${kafka.bootstrap-servers}") String bootstrapServers,
                             TopicNames topics,
                             @Value("${kafka.embedded.partitions:3}") int partitions) {
        this(new StateTopic(bootstrapServers, topics.subscriptions(), partitions));
    }

    public SubscriptionStore(StateTopic topic) {
        this.topic = topic;
    }

    public String name() {
        return topic.name();
    }

    /** Reads the topic to its end and returns every stored subscription. */
    public synchronized List<Entry> load() {
        entries.clear();
        topic.readAll().forEach((key, value) -> {
            try {
                entries.put(key, CanonicalJson.mapper().readValue(value, Entry.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable subscription on " + topic.name() + " under key " + key + ": "
                        + e.getOriginalMessage(), e);
            }
        });
        return List.copyOf(entries.values());
    }

    /**
     * From the end of {@link #load} on, hands every change written to the topic (by any instance, this
     * one included) to {@code changes}, a burst at a time.
     */
    public void follow(Consumer<List<Change>> changes) {
        topic.follow(records -> {
            List<Change> burst = new ArrayList<>();
            records.forEach(r -> {
                Change change = change(r.getKey(), r.getValue());
                if (change != null) {
                    burst.add(change);
                }
            });
            changes.accept(burst);
        });
    }

    /** Returns once every change written before this call has been handed to the follower. */
    public void awaitFollowed() {
        topic.awaitFollowed();
    }

    /** Writes the changes (held: the entry; released: a tombstone) and returns once Kafka has them all. */
    public void write(List<Change> changes) {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        synchronized (this) {
            for (Change c : changes) {
                Entry e = c.entry();
                if (c.held() && !e.equals(entries.get(e.key()))) {
                    records.add(new AbstractMap.SimpleEntry<>(e.key(), json(e)));
                } else if (!c.held()) {
                    records.add(new AbstractMap.SimpleEntry<>(e.key(), null));
                }
            }
        }
        topic.writeAll(records);
        synchronized (this) {
            changes.forEach(this::mirror);
        }
    }

    /** The stored subscriptions of one account, in key order. */
    public synchronized List<Entry> of(String account) {
        List<Entry> mine = new ArrayList<>();
        entries.values().stream().filter(e -> e.account().equals(account)).forEach(mine::add);
        return mine;
    }

    private synchronized Change change(String key, String value) {
        String[] parts = key.split("/", -1);
        if (parts.length != 3) {
            LOG.warn("Skipped a record of {} with the key '{}' (not account/symbol/channel)", topic.name(), key);
            return null;
        }
        Change change = new Change(new Entry(parts[0], parts[1], parts[2]), value != null);
        mirror(change);
        return change;
    }

    private void mirror(Change c) {
        if (c.held()) {
            entries.put(c.entry().key(), c.entry());
        } else {
            entries.remove(c.entry().key());
        }
    }

    private static String json(Entry entry) {
        try {
            return CanonicalJson.mapper().writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Subscription not writable: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        topic.close();
    }
}
