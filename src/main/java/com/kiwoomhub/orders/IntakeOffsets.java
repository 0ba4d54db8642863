package com.kiwoomhub.orders;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.topics.TopicAdministration;

/**
 * Where the consumer group of a new account's intake starts, set once, before any of its intakes runs: at the
 * primary intake's committed offsets when there are any (before there were several intakes the primary one handled
 * every account's requests, and the journal forgets them after its retention), otherwise at the first record.
 * Committing a start at once also keeps an instance that sets it up later from starting the group where the
 * primary intake is by then: that intake commits past the records of other accounts without handling them.
 */
final class IntakeOffsets {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeOffsets.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final String topic;
    private final String primaryGroup;

    IntakeOffsets(String bootstrapServers, String topic, String primaryGroup) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.primaryGroup = primaryGroup;
    }

    /** Commits the start of this group unless it has committed offsets already. */
    void start(String group) {
        try (Admin admin = TopicAdministration.client(bootstrapServers, "kiwoom-hub-order-intakes", TIMEOUT)) {
            if (!committed(admin, group).isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> primary = committed(admin, primaryGroup);
            Map<TopicPartition, OffsetAndMetadata> start = primary.isEmpty() ? earliest(admin) : primary;
            admin.alterConsumerGroupOffsets(group, start).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Orders: the new intake group {} starts {} ({} partitions)", group,
                    primary.isEmpty() ? "at the first record" : "where " + primaryGroup + " is", start.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up the intake group " + group, e);
        } catch (ExecutionException | TimeoutException e) {
            // e.g. another instance's intake joined the group first, having set it up
            LOG.warn("Orders: the start of the intake group {} was not set ({}); it reads from its committed offsets, or "
                    + "the first record", group, e.toString());
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> earliest(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> first = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            first.put(new TopicPartition(topic, p), OffsetSpec.earliest());
        }
        return admin.listOffsets(first).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset()),
                        (x, y) -> x, LinkedHashMap::new));
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, offset) -> {
                    if (offset != null) {
                        offsets.put(partition, offset);
                    }
                });
        return offsets;
    }
}
