package com.kiwoomhub.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.support.TopicReader;

/**
 * The foundation end to end: the application on its embedded KRaft broker loads YAML routes from a
 * folder on disk, publishes to Kafka, reloads an edited file live and survives a broken edit.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KiwoomHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
class RoutesFromDiskTest {

    static {
        org.apache.kafka.common.utils.Exit.setShutdownHookAdder((name, runnable) -> { });
    }

    private static final Path ROUTES = createRoutesFolder();

    @DynamicPropertySource
    static void routesFolder(DynamicPropertyRegistry registry) {
        registry.add("camel.main.routes-include-pattern", () -> "file:" + ROUTES + "/*.camel.yaml");
        registry.add("camel.main.routes-reload-directory", ROUTES::toString);
        registry.add("kiwoom.sandbox.enabled", () -> "false");
        // the test routes' topics, declared like the hub's own, so the hub creates them (the broker creates none)
        registry.add("topics.test-quote", () -> "hub.test.quote");
        registry.add("topics.test-edit", () -> "hub.test.edit");
        registry.add("topics.test-broken", () -> "hub.test.broken");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    TestRestTemplate http;
    @Value("${kafka.embedded-address}")
    String embeddedKafka;

    private final ObjectMapper json = new ObjectMapper();

    @AfterAll
    static void removeRoutesFolder() throws IOException {
        FileSystemUtils.deleteRecursively(ROUTES);
    }

    @Test
    void routeFromDiskPublishesExactRecordToEmbeddedKafka() {
        List<ConsumerRecord<String, String>> records = readUntil("hub.test.quote", 1);
        ConsumerRecord<String, String> first = records.get(0);
        assertThat(first.key()).isEqualTo("005930");
        assertThat(first.value()).isEqualTo("{\"symbol\":\"005930\",\"price\":70000}");
        assertThat(first.headers().lastHeader("content-type").value()).isEqualTo("application/json".getBytes());
        assertThat(first.headers().lastHeader("firedTime")).as("timer headers must not leak into Kafka").isNull();
    }

    @Test
    void editedRouteFileChangesBehaviourWithoutRestart() throws Exception {
        readUntil("hub.test.edit", 1);
        Files.writeString(ROUTES.resolve("edit.camel.yaml"), timerRoute("edit", "hub.test.edit", "v2"));

        List<String> values = TopicReader.awaitRecords(embeddedKafka, "hub.test.edit", Duration.ofSeconds(20),
                        rs -> rs.stream().filter(r -> r.value().contains("v2")).count() >= 3)
                .stream().map(ConsumerRecord::value).toList();
        int firstNew = indexOfFirst(values, "v2");
        assertThat(values.subList(firstNew, values.size()))
                .as("after the reload only the edited route runs").allMatch(v -> v.equals("{\"version\":\"v2\"}"));
        assertThat(camel.getRoute("edit")).isNotNull();
    }

    @Test
    void brokenEditKeepsOldRouteRunningAndLogsFileAndReason(CapturedOutput output) throws Exception {
        readUntil("hub.test.broken", 1);
        Instant edited = Instant.now();
        Files.writeString(ROUTES.resolve("broken.camel.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: timer:broken
                      steps:
                        - nosuchstep: {}
                """);

        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains("broken.camel.yaml")
                && output.getAll().contains("nosuchstep"));
        TopicReader.awaitRecords(embeddedKafka, "hub.test.broken", Duration.ofSeconds(20), rs -> rs.stream()
                .filter(r -> r.timestamp() > edited.toEpochMilli() + 500)
                .anyMatch(r -> r.value().equals("{\"version\":\"v1\"}")));
        assertThat(camel.getRouteController().getRouteStatus("broken")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void healthIsUpWithKafkaAndCamelAndMetricsShowRoutes() throws Exception {
        JsonNode health = json.readTree(http.getForObject("/actuator/health", String.class));
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("camelHealth").path("status").asText()).isEqualTo("UP");

        readUntil("hub.test.quote", 1);
        String prometheus = http.getForObject("/actuator/prometheus", String.class);
        assertThat(prometheus).contains("camel_exchanges_total{").contains("routeId=\"quote\"");

        // Not exposed, and without an admin token configured refused before that matters.
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.getForEntity("/actuator/heapdump", String.class).getStatusCode().value()).isEqualTo(403);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, embeddedKafka))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void withoutAnAdminTokenConfiguredEveryWriteIsRefused() {
        HttpHeaders anyToken = new HttpHeaders();
        anyToken.setBearerAuth("guess");
        for (HttpHeaders headers : List.of(new HttpHeaders(), anyToken)) {
            ResponseEntity<String> refused = http.exchange("/actuator/orderkillswitch", HttpMethod.POST,
                    new HttpEntity<>(Map.of("on", false), headers), String.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(refused.getBody()).isEqualTo("{\"error\":\"this operation is disabled: no HUB_ADMIN_TOKEN is configured\"}");
        }
    }

    private List<ConsumerRecord<String, String>> readUntil(String topic, int count) {
        return TopicReader.awaitRecords(embeddedKafka, topic, Duration.ofSeconds(30), rs -> rs.size() >= count);
    }

    private static int indexOfFirst(List<String> values, String marker) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).contains(marker)) {
                return i;
            }
        }
        return -1;
    }

    private static Path createRoutesFolder() {
        try {
            Path dir = Files.createTempDirectory("kiwoom-hub-routes");
            Files.writeString(dir.resolve("quote.camel.yaml"), """
                    - route:
                        id: quote
                        from:
                          uri: timer:quote
                          parameters:
                            period: 500
                          steps:
                            - setBody:
                                constant: '{"symbol":"005930","price":70000}'
                            - removeHeaders:
                                pattern: "*"
                            - setHeader:
                                name: kafka.KEY
                                constant: "005930"
                            - setHeader:
                                name: content-type
                                constant: application/json
                            - to: kafka:hub.test.quote
                    """);
            Files.writeString(dir.resolve("edit.camel.yaml"), timerRoute("edit", "hub.test.edit", "v1"));
            Files.writeString(dir.resolve("broken.camel.yaml"), timerRoute("broken", "hub.test.broken", "v1"));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String timerRoute(String id, String topic, String version) {
        return """
                - route:
                    id: %s
                    from:
                      uri: timer:%s
                      parameters:
                        period: 200
                      steps:
                        - setBody:
                            constant: '{"version":"%s"}'
                        - removeHeaders:
                            pattern: "*"
                        - setHeader:
                            name: kafka.KEY
                            constant: same-key
                        - to: kafka:%s
                """.formatted(id, id, version, topic);
    }
}
