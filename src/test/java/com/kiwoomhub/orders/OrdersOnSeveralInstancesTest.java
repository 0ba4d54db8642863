package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.camel.ServiceStatus;
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

/**
 * Two instances in {@code hub.cluster.service: kafka} mode share one account: only its owner consumes the
 * order requests, so requests on every partition are each placed once and none is refused as not-owner;
 * when the owner stops, the other instance takes the intake over. Every request has its own limit price,
 * so the sandbox's request journal tells how often each one reached Kiwoom.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KafkaTestkitShutdownHooks.class)
class OrdersOnSeveralInstancesTest {

    private static final String SYMBOL = "005930";
    private static final int PARTITIONS = 3;

    private EmbeddedKafkaKraftBroker broker;
    private Sandbox sandbox;
    private OrderFlowFixture flow;
    private final Map<String, Long> priceOf = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", Integer.toString(PARTITIONS),
                "group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "5",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        sandbox = Sandbox.start(ClusterHubArguments.sandboxFor(List.of("alpha")));
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
    void onlyTheOwnerTakesOrdersAndEachIsPlacedOnce() {
        ConfigurableApplicationContext a = hub("a");
        try (ConfigurableApplicationContext b = hub("b")) {
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> owns(a) != owns(b));
                ConfigurableApplicationContext owner = owns(a) ? a : b;
                ConfigurableApplicationContext standby = owner == a ? b : a;
                assertThat(intake(owner)).isEqualTo(ServiceStatus.Started);
                assertThat(intake(standby)).as("the standby consumes no order request").isEqualTo(ServiceStatus.Stopped);
                // the intake group settles on the instances that run the intake: the owner, with every partition
                await().atMost(Duration.ofSeconds(30)).until(() -> intakeMembers().equals(List.of(PARTITIONS)));

                send(0, 10);
                awaitAccepted();
                assertThat(intake(standby)).isEqualTo(ServiceStatus.Stopped);

                // a clean stop hands the account, and with it the intake, to the other instance
                owner.close();
                await().atMost(Duration.ofSeconds(15)).until(() -> owns(standby) && intake(standby) == ServiceStatus.Started);
                send(10, 4);
                awaitAccepted();
            } finally {
                a.close();
            }
        }
        assertThat(flow.calls("kt10000")).as("one kt10000 per request").hasSize(priceOf.size());
    }

    /** Requests number {@code from} to {@code from + count - 1}, spread over every partition, each at its own price. */
    private void send(int from, int count) {
        for (int i = from; i < from + count; i++) {
            String id = "owned-" + i;
            long price = 99_000 - 100L * i;
            priceOf.put(id, price);
            flow.sendTo(i % PARTITIONS, "alpha", OrderFlowTest.newOrder(id, "BUY", SYMBOL, 1, "LIMIT", price));
        }
    }

    /** Every request so far: ACCEPTED, its only event, after exactly one kt10000 at its price. */
    private void awaitAccepted() {
        await().atMost(Duration.ofSeconds(60)).until(() -> priceOf.keySet().stream().allMatch(id -> !flow.events(id).isEmpty()));
        for (Map.Entry<String, Long> request : priceOf.entrySet()) {
            List<JsonNode> events = flow.events(request.getKey());
            assertThat(events).as(request.getKey()).extracting(e -> e.path("type").asText()).containsExactly("ACCEPTED");
            assertThat(events.get(0).path("brokerOrderId").asText()).matches("\\d{7}");
            assertThat(flow.calls("kt10000").stream().filter(f -> Long.toString(request.getValue()).equals(f.get("ord_uv"))))
                    .as("kt10000 calls of %s", request.getKey()).hasSize(1);
        }
    }

    /** The members of the intake's consumer group, each as the number of request partitions assigned to it. */
    private List<Integer> intakeMembers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            return admin.describeConsumerGroups(List.of("kiwoom-hub-orders")).all().get(10, TimeUnit.SECONDS)
                    .get("kiwoom-hub-orders").members().stream()
                    .map(m -> m.assignment().topicPartitions().size()).toList();
        }
    }

    private static boolean owns(ConfigurableApplicationContext hub) {
        return hub.isActive() && hub.getBean(AccountOwnership.class).owns("alpha");
    }

    private static ServiceStatus intake(ConfigurableApplicationContext hub) {
        return hub.getBean(CamelContext.class).getRouteController().getRouteStatus("order-intake");
    }

    private ConfigurableApplicationContext hub(String instance) {
        List<String> arguments = ClusterHubArguments.of(broker.getBrokersAsString(), sandbox, List.of("alpha"), instance)
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
