package com.kiwoomhub.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The topic setup against a real broker that, like most managed clusters, creates no topic on first
 * use and enforces ACLs: creation with the configured settings, the check of existing topics, the
 * check-only mode and a refused CREATE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TopicAdministrationTest {

    static {
        org.apache.kafka.common.utils.Exit.setShutdownHookAdder((name, runnable) -> { });
    }

    private static final String DENIED = "t.denied";
    private static final TopicSettings DEFAULTS = new TopicSettings(3, null, null, 3_600_000L, "delete", Map.of());

    private EmbeddedKafkaKraftBroker broker;
    private Admin admin;

    @BeforeAll
    void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false",
                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found", "true"));
        broker.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        // everyone (PLAINTEXT clients and the broker itself are User:ANONYMOUS) may do anything, except create
        // topics cluster-wide and this one topic by name: CREATE on the cluster would allow it whatever the
        // topic's ACLs say, and once the cluster has an ACL, everything else on it must be allowed explicitly
        ResourcePattern cluster = new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
        admin.createAcls(List.of(
                new AclBinding(cluster, new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.ALL,
                        AclPermissionType.ALLOW)),
                new AclBinding(cluster, new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.CREATE,
                        AclPermissionType.DENY)),
                new AclBinding(new ResourcePattern(ResourceType.TOPIC, DENIED, PatternType.LITERAL),
                        new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.CREATE, AclPermissionType.DENY))))
                .all().get();
    }

    @AfterAll
    void stop() {
        admin.close();
        broker.destroy();
    }

    @Test
    void missingTopicsAreCreatedWithTheDefaultsAndADeclaredCompactedJournal() throws Exception {
        TopicsProperties settings = new TopicsProperties(true, DEFAULTS,
                Map.of("quotes", new TopicSettings(null, null, null, 86_400_000L, null, Map.of())),
                Duration.ofSeconds(10), Duration.ofSeconds(1));
        TopicDeclaration journal = new TopicDeclaration("order-journal", new TopicSettings(null, null, null, null,
                "compact", Map.of("segment.ms", "86400000")), true);
        List<TopicSpec> specs = TopicCatalog.specs(Map.of("quotes", "t1.quotes", "order-journal", "t1.order-journal",
                "trades", "t1.trades"), settings, List.of(journal));

        Map<String, Integer> partitions = administration().ensure(specs, true);

        assertThat(partitions).isEqualTo(Map.of("t1.quotes", 3, "t1.order-journal", 3, "t1.trades", 3));
        Config quotes = config("t1.quotes");
        assertThat(quotes.get("retention.ms").value()).as("override").isEqualTo("86400000");
        assertThat(quotes.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(quotes.get("min.insync.replicas").value()).as("one broker, one replica").isEqualTo("1");
        assertThat(config("t1.trades").get("retention.ms").value()).as("default").isEqualTo("3600000");
        Config journalConfig = config("t1.order-journal");
        assertThat(journalConfig.get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(journalConfig.get("segment.ms").value()).isEqualTo("86400000");
        assertThat(journalConfig.get("retention.ms").value()).isEqualTo("3600000");
    }

    @Test
    void anExistingTopicThatDiffersIsWarnedAboutOnceAndLeftAloneUnlessItsPolicyIsEnforced(CapturedOutput output)
            throws Exception {
        admin.createTopics(List.of(new NewTopic("t2.quotes", 1, (short) 1), new NewTopic("t2.order-journal", 1, (short) 1)))
                .all().get();
        awaitKnown("t2.quotes", "t2.order-journal");
        List<TopicSpec> specs = List.of(
                new TopicSpec("t2.quotes", new TopicSettings(3, null, null, null, "compact", Map.of()), false),
                new TopicSpec("t2.order-journal", new TopicSettings(3, null, null, null, "compact", Map.of()), true));

        Map<String, Integer> partitions = administration().ensure(specs, true);

        assertThat(partitions).isEqualTo(Map.of("t2.quotes", 1, "t2.order-journal", 1));
        assertThat(config("t2.quotes").get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config("t2.order-journal").get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(output.getOut().lines().filter(l -> l.contains("WARN") && l.contains("Topic t2.quotes has")).toList())
                .singleElement().asString()
                .contains("1 partitions (configured 3) and cleanup.policy=delete (configured compact)");
        assertThat(output.getOut().lines().filter(l -> l.contains("WARN") && l.contains("Topic t2.order-journal has")).toList())
                .singleElement().asString().contains("has set it");
    }

    @Test
    void checkOnlyFailsNamingTheMissingTopicAndCreatesNothing() throws Exception {
        admin.createTopics(List.of(new NewTopic("t3.present", 3, (short) 1))).all().get();
        awaitKnown("t3.present");
        List<TopicSpec> specs = List.of(new TopicSpec("t3.present", DEFAULTS, false),
                new TopicSpec("t3.missing", DEFAULTS, false));

        assertThatThrownBy(() -> administration().ensure(specs, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Topics missing and topics.create=false: t3.missing. Create them (see docs/operations.md) "
                        + "or set topics.create=true (HUB_TOPICS_CREATE)");
        assertThat(admin.listTopics().names().get()).contains("t3.present").doesNotContain("t3.missing");
    }

    @Test
    void aRefusedCreateNamesTheTopicAndThePermission() throws Exception {
        List<TopicSpec> specs = List.of(new TopicSpec("t4.allowed", DEFAULTS, false), new TopicSpec(DENIED, DEFAULTS, false));

        assertThatThrownBy(() -> administration().ensure(specs, true))
                .isInstanceOf(TopicPermissionException.class)
                .hasMessageStartingWith("Kafka refused CREATE on topic t.denied: the hub's principal needs the CREATE "
                        + "permission on topic t.denied (or on the cluster).");
        assertThat(admin.listTopics().names().get()).contains("t4.allowed").doesNotContain(DENIED);
    }

    @Test
    void anUnreachableKafkaTimesOutWithinTheTimeoutInsteadOfBlocking() {
        try (Admin nowhere = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> new TopicAdministration(nowhere, Duration.ofSeconds(1))
                    .ensure(List.of(new TopicSpec("t5.x", DEFAULTS, false)), true))
                    .isInstanceOfAny(java.util.concurrent.TimeoutException.class, java.util.concurrent.ExecutionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private TopicAdministration administration() {
        return new TopicAdministration(admin, Duration.ofSeconds(10));
    }

    /** A topic just created is known to the controller before the broker's metadata: wait for the broker. */
    private void awaitKnown(String... topics) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> admin.describeTopics(List.of(topics)).allTopicNames().get().size() == topics.length);
    }

    private Config config(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> admin.describeConfigs(Set.of(resource)).all().get().get(resource), c -> c != null);
    }
}
