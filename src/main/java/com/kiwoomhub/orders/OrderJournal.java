package com.kiwoomhub.orders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable memory of the order flow: a compacted Kafka topic keyed by clientOrderId, shared by
 * every hub instance and read to its end into memory before the first request is judged.
 *
 * <p>Two kinds of records live on it, both in the partition of the clientOrderId:
 * <ul>
 * <li>claims, key {@code claim:<clientOrderId>:<attempt>}: the write-ahead SUBMITTING entry. Each
 * claim has its own key, so compaction never removes one before it is pruned, and the claim with the
 * lowest offset owns the clientOrderId. An instance that finds an earlier claim after writing its own has lost the race
 * and must not call Kiwoom, so two instances can never both send the same request;</li>
 * <li>states, key {@code <clientOrderId>}: the entry as it moves on (UNKNOWN, ACCEPTED, REJECTED);
 * compaction keeps the latest;</li>
 * <li>execution marks, key {@code execution:<account>:<tradingDate>:<event key>}: what was published of an
 * order's executions ({@link ExecutionMark}), written in the transaction of the events they count and
 * tombstoned with the journal's retention.</li>
 * </ul>
 * Decided entries unchanged for the retention are {@linkplain #prune pruned}: tombstones for the state
 * key and every claim key, so that compaction removes them and the journal stays bounded.
 * Every write is a Kafka transaction ({@code acks=all}, idempotent producer), acknowledged before
 * the method returns; an outcome is written in the same transaction as its order event (and dead
 * letter), so after a crash either both exist or neither. The journal is read {@code read_committed}.
 */
public class OrderJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderJournal.class);
    private static final String CLAIM_PREFIX = "claim:";
    private static final String EXECUTION_PREFIX = "execution:";
    /** Headers of a tombstone: which entry it removes, since a tombstone has no value to say so. */
    private static final String PRUNED_ID = "kiwoomhub_client_order_id";
    private static final String PRUNED_ATTEMPT = "kiwoomhub_attempt";
    /** Entries per pruning transaction, well inside the transaction timeout even with a large backlog. */
    private static final int PRUNE_BATCH = 500;
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final String topic;
    private final IntSupplier partitionsOnTopic;
    private final String instance;
    private final Duration loadTimeout;
    private final Clock clock;
    private KafkaProducer<byte[], byte[]> producer;
    private KafkaConsumer<String, String> reader;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final JournalView view = new JournalView();
    /** {@link ExecutionMark#key()} → what was published of that order. */
    private final Map<String, ExecutionMark> executions = new ConcurrentHashMap<>();

    /**
     * Nothing is read or written until {@link #load()}: the hub starts (and reports route errors) without Kafka.
     *
     * @param clock the time written on journal records, which pruning measures an entry's age by
     */
    public OrderJournal(String bootstrapServers, String topic, int partitionCount, String instance, Duration loadTimeout,
                        Clock clock) {
        this(bootstrapServers, topic, () -> JournalTopic.ensure(bootstrapServers, topic, partitionCount), instance,
                loadTimeout, clock);
    }

    /**
     * @param partitionsOnTopic the partitions of the journal topic once it exists; throws while it does not
     *                          (in the hub: as the topic setup found them, without waiting for Kafka)
     */
    public OrderJournal(String bootstrapServers, String topic, IntSupplier partitionsOnTopic, String instance,
                        Duration loadTimeout, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partitionsOnTopic = partitionsOnTopic;
        this.instance = instance;
        this.loadTimeout = loadTimeout;
        this.clock = clock;
    }

    /**
     * Creates the topic if missing (or checks it) and reads it to its end into memory, once; every other operation
     * that needs the journal calls it first, so no request is judged on a partly read journal.
     */
    public synchronized void load() {
        if (reader != null) {
            return;
        }
        int partitionCount = partitionsOnTopic.getAsInt();
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        try {
            producer = new KafkaProducer<>(JournalTopic.producerSettings(bootstrapServers, instance));
            producer.initTransactions();
            reader = new KafkaConsumer<>(JournalTopic.readerSettings(bootstrapServers));
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            long started = System.nanoTime();
            catchUp(loadTimeout);
            LOG.info("Order journal {} read to its end: {} orders in {} ms", topic, view.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            close();
            partitions.clear();
            view.clear();
            executions.clear();
            throw e;
        }
    }

    public String instance() {
        return instance;
    }

    /** How many orders this instance holds in memory. */
    public int size() {
        return view.size();
    }

    /** The entry of a clientOrderId as far as this instance has read the journal. */
    public Optional<JournalEntry> find(String clientOrderId) {
        return view.find(clientOrderId);
    }

    /** Every order the journal knows, in no particular order. */
    public List<JournalEntry> entries() {
        return view.entries();
    }

    /** The accepted request (a NEW, MODIFY or CANCEL) Kiwoom gave this order number on that account and trading day. */
    public Optional<JournalEntry> byBrokerOrderId(String account, LocalDate tradingDate, String brokerOrderId) {
        return view.byBrokerOrderId(account, tradingDate, brokerOrderId);
    }

    /** What was published of an order's executions, as far as this instance has read the journal. */
    public Optional<ExecutionMark> execution(String account, LocalDate tradingDate, String orderKey) {
        return Optional.ofNullable(executions.get(ExecutionMark.key(account, tradingDate, orderKey)));
    }

    /** Writes order events and the execution marks that count them, atomically. */
    public synchronized void recordExecutions(Collection<ExecutionMark> marks,
                                              Collection<? extends ProducerRecord<?, ?>> events) {
        load();
        List<ProducerRecord<?, ?>> batch = new ArrayList<>();
        for (ExecutionMark m : marks) {
            String key = EXECUTION_PREFIX + m.key();
            batch.add(new ProducerRecord<>(topic, partitionOf(key), clock.millis(), key, m.toJson()));
        }
        batch.addAll(events);
        transact(batch);
        marks.forEach(m -> executions.put(m.key(), m));
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
        int partition = partitionOf(submitting.clientOrderId());
        RecordMetadata written = transact(List.of(new ProducerRecord<>(topic, partition, clock.millis(),
                claimKey(submitting.clientOrderId(), submitting.attempt()), submitting.toJson())));
        readPast(new TopicPartition(topic, partition), written.offset());
        return view.owns(submitting);
    }

    /** Writes a new state of an order together with the records that report it (events, dead letters), atomically. */
    public synchronized void record(JournalEntry state, Collection<? extends ProducerRecord<?, ?>> alongside) {
        load();
        List<ProducerRecord<?, ?>> batch = new ArrayList<>();
        batch.add(new ProducerRecord<>(topic, partitionOf(state.clientOrderId()), clock.millis(), state.clientOrderId(),
                state.toJson()));
        batch.addAll(alongside);
        RecordMetadata written = transact(batch);
        view.changed(state, Instant.ofEpochMilli(written.timestamp()), written.offset());
    }

    /**
     * Removes the decided entries (ACCEPTED, REJECTED) whose last change is before {@code changedBefore}:
     * tombstones for the state key and every claim key, then forgets them. An entry awaiting its outcome
     * (SUBMITTING, UNKNOWN) is never removed. The journal is read to its end first, so entries another
     * instance pruned are not pruned again; if two instances still prune one entry at once, the second
     * set of tombstones removes nothing more.
     *
     * @return the entries removed
     */
    public synchronized List<JournalEntry> prune(Instant changedBefore) {
        refresh();
        List<JournalEntry> expired = view.decidedBefore(changedBefore);
        for (int from = 0; from < expired.size(); from += PRUNE_BATCH) {
            List<JournalEntry> batch = expired.subList(from, Math.min(expired.size(), from + PRUNE_BATCH));
            List<ProducerRecord<String, String>> tombstones = new ArrayList<>();
            for (JournalEntry e : batch) {
                for (String attempt : view.claimAttempts(e.clientOrderId())) {
                    tombstones.add(tombstone(claimKey(e.clientOrderId(), attempt), e));
                }
                tombstones.add(tombstone(e.clientOrderId(), e));
            }
            transact(tombstones);
            batch.forEach(e -> view.forget(e.clientOrderId(), e.attempt()));
        }
        pruneExecutions(JournalEntry.tradingDate(changedBefore));
        return expired;
    }

    /** Tombstones the execution marks of trading days before {@code before}. */
    private void pruneExecutions(LocalDate before) {
        List<String> old = executions.values().stream().filter(m -> m.tradingDate().isBefore(before))
                .map(ExecutionMark::key).toList();
        for (int from = 0; from < old.size(); from += PRUNE_BATCH) {
            List<String> batch = old.subList(from, Math.min(old.size(), from + PRUNE_BATCH));
            transact(batch.stream().map(k -> new ProducerRecord<String, String>(topic, partitionOf(EXECUTION_PREFIX + k),
                    clock.millis(), EXECUTION_PREFIX + k, null)).toList());
            batch.forEach(executions::remove);
        }
    }

    /**
     * A tombstone names the attempt it removes. Should it land after a new order that reused the
     * clientOrderId (an instance pruning on a view older than that order), readers keep the new claim,
     * so the new order is at worst reconciled again, never sent again.
     */
    private ProducerRecord<String, String> tombstone(String key, JournalEntry pruned) {
        return new ProducerRecord<>(topic, partitionOf(pruned.clientOrderId()), clock.millis(), key, null, List.of(
                new RecordHeader(PRUNED_ID, pruned.clientOrderId().getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(PRUNED_ATTEMPT, pruned.attempt().getBytes(StandardCharsets.UTF_8))));
    }

    /** Publishes records that change no journal entry (e.g. the events of a record without a valid clientOrderId). */
    public synchronized void publish(Collection<? extends ProducerRecord<?, ?>> records) {
        if (!records.isEmpty()) {
            load();
            transact(new ArrayList<>(records));
        }
    }

    private RecordMetadata transact(List<? extends ProducerRecord<?, ?>> records) {
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<?, ?> r : records) {
                sent.add(producer.send(JournalTopic.encoded(r)));
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
            if (r.key() == null) {
                continue;
            }
            if (r.key().startsWith(EXECUTION_PREFIX)) {
                applyExecution(r);
                continue;
            }
            if (r.value() == null) {
                String prunedId = header(r, PRUNED_ID);
                if (prunedId != null) {
                    view.forget(prunedId, header(r, PRUNED_ATTEMPT));
                }
                continue;
            }
            Optional<JournalEntry> entry = JournalEntry.fromJson(r.value());
            if (entry.isEmpty()) {
                LOG.warn("Order journal {}-{} offset {}: unreadable entry skipped", r.topic(), r.partition(), r.offset());
            } else if (r.key().startsWith(CLAIM_PREFIX)) {
                view.claimed(entry.get());
            } else {
                view.changed(entry.get(), Instant.ofEpochMilli(r.timestamp()), r.offset());
            }
        }
    }

    private void applyExecution(ConsumerRecord<String, String> r) {
        String key = r.key().substring(EXECUTION_PREFIX.length());
        if (r.value() == null) {
            executions.remove(key);
            return;
        }
        ExecutionMark.fromJson(r.value()).ifPresentOrElse(m -> executions.put(key, m),
                () -> LOG.warn("Order journal {}-{} offset {}: unreadable execution mark skipped", r.topic(), r.partition(),
                        r.offset()));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The partition Kafka's default partitioner gives the key {@code clientOrderId}: claims and states share it. */
    private int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
                % partitions.size();
    }

    /** The key of a claim: each attempt has its own, so compaction keeps every claim until it is pruned. */
    private static String claimKey(String clientOrderId, String attempt) {
        return CLAIM_PREFIX + clientOrderId + ":" + attempt;
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
