package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.kiwoomhub.canonical.Exchange;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.orders.JournalEntry.JournalPhase;

/** The order journal as two hub instances share it: one claim wins, and a restart reads what both wrote. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderJournalTest {

    static {
        org.apache.kafka.common.utils.Exit.setShutdownHookAdder((name, runnable) -> { });
    }

    private static final String TOPIC = "test.order-journal";

    private EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    void stop() {
        broker.destroy();
    }

    @Test
    void twoInstancesClaimingTheSameRequestAtOnceLetExactlyOneSendIt() throws Exception {
        try (OrderJournal a = journal("a"); OrderJournal b = journal("b")) {
            a.load();
            b.load();
            for (int i = 0; i < 20; i++) {
                String id = "race-" + i;
                CompletableFuture<Boolean> byA = CompletableFuture.supplyAsync(() -> a.claim(submitting(id, "a")));
                CompletableFuture<Boolean> byB = CompletableFuture.supplyAsync(() -> b.claim(submitting(id, "b")));
                assertThat(List.of(byA.get(), byB.get())).as(id).containsExactlyInAnyOrder(true, false);
                b.refresh();
                a.refresh();
                assertThat(a.find(id).orElseThrow().attempt()).isEqualTo(b.find(id).orElseThrow().attempt());
            }
        }
    }

    @Test
    void aRestartedInstanceReadsClaimsAndOutcomesBackIncludingTheOrderNumber() {
        String id = "restart-" + UUID.randomUUID();
        try (OrderJournal before = journal("before")) {
            JournalEntry claim = submitting(id, "before");
            assertThat(before.claim(claim)).isTrue();
            before.record(claim.with(JournalPhase.ACCEPTED, "0000042", null, null), List.of());
        }
        try (OrderJournal after = journal("after")) {
            after.load();
            JournalEntry found = after.find(id).orElseThrow();
            assertThat(found.phase()).isEqualTo(JournalPhase.ACCEPTED);
            assertThat(after.byBrokerOrderId("0000042")).map(JournalEntry::clientOrderId).contains(id);
            assertThat(after.claim(submitting(id, "after"))).as("a later claim never wins").isFalse();
            assertThat(after.find(id).orElseThrow().phase()).isEqualTo(JournalPhase.ACCEPTED);
        }
    }

    @Test
    void aJournalTopicCreatedWithoutCompactionIsCompacted() throws Exception {
        String topic = "test.precreated-journal";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            try (OrderJournal journal = new OrderJournal(broker.getBrokersAsString(), topic, 3, "x", Duration.ofSeconds(30))) {
                journal.load();
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }

    private OrderJournal journal(String instance) {
        return new OrderJournal(broker.getBrokersAsString(), TOPIC, 3, instance, Duration.ofSeconds(30));
    }

    private static JournalEntry submitting(String id, String instance) {
        return new JournalEntry(id, JournalPhase.SUBMITTING, UUID.randomUUID().toString(), instance, OrderAction.NEW,
                "default", "005930", Side.BUY, 1L, OrderType.MARKET, null, null, Exchange.KRX, id, null, null, null,
                null, 0, LocalDate.now(), Instant.now(), "kiwoom.order-requests", 0, 1);
    }
}
