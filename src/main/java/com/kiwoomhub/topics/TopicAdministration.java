package com.kiwoomhub.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a cluster to the topics the hub needs: creates the missing ones with their settings and
 * checks the existing ones, warning once per topic whose partitions or cleanup policy differ from the
 * configuration (the hub changes neither, except an enforced cleanup policy). Works on any cluster,
 * whether it auto-creates topics or not.
 */
public final class TopicAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdministration.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicAdministration(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** An admin client whose every call gives up after {@code timeout}, so an unreachable Kafka never blocks longer. */
    public static Admin client(String bootstrapServers, String clientId, Duration timeout) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
    }

    /**
     * @param create false: only check, and fail when a topic is missing
     * @return the partitions of every topic, by name
     * @throws TopicPermissionException when an ACL forbids creating or describing a topic
     * @throws IllegalStateException when a topic is missing and {@code create} is false
     */
    public Map<String, Integer> ensure(Collection<TopicSpec> specs, boolean create)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = get(admin.listTopics().names());
        List<TopicSpec> missing = specs.stream().filter(s -> !existing.contains(s.name())).toList();
        if (!missing.isEmpty() && !create) {
            throw new IllegalStateException("Topics missing and topics.create=false: " + missing.stream()
                    .map(TopicSpec::name).collect(Collectors.joining(", ")) + ". Create them (see docs/operations.md) "
                    + "or set topics.create=true (HUB_TOPICS_CREATE)");
        }
        Map<String, Integer> partitions = new LinkedHashMap<>();
        List<TopicSpec> present = new ArrayList<>(specs.stream().filter(s -> existing.contains(s.name())).toList());
        present.addAll(createAll(missing, partitions));
        check(present, partitions);
        return partitions;
    }

    /**
     * Creates the topics, noting their partitions (a topic just created may not be described yet); returns those
     * another client created meanwhile, to be checked like existing ones.
     */
    private List<TopicSpec> createAll(List<TopicSpec> missing, Map<String, Integer> partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (missing.isEmpty()) {
            return List.of();
        }
        int brokers = get(admin.describeCluster().nodes()).size();
        Map<String, NewTopic> wanted = new LinkedHashMap<>();
        for (TopicSpec spec : missing) {
            TopicSettings s = spec.settings();
            short replicas = s.replicas(brokers);
            wanted.put(spec.name(), new NewTopic(spec.name(), s.partitions() == null ? 1 : s.partitions(), replicas)
                    .configs(s.topicConfigs(replicas)));
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(wanted.values()).values();
        List<TopicSpec> raced = new ArrayList<>();
        for (TopicSpec spec : missing) {
            try {
                get(results.get(spec.name()));
                NewTopic t = wanted.get(spec.name());
                partitions.put(t.name(), t.numPartitions());
                LOG.info("Created topic {} ({} partitions, replication {}, {})", t.name(), t.numPartitions(),
                        t.replicationFactor(), t.configs());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    raced.add(spec);
                } else if (e.getCause() instanceof TopicAuthorizationException denied) {
                    throw new TopicPermissionException(spec.name(), "CREATE", "Grant it, or create the topic "
                            + "yourself (docs/operations.md lists the settings) and set topics.create=false.", denied);
                } else {
                    throw e;
                }
            }
        }
        return raced;
    }

    private void check(List<TopicSpec> present, Map<String, Integer> partitionsByName)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = describe(present.stream().map(TopicSpec::name).toList());
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(present.stream()
                .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList()).all());
        for (TopicSpec spec : present) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            ConfigEntry policyEntry = configs.get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG);
            String policy = policyEntry == null ? "" : policyEntry.value();
            int partitions = described.get(spec.name()).partitions().size();
            partitionsByName.put(spec.name(), partitions);
            String wantedPolicy = spec.settings().cleanupPolicy();
            List<String> differences = new ArrayList<>();
            Integer wantedPartitions = spec.settings().partitions();
            if (wantedPartitions != null && wantedPartitions != partitions) {
                differences.add(partitions + " partitions (configured " + wantedPartitions + ")");
            }
            boolean policyDiffers = wantedPolicy != null && !Set.of(policy.split(",")).equals(Set.of(wantedPolicy.split(",")));
            if (policyDiffers) {
                differences.add("cleanup.policy=" + policy + " (configured " + wantedPolicy + ")");
            }
            if (policyDiffers && spec.enforced()) {
                admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, wantedPolicy), AlterConfigOp.OpType.SET))))
                        .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.warn("Topic {} has {}; the hub relies on cleanup.policy={} and has set it", spec.name(),
                        String.join(" and ", differences), wantedPolicy);
            } else if (!differences.isEmpty()) {
                LOG.warn("Topic {} has {}; the hub leaves existing topics as they are", spec.name(),
                        String.join(" and ", differences));
            }
        }
    }

    private Map<String, TopicDescription> describe(List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return get(admin.describeTopics(names).allTopicNames());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException denied) {
                String topics = denied.unauthorizedTopics().isEmpty() ? String.join(", ", names)
                        : String.join(", ", denied.unauthorizedTopics());
                throw new TopicPermissionException(topics, "DESCRIBE", "Grant it: the hub reads the topic's partitions.",
                        denied);
            }
            throw e;
        }
    }

    private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
