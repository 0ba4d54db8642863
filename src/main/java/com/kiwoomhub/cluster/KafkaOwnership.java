package com.kiwoomhub.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.kiwoom.KiwoomAccount;

/**
 * Ownership of the configured accounts elected through the Kafka group protocol, the way Kafka
 * Connect elects its leader: every instance joins one consumer group on {@code topics.hub-ownership},
 * which has one partition per account, and the member assigned partition i owns account i
 * (cooperative-sticky assignment, so a joining instance takes accounts without moving the others).
 * No record is ever written; the group is the whole protocol.
 *
 * <p>Fencing: ownership is a lease. It is renewed by each successful offset commit, which the group
 * coordinator accepts only from a current member, and ends locally at the start of the last one
 * plus session timeout minus heartbeat interval ({@link ClusterProperties#lease()}), which is before
 * the coordinator can have given the partition to another member. {@link #owns} checks the clock on
 * every call, so an instance that was paused or cut off stops at once when it runs again; a watchdog
 * tells the listeners within 100 ms of the lapse. A revoked partition is given up (listeners told)
 * before the coordinator hands it on, and a clean stop leaves the group at once.
 */
public final class KafkaOwnership implements ClusterOwnership {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOwnership.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final List<KiwoomAccount> accounts;
    private final String bootstrapServers;
    private final String topic;
    private final ClusterProperties settings;
    private final String instanceId;
    private final long leaseNanos;
    private final OwnershipChanges changes;

    // Guarded by this.
    private final Set<String> assigned = new HashSet<>();
    private long renewedNanos;
    /** Set by an assignment: the poll that ran the join and sync renews the lease as of its start. */
    private boolean pendingRenewal;

    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread election;
    private ScheduledExecutorService watchdog;

    public KafkaOwnership(List<KiwoomAccount> accounts, String bootstrapServers, String topic,
                          ClusterProperties settings, String instanceId) {
        this.accounts = List.copyOf(accounts);
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.settings = settings;
        this.instanceId = instanceId;
        this.leaseNanos = settings.lease().toNanos();
        this.renewedNanos = System.nanoTime() - leaseNanos;
        this.changes = new OwnershipChanges(accounts, "instance '" + instanceId + "'", LOG);
    }

    @Override
    public boolean owns(String alias) {
        synchronized (this) {
            return assigned.contains(alias) && leaseValid(System.nanoTime());
        }
    }

    @Override
    public void addListener(Listener listener) {
        changes.addListener(listener);
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    public List<KiwoomAccount> accounts() {
        return accounts;
    }

    /** One lease covers every account this instance owns: the group membership. */
    @Override
    public synchronized Duration leaseAge(String alias) {
        return owns(alias) ? Duration.ofNanos(System.nanoTime() - renewedNanos) : null;
    }

    @Override
    public int takeovers(String alias) {
        return changes.takeovers(alias);
    }

    /** Joins the group; the accounts come with the first assignment, a few hundred ms later. */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        ensurePartitions();
        running = true;
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hub-ownership-lease"));
        watchdog.scheduleWithFixedDelay(this::settle, 100, 100, TimeUnit.MILLISECONDS);
        election = daemon(this::elect, "hub-ownership");
        election.start();
        LOG.info("Cluster: instance '{}' joins group '{}' on {} for {} account(s); lease {} ms", instanceId,
                settings.groupId(), topic, accounts.size(), settings.lease().toMillis());
    }

    /** Gives up every account (listeners told first), then leaves the group so another instance takes over at once. */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (this) {
            assigned.clear();
        }
        settle();
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            election.join(settings.sessionTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
        LOG.info("Cluster: instance '{}' left group '{}'", instanceId, settings.groupId());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The election thread: a member of the group until stopped; a failed consumer is replaced after a second. */
    private void elect() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerConfig())) {
                consumer = c;
                c.subscribe(List.of(topic), new Rebalance());
                member(c);
            } catch (WakeupException e) {
                // stop(): closing the consumer has left the group
            } catch (RuntimeException e) {
                LOG.error("Cluster: the group membership of instance '{}' failed; joining again in 1 s", instanceId, e);
                pauseAfterFailure();
            } finally {
                consumer = null;
                synchronized (this) {
                    assigned.clear();
                }
                settle();
            }
        }
    }

    private void member(KafkaConsumer<byte[], byte[]> c) {
        long renewEvery = settings.heartbeatInterval().toNanos() / 2;
        long lastRenewal = System.nanoTime();
        while (running) {
            long polled = System.nanoTime();
            c.poll(POLL);
            if (System.nanoTime() - lastRenewal >= renewEvery) {
                lastRenewal = System.nanoTime();
                renew(c);
            }
            markPoll(polled);
        }
    }

    private void pauseAfterFailure() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** An offset commit only a current member can make: it proves the membership and renews the lease. */
    private void renew(KafkaConsumer<byte[], byte[]> c) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition p : c.assignment()) {
            offsets.put(p, new OffsetAndMetadata(0));
        }
        if (offsets.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            c.commitSync(offsets, settings.heartbeatInterval());
            synchronized (this) {
                renewedNanos = Math.max(renewedNanos, started);
            }
            settle();
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.debug("Cluster: lease not renewed ({})", e.toString());
        }
    }

    /** A poll that ran a join or sync has renewed the membership as of its start. */
    private void markPoll(long pollStarted) {
        synchronized (this) {
            if (pendingRenewal) {
                pendingRenewal = false;
                renewedNanos = Math.max(renewedNanos, pollStarted);
            }
        }
        settle();
    }

    /** Tells the listeners what changed: owned = assigned and the lease not lapsed. */
    private void settle() {
        changes.settle(this::owns);
    }

    private boolean leaseValid(long now) {
        return now - renewedNanos < leaseNanos;
    }

    /** One partition per account; a topic made when fewer accounts were configured is grown. */
    private void ensurePartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            if (partitions < accounts.size()) {
                LOG.warn("Cluster: {} has {} partition(s) for {} accounts; adding the missing ones", topic, partitions,
                        accounts.size());
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(accounts.size())))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Kafka may come later (the hub starts without it); the group then waits for the topic.
            LOG.error("Cluster: could not check that {} has one partition per account ({}); no account is owned "
                    + "until it exists (topics.create, or create it by hand)", topic, e.getMessage());
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "hub-ownership-" + instanceId);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.heartbeatInterval().toMillis());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private String alias(TopicPartition p) {
        return p.partition() < accounts.size() ? accounts.get(p.partition()).alias() : null;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Runs inside poll() on the election thread. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            synchronized (KafkaOwnership.this) {
                partitions.stream().map(KafkaOwnership.this::alias).filter(a -> a != null).forEach(assigned::add);
                pendingRenewal = true;
            }
        }

        /** Returns only once the work has stopped: the coordinator hands the partition on after this. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(partitions);
        }

        private void release(Collection<TopicPartition> partitions) {
            synchronized (KafkaOwnership.this) {
                partitions.stream().map(KafkaOwnership.this::alias).forEach(assigned::remove);
            }
            settle();
        }
    }
}
