package com.kiwoomhub.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The durable memory of the order flow: a compacted Kafka topic keyed by clientOrderId, shared by
 * every hub instance and read to its end into memory before the first request is judged.
 *
 * <p>Two kinds of records live on it, both in the partition of the clientOrderId:
 * <ul>
 * <li>claims, key {@code claim:<clientOrderId>:<attempt>}: the write-ahead SUBMITTING entry. Each
 * claim has its own key, so compaction never removes one, and the claim with the lowest offset owns
 * the clientOrderId. An instance that finds an earlier claim after writing its own has lost the race
 * and must not call Kiwoom, so two instances can never both send the same request;</li>
 * <li>states, key {@code <clientOrderId>}: the entry as it moves on (UNKNOWN, ACCEPTED, REJECTED);
 * compaction keeps the latest.</li>
 * </ul>
 * Every write is a Kafka transaction ({@code acks=all}, idempotent producer), acknowledged before
 * the method returns; an outcome is written in the same transaction as its order event (and dead
 * letter), so after a crash either both exist or neither. The journal is read {@code read_committed}.
 */
public class OrderJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderJournal.class);
    private static final String CLAIM_PREFIX = "claim:";
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final String topic;
    private final int partitionCount;
    private final String instance;
    private final Duration loadTimeout;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> reader;
    private final List<TopicPartition> partitions = new ArrayList<>();

    /** clientOrderId → the winning claim (lowest offset). */
    private final Map<String, JournalEntry> claims = new ConcurrentHashMap<>();
    /** clientOrderId → the latest state record of the winning attempt. */
    private final Map<String, JournalEntry> states = new ConcurrentHashMap<>();

    /** Nothing is read or written until {@link #load()}: the hub starts (and reports route errors) without Kafka. */
    public OrderJournal(String bootstrapServers, String topic, int partitionCount, String instance, Duration loadTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partitionCount = partitionCount;
        this.instance = instance;
        this.loadTimeout = loadTimeout;
    }

    /**
     * Creates the topic if missing and reads it to its end into memory, once; every other operation
     * that needs the journal calls it first, so no request is judged on a partly read journal.
     */
    public synchronized void load() {
        if (reader != null) {
            return;
        }
        int partitionsOnTopic = ensureTopic(bootstrapServers, topic, partitionCount);
        for (int p = 0; p < partitionsOnTopic; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        try {
            producer = new KafkaProducer<>(producerConfig(bootstrapServers, instance));
            producer.initTransactions();
            reader = new KafkaConsumer<>(readerConfig(bootstrapServers));
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            long started = System.nanoTime();
            catchUp(loadTimeout);
            LOG.info("Order journal {} read to its end: {} orders in {} ms", topic, claims.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            close();
            partitions.clear();
            claims.clear();
            states.clear();
            throw e;
        }
    }

    public String instance() {
        return instance;
    }

    /** The entry of a clientOrderId as far as this instance has read the journal. */
    public Optional<JournalEntry> find(String clientOrderId) {
        JournalEntry claim = claims.get(clientOrderId);
        if (claim == null) {
            return Optional.empty();
        }
        JournalEntry state = states.get(clientOrderId);
        return Optional.of(state != null && state.attempt().equals(claim.attempt()) ? state : claim);
    }

    /** Every order the journal knows, in no particular order. */
    public List<JournalEntry> entries() {
        List<JournalEntry> all = new ArrayList<>();
        for (String id : claims.keySet()) {
            find(id).ifPresent(all::add);
        }
        return all;
    }

    /** The accepted request whose Kiwoom order number this is (a NEW, MODIFY or CANCEL). */
    public Optional<JournalEntry> byBrokerOrderId(String brokerOrderId) {
        return entries().stream().filter(e -> brokerOrderId.equals(e.brokerOrderId())).findFirst();
    }

    /** Reads what other instances wrote since the last read (read_committed, up to the current end). */
    public synchronized void refresh() {
        if (reader == null) {
            load();
            return;
        }
        catchUp(Duration.ofSeconds(30));
    }

    /**
     * Writes the SUBMITTING entry as a claim and reports whether this claim owns the clientOrderId.
     * The claim is acknowledged by the cluster before this returns; the journal is then read up to it,
     * so any earlier claim (by any instance) is seen.
     */
    public synchronized boolean claim(JournalEntry submitting) {
        load();
        String key = CLAIM_PREFIX + submitting.clientOrderId() + ":" + submitting.attempt();
        int partition = partitionOf(submitting.clientOrderId());
        RecordMetadata written = transact(List.of(new ProducerRecord<>(topic, partition, key, write(submitting))));
        readPast(new TopicPartition(topic, partition), written.offset());
        JournalEntry winner = claims.get(submitting.clientOrderId());
        return winner != null && winner.attempt().equals(submitting.attempt());
    }

    /** Writes a new state of an order together with the records that report it (events, dead letters), atomically. */
    public synchronized void record(JournalEntry state, Collection<ProducerRecord<String, String>> alongside) {
        load();
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        batch.add(new ProducerRecord<>(topic, partitionOf(state.clientOrderId()), state.clientOrderId(), write(state)));
        batch.addAll(alongside);
        transact(batch);
        if (!claims.containsKey(state.clientOrderId())) {
            claims.put(state.clientOrderId(), state);
        }
        states.put(state.clientOrderId(), state);
    }

    /** Publishes records that change no journal entry (e.g. the events of a record without a valid clientOrderId). */
    public synchronized void publish(Collection<ProducerRecord<String, String>> records) {
        if (!records.isEmpty()) {
            load();
            transact(new ArrayList<>(records));
        }
    }

    private RecordMetadata transact(List<ProducerRecord<String, String>> records) {
        try {
            producer.beginTransaction();
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<String, String> r : records) {
                sent.add(producer.send(r));
            }
            producer.commitTransaction();
            return sent.get(0).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the order journal", e);
        } catch (ExecutionException | RuntimeException e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abort) {
                e.addSuppressed(abort);
            }
            throw new IllegalStateException("Could not write the order journal " + topic + ": " + e.getMessage(), e);
        }
    }

    private void readPast(TopicPartition partition, long offset) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (reader.position(partition) <= offset) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The order journal " + topic + " did not return its own claim in 30 s");
            }
            apply(reader.poll(POLL));
        }
    }

    private void catchUp(Duration timeout) {
        Map<TopicPartition, Long> end = reader.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read the order journal " + topic + " to its end within " + timeout);
            }
            apply(reader.poll(POLL));
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (reader.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(Iterable<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> r : records) {
            if (r.key() == null || r.value() == null) {
                continue;
            }
            JournalEntry entry;
            try {
                entry = json.readValue(r.value(), JournalEntry.class);
            } catch (JsonProcessingException e) {
                LOG.warn("Order journal {}-{} offset {}: unreadable entry skipped ({})", r.topic(), r.partition(),
                        r.offset(), e.getOriginalMessage());
                continue;
            }
            if (r.key().startsWith(CLAIM_PREFIX)) {
                claims.putIfAbsent(entry.clientOrderId(), entry);
            } else {
                claims.putIfAbsent(entry.clientOrderId(), entry);
                states.put(entry.clientOrderId(), entry);
            }
        }
    }

    /** The partition Kafka's default partitioner gives the key {@code clientOrderId}: claims and states share it. */
    private int partitionOf(String clientOrderId) {
        return Utils.toPositive(Utils.murmur2(clientOrderId.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % partitions.size();
    }

    private String write(JournalEntry entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Journal entry not writable: " + e.getOriginalMessage(), e);
        }
    }

    private static int ensureTopic(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            short replication = (short) Math.min(3, brokers);
            NewTopic wanted = new NewTopic(topic, partitions, replication).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.max(1, replication - 1))));
            try {
                admin.createTopics(List.of(wanted)).all().get(30, TimeUnit.SECONDS);
                LOG.info("Created the compacted order journal topic {} ({} partitions, replication {})", topic,
                        partitions, replication);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                requireCompaction(admin, topic);
            }
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the order journal " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create or describe the order journal topic " + topic + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A journal topic created by someone else (an operator, the embedded broker's up-front topics) must
     * still be compacted, or claims and outcomes would expire: the hub sets it, saying so.
     */
    private static void requireCompaction(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        String policy = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            LOG.warn("The order journal topic {} had cleanup.policy={}; setting it to compact", topic, policy);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                    AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Properties producerConfig(String bootstrapServers, String instance) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // one id per instance: instances never fence each other, the claims keep them apart
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kiwoom-hub-orders-" + instance);
        // a killed instance's open transaction holds back read_committed readers until the broker aborts it
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return p;
    }

    private static Properties readerConfig(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return p;
    }

    /** A fresh random instance id. */
    public static String newInstanceId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public synchronized void close() {
        try {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        } finally {
            if (reader != null) {
                reader.close(Duration.ofSeconds(5));
            }
            producer = null;
            reader = null;
        }
    }
}
