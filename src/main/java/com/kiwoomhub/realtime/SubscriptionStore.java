package com.kiwoomhub.realtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * the subscription while it holds, a tombstone once it is unsubscribed. Read back at start so that
 * a restart registers them again; keyed by account so that instances sharing the topic each restore
 * their own accounts' items. A mirror of the topic is kept in memory for health.
 */
@Component
public class SubscriptionStore implements AutoCloseable {

    /** One stored subscription: a symbol's channel, carried by an account's session. */
    public record Entry(String account, String symbol, String channel) {

        String key() {
            return account + "/" + symbol + "/" + channel;
        }
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

    /** Remembers that the account's session now carries these symbols for these channels. */
    public synchronized void subscribed(String account, Collection<String> symbols, Collection<String> channels) {
        for (String symbol : symbols) {
            for (String channel : channels) {
                Entry entry = new Entry(account, symbol, channel);
                if (!entry.equals(entries.get(entry.key()))) {
                    topic.write(entry.key(), json(entry));
                    entries.put(entry.key(), entry);
                }
            }
        }
    }

    /** Forgets these symbols' channels on the account (a tombstone for each one stored). */
    public synchronized void unsubscribed(String account, Collection<String> symbols, Collection<String> channels) {
        for (String symbol : symbols) {
            for (String channel : channels) {
                String key = new Entry(account, symbol, channel).key();
                if (entries.containsKey(key)) {
                    topic.write(key, null);
                    entries.remove(key);
                }
            }
        }
    }

    /** The stored subscriptions of one account, in key order. */
    public synchronized List<Entry> of(String account) {
        List<Entry> mine = new ArrayList<>();
        entries.values().stream().filter(e -> e.account().equals(account)).forEach(mine::add);
        return mine;
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
