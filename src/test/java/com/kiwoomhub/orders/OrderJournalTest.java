package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderRequest;
import com.kiwoomhub.canonical.OrderStatus;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.orders.JournalEntry.JournalPhase;
import com.kiwoomhub.support.TopicReader;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The order journal as two hub instances share it: one claim wins, a restart reads what both wrote, and
 * decided entries past the retention are pruned while requests awaiting their outcome are kept.
 */
@ExtendWith(KafkaTestkitShutdownHooks.class)
class OrderJournalTest {

    private static final String TOPIC = "test.order-journal";

    @RegisterExtension
    static final JournalBroker BROKER = new JournalBroker();

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
            before.record(claim.accepted("0000042", null), List.of());
        }
        try (OrderJournal after = journal("after")) {
            after.load();
            JournalEntry found = after.find(id).orElseThrow();
            assertThat(found.phase()).isEqualTo(JournalPhase.ACCEPTED);
            assertThat(after.byBrokerOrderId("default", found.tradingDate(), "0000042")).map(JournalEntry::clientOrderId)
                    .contains(id);
            assertThat(after.byBrokerOrderId("default", found.tradingDate().plusDays(1), "0000042"))
                    .as("Kiwoom numbers orders per trading day: the next day's 0000042 is another order").isEmpty();
            assertThat(after.byBrokerOrderId("other", found.tradingDate(), "0000042")).isEmpty();
            assertThat(after.claim(submitting(id, "after"))).as("a later claim never wins").isFalse();
            assertThat(after.find(id).orElseThrow().phase()).isEqualTo(JournalPhase.ACCEPTED);
        }
    }

    @Test
    void aJournalTopicCreatedWithoutCompactionIsCompacted() throws Exception {
        String topic = "test.precreated-journal";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            try (OrderJournal journal = new OrderJournal(BROKER.bootstrapServers(), topic, 3, "x", Duration.ofSeconds(30),
                    Clock.systemUTC())) {
                journal.load();
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }

    @Test
    void decidedEntriesPastTheRetentionAreTombstonedWithEveryClaimWhileOpenAndRecentOnesStay() {
        String topic = "test.pruned-journal-" + UUID.randomUUID();
        Instant now = Instant.now();
        Clock tenDaysAgo = Clock.fixed(now.minus(Duration.ofDays(10)), ZoneOffset.UTC);
        String accepted = "old-accepted";
        String rejected = "old-rejected";
        String submitting = "old-submitting";
        String unknown = "old-unknown";
        String recent = "recent-accepted";
        JournalEntry acceptedClaim = submitting(accepted, "old");
        JournalEntry lostClaim = submitting(accepted, "other");
        JournalEntry rejectedClaim = submitting(rejected, "old");
        ExecutionMark oldMark = new ExecutionMark("default", JournalEntry.tradingDate(tenDaysAgo.instant()), accepted, 1, 70_000,
                OrderStatus.FILLED, Set.of());
        ExecutionMark recentMark = new ExecutionMark("default", JournalEntry.tradingDate(now.minus(Duration.ofDays(6))), recent,
                0, 0, OrderStatus.CANCELLED, Set.of("CANCELLED"));
        try (OrderJournal old = journal("old", topic, tenDaysAgo); OrderJournal other = journal("other", topic, tenDaysAgo);
             OrderJournal sixDaysAgo = journal("recent", topic, Clock.fixed(now.minus(Duration.ofDays(6)), ZoneOffset.UTC))) {
            assertThat(old.claim(acceptedClaim)).isTrue();
            assertThat(other.claim(lostClaim)).isFalse();
            old.record(acceptedClaim.accepted("0000071", null), List.of());
            assertThat(old.claim(rejectedClaim)).isTrue();
            old.record(rejectedClaim.rejected("KIWOOM_800033", "no"), List.of());
            assertThat(old.claim(submitting(submitting, "old"))).isTrue();
            JournalEntry unknownClaim = submitting(unknown, "old");
            assertThat(old.claim(unknownClaim)).isTrue();
            old.record(unknownClaim.unknown(null), List.of());
            accept(sixDaysAgo, recent, "0000072");
            old.recordExecutions(List.of(oldMark), List.of());
            sixDaysAgo.recordExecutions(List.of(recentMark), List.of());
        }

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (OrderJournal pruner = journal("pruner", topic, Clock.systemUTC())) {
            pruner.load();
            assertThat(pruner.size()).isEqualTo(5);
            JournalRetention retention = new JournalRetention(pruner, new ExecutionTracker(pruner::entries, Clock.systemUTC()),
                    Duration.ofDays(7), Clock.systemUTC(), meters);

            assertThat(retention.prune()).isEqualTo(2);
            assertThat(pruner.find(accepted)).isEmpty();
            assertThat(pruner.entries().stream().filter(e -> "0000071".equals(e.brokerOrderId())).findFirst()).isEmpty();
            assertThat(pruner.find(rejected)).isEmpty();
            assertThat(meters.counter("kiwoom.orders.journal.pruned").count()).isEqualTo(2.0);
            assertThat(meters.get("kiwoom.orders.journal.entries").gauge().value()).isEqualTo(3.0);
        }

        List<String> tombstoned = List.of(accepted, claimKey(acceptedClaim), claimKey(lostClaim), rejected,
                claimKey(rejectedClaim), "execution:" + oldMark.key());
        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(BROKER.bootstrapServers(), topic,
                Duration.ofSeconds(30), rs -> tombstoned.stream().allMatch(key -> rs.stream().anyMatch(tombstone(key))));
        assertThat(records.stream().filter(r -> r.value() == null).map(ConsumerRecord::key))
                .containsExactlyInAnyOrderElementsOf(tombstoned);

        try (OrderJournal restarted = journal("restarted", topic, Clock.systemUTC())) {
            restarted.load();
            assertThat(restarted.find(accepted)).isEmpty();
            assertThat(restarted.find(rejected)).isEmpty();
            assertThat(restarted.find(submitting).orElseThrow().phase()).isEqualTo(JournalPhase.SUBMITTING);
            assertThat(restarted.find(unknown).orElseThrow().phase()).isEqualTo(JournalPhase.UNKNOWN);
            assertThat(restarted.find(recent).orElseThrow().phase()).isEqualTo(JournalPhase.ACCEPTED);
            assertThat(restarted.size()).isEqualTo(3);
            assertThat(restarted.execution("default", oldMark.tradingDate(), accepted)).as("a mark of a day past the retention")
                    .isEmpty();
            assertThat(restarted.execution("default", recentMark.tradingDate(), recent)).contains(recentMark);
        }
    }

    @Test
    void aSecondInstancePruningTheSameEntryRemovesNothingMoreAndTheIdCanBeUsedAgain() throws Exception {
        String topic = "test.pruned-twice-" + UUID.randomUUID();
        Instant cutoff = Instant.now().minus(Duration.ofDays(7));
        String id = "pruned-twice";
        try (OrderJournal old = journal("old", topic, Clock.fixed(cutoff.minus(Duration.ofDays(1)), ZoneOffset.UTC))) {
            accept(old, id, "0000081");
        }
        try (OrderJournal a = journal("a", topic, Clock.systemUTC()); OrderJournal b = journal("b", topic, Clock.systemUTC())) {
            a.load();
            b.load();
            CompletableFuture<List<JournalEntry>> byA = CompletableFuture.supplyAsync(() -> a.prune(cutoff));
            CompletableFuture<List<JournalEntry>> byB = CompletableFuture.supplyAsync(() -> b.prune(cutoff));
            assertThat(byA.get().size() + byB.get().size()).as("pruned by a and b").isBetween(1, 2);
            assertThat(a.prune(cutoff)).as("pruned again by a").isEmpty();
            assertThat(b.prune(cutoff)).as("pruned again by b").isEmpty();

            accept(a, id, "0000082");
            assertThat(b.prune(cutoff)).isEmpty();
        }
        try (OrderJournal restarted = journal("restarted", topic, Clock.systemUTC())) {
            restarted.load();
            JournalEntry found = restarted.find(id).orElseThrow();
            assertThat(found.phase()).isEqualTo(JournalPhase.ACCEPTED);
            assertThat(found.brokerOrderId()).isEqualTo("0000082");
            assertThat(restarted.byBrokerOrderId("default", found.tradingDate(), "0000081")).isEmpty();
        }
    }

    @Test
    void tombstonesOfAPrunedAttemptArrivingAfterTheIdWasUsedAgainLeaveTheNewOrderAlone() {
        String topic = "test.pruned-late-" + UUID.randomUUID();
        Instant cutoff = Instant.now().minus(Duration.ofDays(7));
        String id = "pruned-late";
        try (OrderJournal old = journal("old", topic, Clock.fixed(cutoff.minus(Duration.ofDays(1)), ZoneOffset.UTC))) {
            accept(old, id, "0000091");
            assertThat(old.prune(cutoff)).extracting(JournalEntry::clientOrderId).containsExactly(id);
        }
        List<ConsumerRecord<String, String>> tombstones = TopicReader.awaitRecords(BROKER.bootstrapServers(), topic,
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(tombstone(id))).stream()
                .filter(r -> r.value() == null).toList();
        JournalEntry reused = submitting(id, "new");
        try (OrderJournal now = journal("new", topic, Clock.systemUTC())) {
            assertThat(now.claim(reused)).isTrue();
        }

        // what an instance pruning on a view from before the reuse writes
        try (KafkaProducer<String, String> stale = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            tombstones.forEach(t -> stale.send(new ProducerRecord<>(topic, t.partition(), t.key(), null, t.headers())));
            stale.flush();
        }

        try (OrderJournal restarted = journal("restarted", topic, Clock.systemUTC())) {
            restarted.load();
            assertThat(restarted.find(id).map(JournalEntry::attempt)).contains(reused.attempt());
            assertThat(restarted.claim(submitting(id, "restarted"))).as("the new order still owns its id").isFalse();
        }
    }

    private OrderJournal journal(String instance) {
        return journal(instance, TOPIC, Clock.systemUTC());
    }

    private OrderJournal journal(String instance, String topic, Clock clock) {
        return new OrderJournal(BROKER.bootstrapServers(), topic, 3, instance, Duration.ofSeconds(30), clock);
    }

    /** A NEW order claimed and accepted by this instance; a pruned clientOrderId is claimed like a new one. */
    private static void accept(OrderJournal journal, String id, String brokerOrderId) {
        JournalEntry claim = submitting(id, journal.instance());
        assertThat(journal.claim(claim)).as("%s claims %s", journal.instance(), id).isTrue();
        journal.record(claim.accepted(brokerOrderId, null), List.of());
    }

    private static String claimKey(JournalEntry claim) {
        return "claim:" + claim.clientOrderId() + ":" + claim.attempt();
    }

    private static Predicate<ConsumerRecord<String, String>> tombstone(String key) {
        return r -> key.equals(r.key()) && r.value() == null;
    }

    private static JournalEntry submitting(String id, String instance) {
        OrderRequest request = new OrderRequest(id, OrderAction.NEW, "default", Side.BUY, "005930", 1L, OrderType.MARKET,
                null, null, OrderDestination.KRX, null, null);
        return JournalEntry.submitting(new OrderTicket(request, "default", "005930", Side.BUY, OrderDestination.KRX, id, null),
                instance, Instant.now(), new RecordSource("kiwoom.order-requests", 0, 1));
    }
}
