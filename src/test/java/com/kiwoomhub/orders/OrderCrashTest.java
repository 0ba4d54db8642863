package com.kiwoomhub.orders;

import static com.kiwoomhub.support.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;

/**
 * Crash safety with real processes: the hub runs as a separate JVM against this test's Kafka broker
 * and sandbox, and is stopped dead (halted at a step boundary, or SIGKILLed) and started again. Every
 * request has its own limit price, so the sandbox's request journal tells how often each one reached
 * Kiwoom.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(KafkaTestkitShutdownHooks.class)
class OrderCrashTest {

    private static final String SYMBOL = "005930";
    private static final long TOP = 99_000;

    private EmbeddedKafkaKraftBroker broker;
    private Sandbox sandbox;
    private OrderFlowFixture flow;
    private Path logs;
    private ForkedHub hub;
    private int starts;
    private int nextPrice;

    @BeforeAll
    void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "5",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "rate-limit", "0")));
        sandbox.market().setPreviousClose(SYMBOL, 100_000);
        sandbox.market().setPrice(SYMBOL, 100_000);
        flow = new OrderFlowFixture(broker.getBrokersAsString(), sandbox);
        logs = Files.createTempDirectory("crash-hub-logs");
    }

    @AfterAll
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        flow.close();
        sandbox.close();
        broker.destroy();
        FileSystemUtils.deleteRecursively(logs);
    }

    @Test
    @Order(1)
    void aCrashAtEveryStepBoundaryNeitherDuplicatesNorLosesTheOrder() throws Exception {
        Map<OrderFlowProbe.Step, Long> prices = new HashMap<>();
        String pending = null;
        for (OrderFlowProbe.Step step : OrderFlowProbe.Step.values()) {
            String id = "step-" + step;
            hub = startHub(step + ":" + id);
            if (pending != null) {
                awaitTerminal(pending);
            }
            long price = price();
            prices.put(step, price);
            flow.send("default", OrderFlowTest.newOrder(id, "BUY", SYMBOL, 1, "LIMIT", price));
            await().atMost(Duration.ofSeconds(60)).until(() -> !hub.alive());
            assertThat(hub.output()).contains("CRASHING at " + step + " of " + id);
            pending = id;
        }
        hub = startHub(null);
        awaitTerminal(pending);

        List<JsonNode> beforeCall = flow.events("step-SUBMITTING_JOURNALED");
        assertThat(callsAt(prices.get(OrderFlowProbe.Step.SUBMITTING_JOURNALED))).isZero();
        assertThat(beforeCall).extracting(e -> e.path("type").asText()).containsExactly("UNKNOWN", "REJECTED");
        assertThat(beforeCall.get(1).path("errorCode").asText()).isEqualTo("HUB_NOT_PLACED");

        List<JsonNode> afterCall = flow.events("step-CALL_ANSWERED");
        assertThat(callsAt(prices.get(OrderFlowProbe.Step.CALL_ANSWERED))).isEqualTo(1);
        assertThat(afterCall).extracting(e -> e.path("type").asText()).containsExactly("UNKNOWN", "ACCEPTED");
        assertThat(afterCall.get(1).path("brokerOrderId").asText()).matches("\\d{7}");
        assertThat(afterCall.get(1).path("reason").asText()).startsWith("Reconciled: Kiwoom has order");

        List<JsonNode> afterOutcome = flow.events("step-OUTCOME_JOURNALED");
        assertThat(callsAt(prices.get(OrderFlowProbe.Step.OUTCOME_JOURNALED))).isEqualTo(1);
        assertThat(afterOutcome).extracting(e -> e.path("type").asText()).containsExactly("ACCEPTED");
    }

    @Test
    @Order(2)
    void twoHundredRequestsSurviveRepeatedSigkillsWithoutDuplicatesOrLosses() throws Exception {
        if (hub == null || !hub.alive()) {
            hub = startHub(null);
        }
        int total = 200;
        Map<String, Long> priceOf = new HashMap<>();
        for (int i = 0; i < total; i++) {
            String id = "kill-" + i;
            long price = price();
            priceOf.put(id, price);
            flow.send("default", OrderFlowTest.newOrder(id, "BUY", SYMBOL, 1, "LIMIT", price));
        }
        int kills = 0;
        for (int round = 0; round < 4; round++) {
            int before = decided(priceOf.keySet());
            await().atMost(Duration.ofSeconds(60)).until(() -> decided(priceOf.keySet()) >= Math.min(total, before + 25));
            if (decided(priceOf.keySet()) >= total) {
                break;
            }
            hub.kill();
            kills++;
            hub = startHub(null);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> decided(priceOf.keySet()) == total);

        int accepted = 0;
        int notPlaced = 0;
        int unknown = 0;
        int duplicates = 0;
        int lost = 0;
        for (Map.Entry<String, Long> request : priceOf.entrySet()) {
            List<String> types = flow.events(request.getKey()).stream().map(e -> e.path("type").asText()).toList();
            List<String> terminal = types.stream().filter(t -> t.equals("ACCEPTED") || t.equals("REJECTED")).toList();
            assertThat(terminal).as(request.getKey() + " " + types).hasSize(1);
            long calls = callsAt(request.getValue());
            duplicates += calls > 1 ? 1 : 0;
            if (types.contains("UNKNOWN")) {
                unknown++;
                assertThat(types.indexOf("UNKNOWN")).isLessThan(types.indexOf(terminal.get(0)));
            }
            if (terminal.get(0).equals("ACCEPTED")) {
                accepted++;
                lost += calls == 1 ? 0 : 1;
            } else {
                notPlaced++;
                lost += calls == 0 ? 0 : 1;
            }
        }
        System.out.printf("crash test: %d requests, %d SIGKILLs, %d accepted, %d not placed (crashed before the call), "
                        + "%d resolved from UNKNOWN by reconciliation, %d duplicated at Kiwoom, %d lost%n",
                total, kills, accepted, notPlaced, unknown, duplicates, lost);
        assertThat(kills).isGreaterThanOrEqualTo(3);
        assertThat(duplicates).isZero();
        assertThat(lost).isZero();
        assertThat(sandbox.requests().withApiId("kt10000").stream()
                .collect(Collectors.groupingBy(r -> r.fields().get("ord_uv"), Collectors.counting())))
                .allSatisfy((price, count) -> assertThat(count).as("calls at " + price).isEqualTo(1));
    }

    /**
     * Fills made while the hub is SIGKILLed come from the start-up catch-up, once; a further SIGKILL and start
     * repeat nothing, the execution marks being written with the events.
     */
    @Test
    @Order(3)
    void fillsWhileTheHubIsDeadArriveOnceAfterItsStartAndNeverAgain() throws Exception {
        String symbol = "005380";
        if (hub == null || !hub.alive()) {
            hub = startHub(null);
        }
        sandbox.market().setLiquidity(symbol, 4);
        flow.send("default", OrderFlowTest.newOrder("crash-fill", "BUY", symbol, 10, "MARKET", null));
        await().atMost(Duration.ofSeconds(90)).until(() -> fills("crash-fill").size() == 1);
        assertThat(fills("crash-fill").get(0).path("filledQuantity").asLong()).isEqualTo(4);

        hub.kill();
        sandbox.market().setLiquidity(symbol, 6);
        sandbox.market().step();
        hub = startHub(null);
        await().atMost(Duration.ofSeconds(90)).until(() -> fills("crash-fill").size() == 2);
        JsonNode caughtUp = fills("crash-fill").get(1);
        assertThat(caughtUp.path("status").asText()).isEqualTo("FILLED");
        assertThat(caughtUp.path("filledQuantity").asLong()).isEqualTo(10);
        assertThat(caughtUp.path("remainingQuantity").asLong()).isZero();
        assertThat(caughtUp.path("lastFillQuantity").asLong()).isEqualTo(6);

        hub.kill();
        hub = startHub(null);
        // the start-up catch-up has read Kiwoom's lists (a LOGIN before the routes started gives no second one)
        await().atMost(Duration.ofSeconds(90)).until(() -> hub.output().contains("execution catch-up of account 'default' at start done")
                || hub.output().contains("execution catch-up of account 'default' after LOGIN done"));
        assertThat(fills("crash-fill")).hasSize(2);
        List<ConsumerRecord<String, String>> records = flow.eventTopic.withKey("crash-fill");
        assertThat(records.stream().map(r -> header(r, "ce_id"))).doesNotHaveDuplicates();
        assertThat(records.stream().map(ConsumerRecord::value)).doesNotHaveDuplicates();
    }

    private List<JsonNode> fills(String key) {
        return flow.events(key).stream().filter(e -> e.path("type").asText().equals("FILL")).toList();
    }

    private ForkedHub startHub(String crashAt) throws Exception {
        return ForkedHub.start(broker.getBrokersAsString(), sandbox, crashAt, logs, ++starts);
    }

    private void awaitTerminal(String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> flow.events(id).stream()
                .anyMatch(e -> List.of("ACCEPTED", "REJECTED").contains(e.path("type").asText())));
    }

    private int decided(Iterable<String> ids) {
        List<String> all = new ArrayList<>();
        ids.forEach(all::add);
        Map<String, Boolean> done = new HashMap<>();
        flow.eventTopic.records().forEach(r -> {
            if (r.value().contains("\"type\":\"ACCEPTED\"") || r.value().contains("\"type\":\"REJECTED\"")) {
                done.put(r.key(), true);
            }
        });
        return (int) all.stream().filter(done::containsKey).count();
    }

    private long callsAt(long price) {
        return sandbox.requests().withApiId("kt10000").stream()
                .filter(r -> Long.toString(price).equals(r.fields().get("ord_uv"))).count();
    }

    private long price() {
        return TOP - 100L * nextPrice++;
    }
}
