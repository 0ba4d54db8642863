package com.kiwoomhub.orders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.kiwoomhub.topics.TopicAdministration;
import com.kiwoomhub.topics.TopicDeclaration;
import com.kiwoomhub.topics.TopicSettings;
import com.kiwoomhub.topics.TopicSpec;

/**
 * The order journal's Kafka side apart from reading and writing entries: the compacted topic (declared
 * to the hub's topic setup, which creates it or makes it compacted at startup), the settings of the journal's transactional
 * producer and read_committed reader, and the bytes that producer sends.
 */
final class JournalTopic {

    /** How long compaction keeps a tombstone readable: an instance reading behind still sees the removal. */
    private static final Duration TOMBSTONE_RETENTION = Duration.ofDays(1);

    private JournalTopic() {
    }

    /**
     * The journal topic's settings, declared to the hub's topic setup: compacted, so the latest state of every
     * order stays; segments roll daily, so compaction (which leaves the open segment alone) removes pruned
     * entries within a day, and their tombstones a day later. An existing topic without compaction is compacted.
     */
    static final TopicSettings SETTINGS = new TopicSettings(null, null, null, null,
            TopicConfig.CLEANUP_POLICY_COMPACT, Map.of(
                    TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()),
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(TOMBSTONE_RETENTION.toMillis())));

    /** The journal topic as {@code topics.order-journal} is declared to the topic setup. */
    static TopicDeclaration declaration() {
        return new TopicDeclaration("order-journal", SETTINGS, true);
    }

    /**
     * Creates the compacted topic if missing (or makes an existing one compacted); returns its partition count.
     * For a journal used outside the hub, whose topic setup does this for every topic at start.
     */
    static int ensure(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicSpec spec = new TopicSpec(topic,
                    new TopicSettings(partitions, null, null, null, null, Map.of()).over(SETTINGS), true);
            return new TopicAdministration(admin, Duration.ofSeconds(30)).ensure(List.of(spec), true).get(topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the order journal " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create or describe the order journal topic " + topic + ": "
                    + e.getMessage(), e);
        }
    }

    static Properties producerSettings(String bootstrapServers, String instance) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // one id per instance: instances never fence each other, the claims keep them apart
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kiwoom-hub-orders-" + instance);
        // a killed instance's open transaction holds back read_committed readers until the broker aborts it
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
        // bytes: a dead letter is written as it was read; the journal encodes its text records as UTF-8
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    /**
     * A record of a journal transaction as the producer sends it: journal entries and events are text, sent as UTF-8;
     * a dead letter's key and value are the bytes it was read with.
     */
    static ProducerRecord<byte[], byte[]> encoded(ProducerRecord<?, ?> r) {
        return new ProducerRecord<>(r.topic(), r.partition(), r.timestamp(), bytes(r.key()), bytes(r.value()), r.headers());
    }

    private static byte[] bytes(Object keyOrValue) {
        if (keyOrValue == null || keyOrValue instanceof byte[]) {
            return (byte[]) keyOrValue;
        }
        if (keyOrValue instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("A journal transaction carries text or bytes, not " + keyOrValue.getClass());
    }

    static Properties readerSettings(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return p;
    }
}
