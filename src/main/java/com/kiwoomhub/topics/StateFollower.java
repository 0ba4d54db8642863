package com.kiwoomhub.topics;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a {@link StateTopic} on a daemon thread: every record written after a given position is
 * handed over in order, a burst at a time (records that arrive within {@value #LINGER_MS} ms of each
 * other go together, so that what one writer wrote at once is handled at once). Other instances'
 * writes reach this one through it. A failure of the consumer is logged and the topic is followed
 * again from where the last handed-over burst ended.
 */
public final class StateFollower implements AutoCloseable {

    /** What a follower is told: one burst of records, key → value ({@code null} for a tombstone), in order. */
    public interface Changes {
        void changed(List<Map.Entry<String, String>> records);
    }

    private static final Logger LOG = LoggerFactory.getLogger(StateFollower.class);
    private static final long LINGER_MS = 50;
    private static final int MAX_BURST = 10_000;

    private final String topic;
    private final Map<String, Object> readerConfig;
    private final Changes changes;
    private final Admin admin;
    private final Thread thread;
    /** Per partition, the offset up to which records have been handed over. Guarded by itself. */
    private final Map<TopicPartition, Long> handed = new HashMap<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;

    StateFollower(String topic, Map<String, Object> readerConfig, String bootstrapServers, Map<TopicPartition, Long> from,
                  Changes changes) {
        this.topic = topic;
        this.readerConfig = readerConfig;
        this.changes = changes;
        this.handed.putAll(from);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.thread = new Thread(this::follow, "state-follower-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until everything written before this call has been handed over. */
    void awaitCaughtUp(Duration timeout) {
        Map<TopicPartition, Long> end;
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic).partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            end = new HashMap<>();
            for (var e : admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet()) {
                end.put(e.getKey(), e.getValue().offset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the end of " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the end of the state topic " + topic + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (handed) {
            while (end.entrySet().stream().anyMatch(e -> handed.getOrDefault(e.getKey(), 0L) < e.getValue())) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !running) {
                    throw new IllegalStateException("The follower of " + topic + " did not catch up within " + timeout);
                }
                try {
                    handed.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the follower of " + topic, e);
                }
            }
        }
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(readerConfig)) {
                consumer = c;
                List<TopicPartition> all = new ArrayList<>();
                c.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> all.add(new TopicPartition(topic, p.partition())));
                c.assign(all);
                synchronized (handed) {
                    all.forEach(p -> {
                        if (handed.containsKey(p)) {
                            c.seek(p, handed.get(p));
                        } else {
                            c.seekToBeginning(List.of(p));
                        }
                    });
                }
                while (running) {
                    handOver(c, all);
                }
            } catch (WakeupException e) {
                // close()
            } catch (RuntimeException e) {
                LOG.error("Following the state topic {} failed; following it again in 1 s", topic, e);
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    /** One burst: the records of a poll and of the polls right after it. */
    private void handOver(KafkaConsumer<String, String> c, List<TopicPartition> all) {
        List<Map.Entry<String, String>> burst = new ArrayList<>();
        Duration wait = Duration.ofMillis(200);
        int got;
        do {
            got = 0;
            for (ConsumerRecord<String, String> r : c.poll(wait)) {
                got++;
                if (r.key() != null) {
                    burst.add(new AbstractMap.SimpleEntry<>(r.key(), r.value()));
                }
            }
            wait = Duration.ofMillis(LINGER_MS);
        } while (got > 0 && burst.size() < MAX_BURST);
        if (!burst.isEmpty()) {
            changes.changed(burst);
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        all.forEach(p -> positions.put(p, c.position(p)));
        synchronized (handed) {
            handed.putAll(positions);
            handed.notifyAll();
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
        synchronized (handed) {
            handed.notifyAll();
        }
    }
}
