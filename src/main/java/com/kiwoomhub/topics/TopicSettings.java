package com.kiwoomhub.topics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic is created: every field may be left out (null), and {@link #over} fills the gaps from
 * a base, so {@code topics.defaults}, a code declaration and {@code topics.overrides.<key>} stack.
 *
 * @param partitions        partitions of a new topic
 * @param replicationFactor replicas of each partition; null = min(3, brokers in the cluster)
 * @param minInsyncReplicas {@code min.insync.replicas}; null = replication factor - 1, at least 1
 * @param retentionMs       {@code retention.ms}; null = the broker's default
 * @param cleanupPolicy     {@code cleanup.policy}: {@code delete} or {@code compact}
 * @param configs           further topic configs, e.g. {@code segment.ms}
 */
public record TopicSettings(Integer partitions, Short replicationFactor, Integer minInsyncReplicas, Long retentionMs,
                            String cleanupPolicy, Map<String, String> configs) {

    public static final TopicSettings NONE = new TopicSettings(null, null, null, null, null, Map.of());

    public TopicSettings {
        configs = configs == null ? Map.of() : Map.copyOf(configs);
    }

    /** These settings where given, {@code base} where not; configs are merged, these winning. */
    public TopicSettings over(TopicSettings base) {
        Map<String, String> merged = new LinkedHashMap<>(base.configs);
        merged.putAll(configs);
        return new TopicSettings(
                partitions != null ? partitions : base.partitions,
                replicationFactor != null ? replicationFactor : base.replicationFactor,
                minInsyncReplicas != null ? minInsyncReplicas : base.minInsyncReplicas,
                retentionMs != null ? retentionMs : base.retentionMs,
                cleanupPolicy != null ? cleanupPolicy : base.cleanupPolicy,
                merged);
    }

    /** The replication factor to create with in a cluster of {@code brokers}. */
    short replicas(int brokers) {
        return replicationFactor != null ? replicationFactor : (short) Math.max(1, Math.min(3, brokers));
    }

    /** The topic configs to create with, for a topic of {@code replicas} replicas. */
    Map<String, String> topicConfigs(short replicas) {
        Map<String, String> all = new LinkedHashMap<>(configs);
        all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                String.valueOf(minInsyncReplicas != null ? minInsyncReplicas : Math.max(1, replicas - 1)));
        if (retentionMs != null) {
            all.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs));
        }
        if (cleanupPolicy != null) {
            all.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
        }
        return all;
    }
}
