package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderRequest;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.CallOptions;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomClient;
import com.kiwoomhub.kiwoom.KiwoomClientProperties;
import com.kiwoomhub.kiwoom.KiwoomHttp;
import com.kiwoomhub.kiwoom.KiwoomProperties;
import com.kiwoomhub.kiwoom.RateLimiter;
import com.kiwoomhub.kiwoom.TokenManager;
import com.kiwoomhub.orders.JournalEntry.JournalPhase;
import com.kiwoomhub.sandbox.MutableClock;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;
import com.kiwoomhub.support.TopicReader;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Kiwoom numbers orders per trading day: the sandbox's 0000001 of one day and of the next are two
 * orders. Reconciliation against the sandbox over HTTP and the journal on a real broker, the date
 * moved by one clock shared by both.
 */
@ExtendWith(KafkaTestkitShutdownHooks.class)
class TradingDayReconciliationTest {

    private static final long PRICE = 60_000;

    @RegisterExtension
    static final JournalBroker BROKER = new JournalBroker();

    @Test
    void anUnknownRequestIsReconciledToTheOrderOfItsOwnTradingDay() throws Exception {
        // Thursday 2026-11-19 10:00 KST
        MutableClock clock = new MutableClock(Instant.parse("2026-11-19T01:00:00Z"));
        String events = "test.order-events-" + UUID.randomUUID();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Sandbox sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "rate-limit", "0")), clock);
             OrderJournal journal = new OrderJournal(BROKER.bootstrapServers(), "test.order-journal-" + UUID.randomUUID(),
                     3, "one", Duration.ofSeconds(30), clock);
             TopicReader eventTopic = new TopicReader(BROKER.bootstrapServers(), events)) {
            sandbox.market().setPreviousClose("005930", 70_000);
            sandbox.market().setPrice("005930", 70_000);
            KiwoomClient kiwoom = client(sandbox, clock, meters);
            ExecutionTracker tracker = new ExecutionTracker(journal::entries, clock);
            Reconciliation reconciliation = new Reconciliation(kiwoom, AccountOwnership.ALL, journal, Duration.ofSeconds(5), Duration.ZERO,
                    tracker, new OrderOutcomes(journal, new OrderEvents(events), meters,
                    new ExecutionLedger(journal, new OrderEvents(events), clock)), new SubmissionLock(), clock);

            JournalEntry yesterday = claim(journal, "day1-order", 10, clock);
            String first = place(kiwoom, yesterday);
            journal.record(yesterday.accepted(first, null), List.of());
            // claimed, then the hub stopped before the call: Kiwoom never saw it, but nobody can ask Kiwoom tomorrow
            claim(journal, "day1-lost", 3, clock);

            clock.advance(Duration.ofDays(1));
            JournalEntry today = claim(journal, "day2-order", 5, clock);
            String second = place(kiwoom, today);
            claim(journal, "day2-none", 7, clock);
            assertThat(second).as("the sandbox numbers the new day from 1 again").isEqualTo(first).isEqualTo("0000001");

            assertThat(reconciliation.recover()).isEqualTo(2);
            assertThat(reconciliation.recover()).isZero();

            JournalEntry found = journal.find("day2-order").orElseThrow();
            assertThat(found.phase()).isEqualTo(JournalPhase.ACCEPTED);
            assertThat(found.brokerOrderId()).isEqualTo("0000001");
            assertThat(found.tradingDate()).isEqualTo(LocalDate.parse("2026-11-20"));
            JournalEntry none = journal.find("day2-none").orElseThrow();
            assertThat(none.phase()).isEqualTo(JournalPhase.REJECTED);
            assertThat(none.errorCode()).isEqualTo(OrderFlowCodes.NOT_PLACED);
            assertThat(journal.find("day1-lost").orElseThrow().phase())
                    .as("a past day's request is never reported not placed").isEqualTo(JournalPhase.UNKNOWN);
            assertThat(journal.find("day1-order").orElseThrow().brokerOrderId()).isEqualTo("0000001");
            assertThat(meters.counter("kiwoom.orders.requests", "outcome", "unreconcilable", "code", "none").count())
                    .isEqualTo(1.0);
            assertThat(tracker.find("default", LocalDate.parse("2026-11-20"), "0000001"))
                    .map(ExecutionTracker.OrderView::symbol).contains("005930");

            eventTopic.awaitRecords(Duration.ofSeconds(30), all -> all.size() >= 5);
            assertThat(types(eventTopic.withKey("day2-order"))).containsExactly("UNKNOWN", "ACCEPTED");
            assertThat(types(eventTopic.withKey("day2-none"))).containsExactly("UNKNOWN", "REJECTED");
            assertThat(types(eventTopic.withKey("day1-lost"))).containsExactly("UNKNOWN");
        }
    }

    private static JournalEntry claim(OrderJournal journal, String id, long quantity, MutableClock clock) {
        OrderRequest request = new OrderRequest(id, OrderAction.NEW, "default", Side.BUY, "005930", quantity,
                OrderType.LIMIT, PRICE, null, OrderDestination.KRX, null, null);
        JournalEntry entry = JournalEntry.submitting(new OrderTicket(request, "default", "005930", Side.BUY,
                OrderDestination.KRX, id, null), journal.instance(), clock.instant(),
                new RecordSource("kiwoom.order-requests", 0, quantity));
        assertThat(journal.claim(entry)).isTrue();
        return entry;
    }

    private static String place(KiwoomClient kiwoom, JournalEntry entry) {
        return kiwoom.call("default", entry.orderTr().apiId(), entry.orderTr().body(), CallOptions.DEFAULT)
                .body().path("ord_no").asText();
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> types = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            types.add(json.readTree(r.value()).path("type").asText());
        }
        return types;
    }

    private static KiwoomClient client(Sandbox sandbox, MutableClock clock, SimpleMeterRegistry meters) {
        KiwoomClientProperties settings = new KiwoomClientProperties(Duration.ofSeconds(2), Duration.ofSeconds(5),
                new KiwoomClientProperties.Retry(1, Duration.ofMillis(50), Duration.ofMillis(400)),
                new KiwoomClientProperties.RateLimit(5, 1, 5, 0, Duration.ofMillis(50), Map.of()),
                new KiwoomClientProperties.Token(Duration.ofMinutes(10), Duration.ofSeconds(60), true));
        KiwoomAccounts accounts = new KiwoomAccounts(new KiwoomProperties(SandboxSettings.DEMO.appKey(),
                SandboxSettings.DEMO.secretKey(), SandboxSettings.DEMO.accountNumber(), false, sandbox.baseUrl(), null,
                "default", List.of(), null, List.of(), new KiwoomProperties.Sandbox(false)));
        KiwoomHttp http = new KiwoomHttp(settings.connectTimeout(), settings.requestTimeout());
        return new KiwoomClient(accounts, new TokenManager(http, settings.token(), clock, meters),
                new RateLimiter(settings.rateLimit(), meters), http, settings.retry(), meters);
    }
}
