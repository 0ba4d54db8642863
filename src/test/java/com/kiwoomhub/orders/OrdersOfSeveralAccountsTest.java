package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.cluster.ClusterHubArguments;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxAccount;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two instances in {@code hub.cluster.service: kafka} mode, two accounts with their own app keys, each owned by
 * a different instance: every request is placed once, by the owner of its account, with that account's key,
 * whichever instance's intake group reads its partition; a request for an unknown account is dead-lettered
 * once; when an account's owner stops, the other instance takes its intake over. The sandbox enforces Kiwoom's
 * 5 requests per second per app key and TR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KafkaTestkitShutdownHooks.class)
class OrdersOfSeveralAccountsTest {

    private static final String SYMBOL = "005930";
    private static final int PARTITIONS = 3;
    private static final List<String> ACCOUNTS = List.of("alpha", "beta");
    private static final int PER_ACCOUNT = 8;

    private EmbeddedKafkaKraftBroker broker;
    private Sandbox sandbox;
    private OrderFlowFixture flow;
    /** clientOrderId → limit price, per account. */
    private final Map<String, Map<String, Long>> requests = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", Integer.toString(PARTITIONS),
                "group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "5",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        sandbox = Sandbox.start(ClusterHubArguments.sandboxFor(ACCOUNTS, Map.of("rate-limit", "5")));
        sandbox.market().setPreviousClose(SYMBOL, 100_000);
        sandbox.market().setPrice(SYMBOL, 100_000);
        flow = new OrderFlowFixture(broker.getBrokersAsString(), sandbox);
    }

    @AfterAll
    void stop() throws Exception {
        flow.close();
        sandbox.close();
        broker.destroy();
    }

    @Test
    void eachAccountsOrdersArePlacedOnceByItsOwnerWithItsKey() {
        try (ConfigurableApplicationContext a = hub("a"); ConfigurableApplicationContext b = hub("b")) {
            // the second instance takes one of the two accounts from the first (cooperative-sticky)
            await().atMost(Duration.ofSeconds(30)).until(() -> ownerOf("alpha", a, b) != null && ownerOf("beta", a, b) != null
                    && ownerOf("alpha", a, b) != ownerOf("beta", a, b));
            Map<String, ConfigurableApplicationContext> owner = Map.of("alpha", ownerOf("alpha", a, b), "beta", ownerOf("beta", a, b));
            for (String account : ACCOUNTS) {
                ConfigurableApplicationContext other = owner.get(account) == a ? b : a;
                await().atMost(Duration.ofSeconds(30)).until(() -> intake(owner.get(account), account) == ServiceStatus.Started);
                assertThat(intake(other, account)).as("%s's intake on the other instance", account).isEqualTo(ServiceStatus.Stopped);
            }

            for (int i = 0; i < PER_ACCOUNT; i++) {
                for (int n = 0; n < ACCOUNTS.size(); n++) {
                    String account = ACCOUNTS.get(n);
                    String id = account + "-" + i;
                    long price = 99_000 - 1_000L * n - 100L * i;
                    requests.computeIfAbsent(account, k -> new LinkedHashMap<>()).put(id, price);
                    flow.sendTo(i % PARTITIONS, account, OrderFlowTest.newOrder(id, "BUY", SYMBOL, 1, "LIMIT", price)
                            .replace("\"action\"", "\"account\":\"" + account + "\",\"action\""));
                }
            }
            RecordMetadata unknown = flow.sendTo(1, "gamma", OrderFlowTest.newOrder("gamma-0", "BUY", SYMBOL, 1, "LIMIT", 90_000L)
                    .replace("\"action\"", "\"account\":\"gamma\",\"action\""));

            await().atMost(Duration.ofSeconds(60)).until(() -> requests.values().stream()
                    .flatMap(r -> r.keySet().stream()).allMatch(id -> !flow.events(id).isEmpty()));
            for (String account : ACCOUNTS) {
                assertPlacedWithItsKey(account);
                ConfigurableApplicationContext other = owner.get(account) == a ? b : a;
                assertThat(orderCalls(owner.get(account), account)).as("kt10000 of %s from its owner", account).isEqualTo(PER_ACCOUNT);
                assertThat(orderCalls(other, account)).as("kt10000 of %s from the other instance", account).isZero();
            }
            assertThat(flow.calls("kt10000")).as("one kt10000 per request").hasSize(ACCOUNTS.size() * PER_ACCOUNT);
            assertThat(rateLimited(a) + rateLimited(b)).as("429/1700 answers").isZero();

            assertThat(flow.awaitDeadLetter(unknown).value()).contains("gamma-0");
            assertThat(flow.awaitEvent("gamma-0", "REJECTED")).singleElement()
                    .satisfies(e -> assertThat(e.path("errorCode").asText()).isEqualTo("HUB_VALIDATION"));

            // beta's owner stops: the other instance owns both, runs both intakes and places beta's next requests
            ConfigurableApplicationContext survivor = owner.get("alpha");
            owner.get("beta").close();
            await().atMost(Duration.ofSeconds(30)).until(() -> survivor.getBean(AccountOwnership.class).owns("beta")
                    && intake(survivor, "beta") == ServiceStatus.Started);
            for (int i = PER_ACCOUNT; i < PER_ACCOUNT + 3; i++) {
                String id = "beta-" + i;
                requests.get("beta").put(id, 90_000 - 100L * i);
                flow.sendTo(i % PARTITIONS, "beta", OrderFlowTest.newOrder(id, "BUY", SYMBOL, 1, "LIMIT", 90_000 - 100L * i)
                        .replace("\"action\"", "\"account\":\"beta\",\"action\""));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> requests.get("beta").keySet().stream()
                    .allMatch(id -> !flow.events(id).isEmpty()));
            assertPlacedWithItsKey("beta");
            assertThat(orderCalls(survivor, "beta")).as("beta's kt10000 from the survivor").isEqualTo(3);
            assertThat(flow.calls("kt10000")).as("one kt10000 per request").hasSize(ACCOUNTS.size() * PER_ACCOUNT + 3);
            assertThat(rateLimited(survivor)).as("429/1700 answers").isZero();
        }
    }

    /** Each request of the account: ACCEPTED, its only event, with the number of one order under the account's app key. */
    private void assertPlacedWithItsKey(String account) {
        List<SandboxAccount.OrderView> placed = sandbox.account("key-" + account).orders();
        assertThat(placed).as("orders under the app key of %s", account).hasSize(requests.get(account).size());
        for (Map.Entry<String, Long> request : requests.get(account).entrySet()) {
            List<JsonNode> events = flow.events(request.getKey());
            assertThat(events).as(request.getKey()).extracting(e -> e.path("type").asText()).containsExactly("ACCEPTED");
            String number = events.get(0).path("brokerOrderId").asText();
            assertThat(number).matches("\\d{7}");
            assertThat(placed).as("%s at the sandbox", request.getKey())
                    .filteredOn(o -> o.orderNumber().equals(number)).singleElement()
                    .satisfies(o -> assertThat(o.price()).isEqualTo(request.getValue()));
        }
    }

    private static ConfigurableApplicationContext ownerOf(String account, ConfigurableApplicationContext... hubs) {
        for (ConfigurableApplicationContext hub : hubs) {
            if (hub.getBean(AccountOwnership.class).owns(account)) {
                return hub;
            }
        }
        return null;
    }

    private static ServiceStatus intake(ConfigurableApplicationContext hub, String account) {
        String route = account.equals(ACCOUNTS.get(0)) ? "order-intake" : "order-intake-" + account;
        return hub.getBean(CamelContext.class).getRouteController().getRouteStatus(route);
    }

    /** The kt10000 requests this instance sent for the account. */
    private static long orderCalls(ConfigurableApplicationContext hub, String account) {
        var timer = hub.getBean(MeterRegistry.class).find("kiwoom.tr.latency").tag("account", account).tag("apiId", "kt10000").timer();
        return timer == null ? 0 : timer.count();
    }

    private static double rateLimited(ConfigurableApplicationContext hub) {
        return hub.getBean(MeterRegistry.class).find("kiwoom.tr.errors").tag("code", "1700").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private ConfigurableApplicationContext hub(String instance) {
        List<String> arguments = ClusterHubArguments.of(broker.getBrokersAsString(), sandbox, ACCOUNTS, instance)
                .set("kiwoom.realtime.enabled", "false")
                .set("kiwoom.quotes.interval-ms", "600000")
                .set("kiwoom.candles.interval-ms", "600000")
                .set("kiwoom.candles.jobs", "")
                .set("kiwoom.account.interval-ms", "600000")
                .set("kiwoom.orders.instance-id", instance)
                .set("logging.level.org.apache.camel", "WARN")
                .list();
        return new SpringApplicationBuilder(KiwoomHubApplication.class).run(arguments.toArray(String[]::new));
    }
}
