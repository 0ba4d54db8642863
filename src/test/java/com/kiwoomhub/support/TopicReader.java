package com.kiwoomhub.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from its beginning as a consumer of the hub would, on a background thread from
 * construction to {@link #close()}, and keeps every record for assertions.
 */
public final class TopicReader implements AutoCloseable {

    private static final Comparator<ConsumerRecord<String, String>> PARTITION_THEN_OFFSET =
            Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private final Thread thread;

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // a group of its own, with no committed offsets: reading starts at the beginning
                ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // subscribed before the hub creates the topic (the crash test's forked hub): find it soon after
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500,
                // the order flow publishes in Kafka transactions: aborted records must stay unseen
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
        thread = new Thread(this::read, "topic-reader-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        try (consumer) {
            while (true) {
                var batch = consumer.poll(Duration.ofSeconds(1));
                synchronized (records) {
                    batch.forEach(records::add);
                }
            }
        } catch (WakeupException closing) {
            // close() ends the poll
        }
    }

    /** Every record read so far, in partition then offset order. */
    public List<ConsumerRecord<String, String>> records() {
        List<ConsumerRecord<String, String>> copy;
        synchronized (records) {
            copy = new ArrayList<>(records);
        }
        copy.sort(PARTITION_THEN_OFFSET);
        return copy;
    }

    /** The records with this key so far, in offset order (one key lives on one partition). */
    public List<ConsumerRecord<String, String>> withKey(String key) {
        return matching(r -> key.equals(r.key()));
    }

    public List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
        return records().stream().filter(filter).toList();
    }

    /** Reads the topic from its beginning until its records satisfy {@code until}, then returns them. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String bootstrapServers, String topic,
            Duration timeout, Predicate<List<ConsumerRecord<String, String>>> until) {
        try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
            return reader.awaitRecords(timeout, until);
        }
    }

    /** Waits until the records read so far satisfy {@code until}, then returns them. */
    public List<ConsumerRecord<String, String>> awaitRecords(Duration timeout,
            Predicate<List<ConsumerRecord<String, String>>> until) {
        return await().atMost(timeout).until(this::records, until);
    }

    /** The last value of a header as text, or null when the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
