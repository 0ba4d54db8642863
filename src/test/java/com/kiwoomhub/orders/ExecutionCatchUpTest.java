package com.kiwoomhub.orders;

import static com.kiwoomhub.orders.OrderFlowTest.newOrder;
import static com.kiwoomhub.support.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.CallOptions;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomClient;
import com.kiwoomhub.realtime.KiwoomSession;
import com.kiwoomhub.realtime.KiwoomSessions;
import com.kiwoomhub.realtime.SessionState;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The execution catch-up end to end: the sandbox drops the hub's WebSocket session and refuses reconnects while
 * an order fills or is cancelled; after the reconnect ka10075/ka10076 give the events the 00 stream missed,
 * exactly once, whichever source (the stream, a catch-up, a fresh instance) comes next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutionCatchUpTest extends OrderFlowHub {

    private static final String ACCOUNT = "default";

    @Autowired
    Sandbox sandbox;
    @Autowired
    KiwoomSessions sessions;
    @Autowired
    KiwoomClient kiwoom;
    @Autowired
    KiwoomAccounts accounts;
    @Autowired
    ExecutionCatchUp catchUp;
    @Autowired
    MeterRegistry meters;
    @Value("${kafka.embedded-address}")
    String kafka;
    @Value("${topics.order-journal}")
    String journalTopic;

    private OrderFlowFixture flow;

    @BeforeAll
    void start() {
        flow = new OrderFlowFixture(kafka, sandbox);
    }

    @AfterAll
    void stop() throws Exception {
        flow.close();
    }

    @Test
    @Order(1)
    void fillsDuringAnOutageArriveOnceAfterTheReconnectAndLiveFillsContinueFromThem() {
        String symbol = "005380";
        sandbox.market().setLiquidity(symbol, 4);
        long ask = sandbox.market().book(symbol).asks().get(0).price();
        outage();

        flow.send(ACCOUNT, newOrder("cu-fill", "BUY", symbol, 10, "MARKET", null));
        String orderNumber = flow.awaitEvent("cu-fill", "ACCEPTED").get(0).path("brokerOrderId").asText();
        JsonNode caughtUp = awaitFills("cu-fill", 1).get(0);
        assertThat(caughtUp.path("brokerOrderId").asText()).isEqualTo(orderNumber);
        assertThat(caughtUp.path("status").asText()).isEqualTo("PARTIALLY_FILLED");
        assertThat(caughtUp.path("filledQuantity").asLong()).isEqualTo(4);
        assertThat(caughtUp.path("remainingQuantity").asLong()).isEqualTo(6);
        assertThat(caughtUp.path("lastFillQuantity").asLong()).isEqualTo(4);
        assertThat(caughtUp.path("lastFillPrice").asLong()).isEqualTo(ask);
        assertThat(caughtUp.path("averageFillPrice").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(ask));
        assertThat(header(record("cu-fill", "FILL", 0), "ce_source")).isEqualTo("kiwoom-hub/ka10076");

        // the session is back with its 00 registration: the rest fills live
        await().atMost(Duration.ofSeconds(60)).until(this::executionsRegistered);
        sandbox.market().setLiquidity(symbol, 6);
        sandbox.market().step();
        JsonNode live = awaitFills("cu-fill", 2).get(1);
        assertThat(live.path("status").asText()).isEqualTo("FILLED");
        assertThat(live.path("filledQuantity").asLong()).isEqualTo(10);
        assertThat(live.path("remainingQuantity").asLong()).isZero();
        assertThat(live.path("lastFillQuantity").asLong()).isEqualTo(6);
        assertThat(live.path("lastFillPrice").asLong()).isPositive();
        assertThat(live.path("averageFillPrice").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(4 * ask
                + 6 * live.path("lastFillPrice").asLong()).divide(BigDecimal.TEN));
        assertThat(header(record("cu-fill", "FILL", 1), "ce_source")).isEqualTo("kiwoom-hub/ws/00");

        // a catch-up after the 00 row adds nothing
        assertThat(catchUp.catchUp(ACCOUNT)).isZero();
        assertThat(fills("cu-fill")).hasSize(2);
        assertNoEventTwice("cu-fill");
        assertThat(meters.get("kiwoom.orders.catchup.events").tag("type", "FILL").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("kiwoom.orders.catchup.after-login").timer().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void aCancelAtKiwoomDuringAnOutageIsOneCancelled() {
        String symbol = "000270";
        long price = restingBuyPrice(symbol);
        flow.send(ACCOUNT, newOrder("cu-cancel", "BUY", symbol, 7, "LIMIT", price));
        String orderNumber = flow.awaitEvent("cu-cancel", "ACCEPTED").get(0).path("brokerOrderId").asText();
        outage();

        // cancelled outside the hub (HTS): the hub's own request path never sees it
        kiwoom.call(ACCOUNT, "kt10003", Map.of("dmst_stex_tp", "KRX", "orig_ord_no", orderNumber, "stk_cd", symbol,
                "cncl_qty", "0"), CallOptions.DEFAULT);
        List<JsonNode> events = flow.awaitEvent("cu-cancel", "CANCELLED");
        JsonNode cancelled = events.get(events.size() - 1);
        assertThat(cancelled.path("type").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("brokerOrderId").asText()).isEqualTo(orderNumber);
        assertThat(cancelled.path("orderQuantity").asLong()).isEqualTo(7);
        assertThat(cancelled.path("filledQuantity").asLong()).isZero();
        assertThat(cancelled.path("remainingQuantity").asLong()).isZero();

        await().atMost(Duration.ofSeconds(60)).until(() -> session().state() == SessionState.LOGGED_IN);
        assertThat(catchUp.catchUp(ACCOUNT)).isZero();
        assertThat(flow.events("cu-cancel").stream().filter(e -> e.path("type").asText().equals("CANCELLED"))).hasSize(1);
        assertNoEventTwice("cu-cancel");
    }

    /** A restarted hub (or a second instance): fresh memory, the same journal, the same Kiwoom lists. */
    @Test
    @Order(3)
    void aFreshInstanceRepeatsNothing() {
        int before = flow.eventTopic.records().size();
        try (OrderJournal journal = new OrderJournal(kafka, journalTopic, 3, "fresh", Duration.ofSeconds(30),
                Clock.systemUTC())) {
            ExecutionTracker tracker = new ExecutionTracker(() -> {
                journal.load();
                return journal.entries();
            }, Clock.systemUTC());
            OrderEvents events = new OrderEvents(OrderFlowFixture.EVENTS);
            ExecutionCatchUp fresh = new ExecutionCatchUp(kiwoom, accounts, AccountOwnership.ALL, journal, tracker,
                    new ExecutionLedger(journal, events, Clock.systemUTC()), Duration.ofMinutes(1), true,
                    Clock.systemUTC(), new SimpleMeterRegistry());
            assertThat(fresh.catchUp(ACCOUNT)).isZero();
            assertThat(tracker.statusOf(ACCOUNT, JournalEntry.tradingDate(Clock.systemUTC().instant()),
                    flow.events("cu-fill").get(0).path("brokerOrderId").asText()).name()).isEqualTo("FILLED");
        }
        assertThat(flow.eventTopic.records()).hasSize(before);
        assertNoEventTwice("cu-fill");
        assertNoEventTwice("cu-cancel");
    }

    private KiwoomSession session() {
        return sessions.find(ACCOUNT).orElseThrow();
    }

    /** Drops the session and refuses reconnects for a few seconds; returns once the hub's session is down. */
    private void outage() {
        sandbox.realtimeFaults().outage(Duration.ofSeconds(4));
        await().atMost(Duration.ofSeconds(10)).until(() -> session().state() != SessionState.LOGGED_IN);
    }

    /** The sandbox has the hub's session logged in with its 00 registration (type 00, item "" = the account). */
    private boolean executionsRegistered() {
        return session().state() == SessionState.LOGGED_IN && ((SandboxWebSocket) sandbox.realtimeFaults()).sessions().stream()
                .anyMatch(s -> s.appKey() != null && s.groups().values().stream().anyMatch(g -> g.contains("00:")));
    }

    private List<JsonNode> awaitFills(String key, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> fills(key).size() >= count);
        return fills(key);
    }

    private List<JsonNode> fills(String key) {
        return flow.events(key).stream().filter(e -> e.path("type").asText().equals("FILL")).toList();
    }

    private ConsumerRecord<String, String> record(String key, String type, int index) {
        return flow.eventTopic.withKey(key).stream().filter(r -> r.value().contains("\"type\":\"" + type + "\""))
                .toList().get(index);
    }

    private void assertNoEventTwice(String key) {
        List<ConsumerRecord<String, String>> records = flow.eventTopic.withKey(key);
        assertThat(records.stream().map(r -> header(r, "ce_id"))).doesNotHaveDuplicates();
        assertThat(records.stream().map(ConsumerRecord::value)).doesNotHaveDuplicates();
    }

    /** A limit price a few ticks under the best bid: the order rests. */
    private long restingBuyPrice(String symbol) {
        long price = sandbox.market().book(symbol).bids().get(0).price();
        for (int i = 0; i < 5; i++) {
            price -= OrderValidation.tickSize(price - 1);
        }
        return price;
    }
}
