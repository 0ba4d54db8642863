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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning in tests, as a consumer of the hub would. */
public final class TopicReader {

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record of the topic now, in partition then offset order. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 5000;
            int emptyPolls = 0;
            while (System.currentTimeMillis() < deadline && emptyPolls < 2) {
                var batch = consumer.poll(Duration.ofMillis(300));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                batch.forEach(records::add);
            }
        }
        records.sort(Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /** Waits until the topic holds records matching {@code until}, then returns all of them. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, Duration timeout,
                                                      Predicate<List<ConsumerRecord<String, String>>> until) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(timeout).until(() -> {
            records.clear();
            records.addAll(readAll(topic));
            return until.test(records);
        });
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
