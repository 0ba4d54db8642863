package com.kiwoomhub.topics;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compacted Kafka topic that holds the hub's own state as the latest value per key (a null value
 * removes the key): created compacted on first use, read from its beginning to its end at start (then,
 * where other instances write it too, followed: {@link #follow}), and written in acknowledged records
 * ({@code acks=all}, idempotent). Internal to the hub, and safe to share between instances as long as
 * one instance at a time writes a given key.
 */
public class StateTopic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateTopic.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;
    private final int partitions;
    private KafkaProducer<String, String> producer;
    /** Where the last {@link #readAll} stopped: a follower goes on from there. */
    private Map<TopicPartition, Long> readTo = Map.of();
    private StateFollower follower;

    /** Nothing is created, read or written before the first call that needs the topic. */
    public StateTopic(String bootstrapServers, String topic, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partitions = partitions;
    }

    /** How the topic setup creates a state topic ({@code topics.<key>}): compacted, enforced on an existing one. */
    public static TopicDeclaration declaration(String key) {
        return new TopicDeclaration(key, new TopicSettings(null, null, null, null, TopicConfig.CLEANUP_POLICY_COMPACT,
                Map.of()), true);
    }

    public String name() {
        return topic;
    }

    /** The latest value of every key, read to the end the topic had when this was called. */
    public synchronized Map<String, String> readAll() {
        ensureCompacted();
        Map<String, String> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(readerConfig())) {
            List<TopicPartition> all = new ArrayList<>();
            reader.partitionsFor(topic, TIMEOUT).forEach(p -> all.add(new TopicPartition(topic, p.partition())));
            reader.assign(all);
            reader.seekToBeginning(all);
            Map<TopicPartition, Long> end = reader.endOffsets(all, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read the state topic " + topic + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        latest.put(r.key(), r.value());
                    }
                }
            }
            Map<TopicPartition, Long> reached = new LinkedHashMap<>();
            all.forEach(p -> reached.put(p, reader.position(p)));
            readTo = reached;
        }
        return latest;
    }

    /**
     * Hands every record written after the last {@link #readAll} (from the beginning without one) to
     * {@code changes}, in order, a burst at a time (key → value, {@code null} for a tombstone), on
     * a thread of its own until {@link #close}. Calling it again while following changes nothing.
     */
    public synchronized void follow(StateFollower.Changes changes) {
        if (follower == null) {
            follower = new StateFollower(topic, readerConfig(), bootstrapServers, readTo, changes);
        }
    }

    /**
     * Returns once the follower has handed over every record written before this call.
     *
     * @throws IllegalStateException when nothing follows the topic, or it does not catch up within 30 s
     */
    public void awaitFollowed() {
        StateFollower f;
        synchronized (this) {
            f = follower;
        }
        if (f == null) {
            throw new IllegalStateException("Nothing follows the state topic " + topic);
        }
        f.awaitCaughtUp(TIMEOUT);
    }

    /** Writes the values of several keys (in order; {@code null} removes one) and returns once the cluster has them all. */
    public synchronized void writeAll(List<Map.Entry<String, String>> records) {
        if (producer == null) {
            ensureCompacted();
            producer = new KafkaProducer<>(producerConfig());
        }
        List<Future<?>> sent = new ArrayList<>();
        records.forEach(r -> sent.add(producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue()))));
        try {
            for (Future<?> f : sent) {
                f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the state topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write the state topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Writes the value of a key ({@code null}: removes it) and returns once the cluster has it. */
    public void write(String key, String value) {
        writeAll(List.of(new AbstractMap.SimpleEntry<>(key, value)));
    }

    /** Creates the topic compacted, or makes an existing one compacted (a deleted state would be forgotten). */
    private void ensureCompacted() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            short replication = (short) Math.min(3, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replication)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(30, TimeUnit.SECONDS);
                LOG.info("Created the compacted state topic {} ({} partitions, replication {})", topic, partitions, replication);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warn("State topic {} had cleanup.policy={}; setting it to compact", topic, policy);
                admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET))))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the state topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create or describe the state topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> readerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }

    @Override
    public synchronized void close() {
        if (follower != null) {
            follower.close();
            follower = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
