package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.cluster.ClusterHubArguments;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxAccount;

/**
 * The per-account intakes (OrderIntakes) on one instance in kafka cluster mode: an account added to the
 * configuration gets an intake whose new consumer group starts where the primary account's is, so requests the
 * primary intake already handled are not taken again; and a live reload of the orders file creates the intakes
 * again from the edited template, on their owner, where they place orders as before (and from the previous
 * template when the edited one makes no intake).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KafkaTestkitShutdownHooks.class)
@ExtendWith(OutputCaptureExtension.class)
class OrderIntakesTest {

    private static final String SYMBOL = "005930";

    private EmbeddedKafkaKraftBroker broker;
    private Sandbox sandbox;
    private OrderFlowFixture flow;
    private Path routes;

    @BeforeAll
    void start() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "5",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        sandbox = Sandbox.start(ClusterHubArguments.sandboxFor(List.of("alpha", "beta")));
        sandbox.market().setPreviousClose(SYMBOL, 100_000);
        sandbox.market().setPrice(SYMBOL, 100_000);
        flow = new OrderFlowFixture(broker.getBrokersAsString(), sandbox);
        routes = Files.createTempDirectory("order-intakes-routes");
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        flow.close();
        sandbox.close();
        broker.destroy();
        FileSystemUtils.deleteRecursively(routes);
    }

    @Test
    void anAddedAccountsIntakeStartsWhereThePrimaryIntakeIs() throws Exception {
        String group = "upgrade-orders";
        try (ConfigurableApplicationContext hub = hub(List.of("alpha"), group, false)) {
            flow.sendTo(0, "alpha", order("upgrade-alpha", null, 98_000));
            flow.sendTo(0, "beta", order("upgrade-early-beta", "beta", 97_900));
            assertThat(flow.awaitEvent("upgrade-alpha", "ACCEPTED")).hasSize(1);
            assertThat(flow.awaitEvent("upgrade-early-beta", "REJECTED")).singleElement()
                    .satisfies(e -> assertThat(e.path("errorCode").asText()).isEqualTo("HUB_VALIDATION"));
            awaitCommitted(group, 0, 2);
        }
        try (ConfigurableApplicationContext hub = hub(List.of("alpha", "beta"), group, false)) {
            TopicPartition first = new TopicPartition(OrderFlowFixture.REQUESTS, 0);
            assertThat(committed(group + "-beta").get(first)).as("the new group starts at the primary's offset")
                    .isEqualTo(committed(group).get(first));
            flow.sendTo(0, "beta", order("upgrade-beta", "beta", 97_800));
            String number = flow.awaitEvent("upgrade-beta", "ACCEPTED").get(0).path("brokerOrderId").asText();
            assertThat(sandbox.account("key-beta").orders()).extracting(SandboxAccount.OrderView::orderNumber).contains(number);
            assertThat(sandbox.account("key-beta").orders())
                    .as("the request the primary intake refused before beta was configured is not taken again")
                    .noneMatch(o -> o.price() == 97_900);
            assertThat(flow.events("upgrade-early-beta")).hasSize(1);
        }
    }

    @Test
    void aLiveReloadCreatesTheIntakesAgainFromTheEditedTemplate(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext hub = hub(List.of("alpha", "beta"), "reload-orders", true)) {
            CamelContext camel = hub.getBean(CamelContext.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> intakes(camel).stream()
                    .allMatch(r -> camel.getRouteController().getRouteStatus(r.getId()) == ServiceStatus.Started));
            List<Route> before = intakes(camel);

            Path file = routes.resolve("orders.camel.yaml");
            String yaml = Files.readString(file);
            assertThat(yaml).contains("fetchWaitMaxMs: \"{{kiwoom.orders.fetch-wait-max-ms}}\"");
            Files.writeString(file, yaml.replace("fetchWaitMaxMs: \"{{kiwoom.orders.fetch-wait-max-ms}}\"", "fetchWaitMaxMs: 21"));

            await().atMost(Duration.ofSeconds(30)).until(() -> intakes(camel).size() == 2 && intakes(camel).stream()
                    .allMatch(r -> r.getEndpoint().getEndpointUri().contains("fetchWaitMaxMs=21")
                            && camel.getRouteController().getRouteStatus(r.getId()) == ServiceStatus.Started));
            assertThat(intakes(camel)).as("new routes").doesNotContainAnyElementsOf(before);

            flow.sendTo(1, "alpha", order("reload-alpha", "alpha", 96_000));
            flow.sendTo(2, "beta", order("reload-beta", "beta", 95_900));
            for (String id : List.of("reload-alpha", "reload-beta")) {
                List<JsonNode> events = flow.awaitEvent(id, "ACCEPTED");
                assertThat(events).as(id).hasSize(1);
            }
            assertThat(sandbox.account("key-alpha").orders()).filteredOn(o -> o.price() == 96_000).hasSize(1);
            assertThat(sandbox.account("key-beta").orders()).filteredOn(o -> o.price() == 95_900).hasSize(1);

            // an edit that loads but makes no intake: the intakes go on from the previous template
            Route recovery = camel.getRoute("order-recovery");
            String admit = "              ref: orderIntake\n              method: admit";
            assertThat(Files.readString(file)).contains(admit);
            Files.writeString(file, Files.readString(file).replace(admit, "              ref: noSuchIntake\n              method: admit"));
            await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute("order-recovery") != recovery
                    && output.getAll().contains("makes no order intake"));
            assertThat(output.getAll()).contains("noSuchIntake");
            assertThat(intakes(camel)).hasSize(2).allSatisfy(r -> {
                assertThat(r.getEndpoint().getEndpointUri()).contains("fetchWaitMaxMs=21");
                assertThat(camel.getRouteController().getRouteStatus(r.getId())).isEqualTo(ServiceStatus.Started);
            });
            flow.sendTo(0, "alpha", order("broken-alpha", "alpha", 95_000));
            flow.sendTo(1, "beta", order("broken-beta", "beta", 94_900));
            for (String id : List.of("broken-alpha", "broken-beta")) {
                assertThat(flow.awaitEvent(id, "ACCEPTED")).as(id).hasSize(1);
            }
        }
    }

    private static List<Route> intakes(CamelContext camel) {
        return Stream.of("order-intake", "order-intake-beta").map(camel::getRoute).filter(r -> r != null).toList();
    }

    private static String order(String id, String account, long price) {
        String request = OrderFlowTest.newOrder(id, "BUY", SYMBOL, 1, "LIMIT", price);
        return account == null ? request : request.replace("\"action\"", "\"account\":\"" + account + "\",\"action\"");
    }

    private void awaitCommitted(String group, int partition, long offset) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            OffsetAndMetadata committed = committed(group).get(new TopicPartition(OrderFlowFixture.REQUESTS, partition));
            return committed != null && committed.offset() >= offset;
        });
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        }
    }

    private ConfigurableApplicationContext hub(List<String> accounts, String group, boolean reload) {
        ClusterHubArguments arguments = ClusterHubArguments.of(broker.getBrokersAsString(), sandbox, accounts, "single")
                .set("kiwoom.realtime.enabled", "false")
                .set("kiwoom.quotes.interval-ms", "600000")
                .set("kiwoom.candles.interval-ms", "600000")
                .set("kiwoom.candles.jobs", "")
                .set("kiwoom.account.interval-ms", "600000")
                .set("kiwoom.orders.group-id", group)
                .set("logging.level.org.apache.camel", "WARN");
        if (reload) {
            arguments.set("camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml")
                    .set("camel.main.routes-reload-enabled", "true")
                    .set("camel.main.routes-reload-directory", routes.toString())
                    .set("logging.level.com.kiwoomhub.orders.OrderIntakes", "INFO");
        }
        return new SpringApplicationBuilder(KiwoomHubApplication.class).run(arguments.list().toArray(String[]::new));
    }
}
