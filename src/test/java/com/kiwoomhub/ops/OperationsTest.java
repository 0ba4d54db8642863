package com.kiwoomhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;
import com.kiwoomhub.topics.TopicCatalog;

/**
 * What an operator relies on, against a hub whose Kiwoom is a sandbox this test starts and stops: the
 * topics the hub created on a broker that creates none itself, the probes through a Kiwoom outage, and
 * the dashboard and alert rules, whose every metric must exist once the flows ran.
 */
@SpringBootTest(classes = KiwoomHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camel.main.routes-reload-enabled=false", "kiwoom.watchlist=005930,000660",
                "kiwoom.quotes.interval-ms=500", "kiwoom.account.interval-ms=1000",
                "kiwoom.candles.jobs=005930:1d", "kiwoom.candles.backfill-pages=1",
                "kiwoom.realtime.down-after=2s", "kiwoom.realtime.reconnect.max-delay=500ms",
                "kiwoom.client.revoke-on-shutdown=false", "kafka.metrics-refresh=1s"})
@AutoConfigureObservability
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(KafkaTestkitShutdownHooks.class)
class OperationsTest {

    private static final int KIWOOM_PORT = freePort();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Metric names in PromQL: the families the hub exports, with Prometheus' suffixes. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:kiwoom|hub|kafka|camel)_[a-z0-9_]+)\\b");
    private static Sandbox kiwoom = startKiwoom();

    @Autowired
    TestRestTemplate http;
    @Autowired
    org.springframework.core.env.Environment env;
    @Value("${kafka.embedded-address}")
    String kafka;

    @DynamicPropertySource
    static void kiwoomAtTheSandbox(DynamicPropertyRegistry registry) {
        registry.add("kiwoom.app-key", SandboxSettings.DEMO::appKey);
        registry.add("kiwoom.secret-key", SandboxSettings.DEMO::secretKey);
        registry.add("kiwoom.account-number", SandboxSettings.DEMO::accountNumber);
        registry.add("kiwoom.base-url", () -> "http://127.0.0.1:" + KIWOOM_PORT);
        registry.add("kiwoom.ws-url", () -> "ws://127.0.0.1:" + KIWOOM_PORT + "/api/dostk/websocket");
    }

    @AfterAll
    static void stopKiwoom() {
        kiwoom.close();
    }

    @Test
    @Order(1)
    void everyTopicWasCreatedByTheHubWithItsSettings() throws Exception {
        Map<String, String> names = TopicCatalog.names(env);
        assertThat(names).containsOnlyKeys("quotes", "candles", "account", "trades", "orderbooks", "market-status",
                "indices", "market-events", "expected-trades", "program-trades", "condition-signals",
                "subscription-requests", "dead-letters", "order-requests", "order-events", "order-journal", "subscriptions",
                "candle-progress", "stream-status", "hub-ownership").containsEntry("order-journal", "kiwoom.order-journal");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            var described = admin.describeTopics(names.values()).allTopicNames().get(10, TimeUnit.SECONDS);
            // the ownership topic has one partition per account (one here), whatever topics.defaults say
            described.values().forEach(d -> assertThat(d.partitions()).as(d.name())
                    .hasSize(d.name().equals("kiwoom.hub-ownership") ? 1 : 3));
            ConfigResource journal = new ConfigResource(ConfigResource.Type.TOPIC, "kiwoom.order-journal");
            ConfigResource quotes = new ConfigResource(ConfigResource.Type.TOPIC, "kiwoom.quotes");
            var configs = admin.describeConfigs(List.of(journal, quotes)).all().get(10, TimeUnit.SECONDS);
            assertThat(configs.get(journal).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(journal).get("segment.ms").value()).isEqualTo("86400000");
            assertThat(configs.get(quotes).get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    @Order(2)
    void everyMetricOfTheDashboardAndTheAlertRulesExistsOnceTheFlowsRan() throws Exception {
        runTheFlows();
        Set<String> used = new TreeSet<>();
        used.addAll(dashboardMetrics());
        used.addAll(alertRuleMetrics());
        assertThat(used).hasSizeGreaterThanOrEqualTo(15);

        // A consumer's per-partition lag exists only after its first fetch, and the Kafka client meters pick it
        // up on their next refresh (kafka.metrics-refresh, 1 s here). The market moves on every poll, so
        // real-time rows come once the session's registrations have landed, however late that is.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            kiwoom.step();
            Set<String> exported = exportedMetrics();
            assertThat(used).allSatisfy(name -> assertThat(exported).as("exported metric").contains(name));
        });
    }

    @Test
    @Order(3)
    void readinessGoesDownWithKiwoomAndComesBackWhileLivenessStaysUp() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(probe("readiness").path("status").asText()).isEqualTo("UP"));
        JsonNode ready = probe("readiness");
        assertThat(ready.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("components").path("kiwoom").path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("components").path("kiwoomRealtime").path("status").asText()).isEqualTo("UP");

        kiwoom.close();
        await().atMost(WAIT).untilAsserted(() -> {
            assertLive();
            ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
            assertThat(readiness.getStatusCode().value()).isEqualTo(503);
            JsonNode down = read(readiness.getBody());
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("components").path("kiwoomRealtime").path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        });
        assertLive();
        JsonNode health = read(http.getForEntity("/actuator/health", String.class).getBody());
        assertThat(health.path("components").path("kiwoomRealtime").path("details").path("default").path("state").asText())
                .as("/actuator/health keeps its details").isNotEmpty();

        kiwoom = startKiwoom();
        await().atMost(WAIT).untilAsserted(() -> {
            assertLive();
            assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()).isEqualTo(200);
        });
        assertThat(probe("readiness").path("components").path("kiwoomRealtime").path("status").asText()).isEqualTo("UP");
    }

    private void assertLive() {
        ResponseEntity<String> liveness = http.getForEntity("/actuator/health/liveness", String.class);
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
        JsonNode live = read(liveness.getBody());
        assertThat(live.path("status").asText()).isEqualTo("UP");
        assertThat(live.path("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    /** One accepted order, one invalid one (a dead letter) and a 429 on quotes. */
    private void runTheFlows() throws Exception {
        kiwoom.faults().rateLimitNext("ka10095", 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("kiwoom.order-requests", "default", """
                    {"clientOrderId":"ops-1","action":"NEW","symbol":"005930","side":"BUY","quantity":1,
                     "orderType":"MARKET"}""")).get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("kiwoom.order-requests", "default", "not json")).get(10, TimeUnit.SECONDS);
        }
    }

    private static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("src/main/docker/grafana/dashboards/kiwoom-hub.json")));
        Set<String> names = new TreeSet<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> names.addAll(metrics(t.path("expr").asText()))));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> alertRuleMetrics() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("src/main/docker/alerts.yml")));
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).containsKeys("alert", "expr");
                names.addAll(metrics(rule.get("expr").toString()));
            }
        }
        return names;
    }

    private static Set<String> metrics(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private Set<String> exportedMetrics() {
        Set<String> names = new TreeSet<>();
        for (String line : http.getForObject("/actuator/prometheus", String.class).split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private JsonNode probe(String group) {
        return read(http.getForEntity("/actuator/health/" + group, String.class).getBody());
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sandbox startKiwoom() {
        return Sandbox.start(SandboxSettings.of(Map.of("port", KIWOOM_PORT, "tick-interval", "0")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
