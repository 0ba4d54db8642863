package com.kiwoomhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * docker-compose cannot run here, so its files are parsed and cross-checked: the hub's healthcheck is
 * its readiness probe, Prometheus loads the alert rules Compose mounts, and Grafana's dashboard
 * provider reads the folder Compose mounts the dashboard into; the {@code cluster} profile adds a second
 * replica of the hub in the same ownership group, and Prometheus scrapes both.
 */
class ComposeFilesTest {

    @Test
    void composeWiresTheReadinessProbeTheAlertRulesAndTheDashboard() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.yml");
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> hub = map(services.get("hub"));
        assertThat(map(hub.get("healthcheck")).get("test").toString()).contains("/actuator/health/readiness");
        assertThat(list(map(services.get("prometheus")).get("volumes")))
                .contains("./src/main/docker/alerts.yml:/etc/prometheus/alerts.yml:ro");
        assertThat(list(map(services.get("grafana")).get("volumes")))
                .contains("./src/main/docker/grafana/dashboards:/var/lib/grafana/dashboards:ro");

        assertThat(list(yaml("src/main/docker/prometheus.yml").get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
        Map<String, Object> provider = map(list(yaml("src/main/docker/grafana/provisioning/dashboards/kiwoom-hub.yml")
                .get("providers")).get(0));
        assertThat(map(provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");
        assertThat(yaml("src/main/docker/grafana/provisioning/datasources/prometheus.yml")).containsKey("datasources");
    }

    @Test
    void theClusterProfileAddsASecondReplicaInTheSameOwnershipGroup() throws IOException {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));
        Map<String, Object> hub = map(services.get("hub"));
        Map<String, Object> second = map(services.get("hub-2"));
        assertThat(hub).as("plain docker compose up runs the first hub").doesNotContainKey("profiles");
        assertThat(list(second.get("profiles"))).containsExactly("cluster");
        assertThat(services.entrySet().stream().filter(e -> map(e.getValue()).containsKey("profiles")).map(Map.Entry::getKey))
                .as("only the second replica is in a profile").containsExactly("hub-2");

        Map<String, Object> env1 = map(hub.get("environment"));
        Map<String, Object> env2 = map(second.get("environment"));
        for (Map<String, Object> env : List.of(env1, env2)) {
            assertThat(env).containsEntry("HUB_CLUSTER_SERVICE", "kafka").containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
        assertThat(env2.get("HUB_CLUSTER_GROUP_ID")).isEqualTo(env1.get("HUB_CLUSTER_GROUP_ID")).isNotNull();
        assertThat(env2.get("KIWOOM_APP_KEY")).isEqualTo(env1.get("KIWOOM_APP_KEY"));
        assertThat(env2.get("KIWOOM_ACCOUNT_NUMBER")).isEqualTo(env1.get("KIWOOM_ACCOUNT_NUMBER"));
        assertThat(List.of(env1.get("HUB_CLUSTER_INSTANCE_ID"), env2.get("HUB_CLUSTER_INSTANCE_ID")))
                .doesNotContainNull().doesNotHaveDuplicates();
        assertThat(List.of(env1.get("KIWOOM_ORDERS_INSTANCE_ID"), env2.get("KIWOOM_ORDERS_INSTANCE_ID")))
                .as("one journal transactional id per replica").doesNotContainNull().doesNotHaveDuplicates();
        assertThat(map(second.get("healthcheck")).get("test").toString()).contains("/actuator/health/readiness");
        assertThat(second.get("depends_on")).isEqualTo(hub.get("depends_on"));
        assertThat(list(second.get("ports"))).doesNotContainAnyElementsOf(list(hub.get("ports")));

        Map<String, Object> job = map(list(yaml("src/main/docker/prometheus.yml").get("scrape_configs")).get(0));
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(list(map(list(job.get("static_configs")).get(0)).get("targets"))).containsExactly("hub:8080", "hub-2:8080");
    }

    @Test
    void theDashboardIsValidJsonWithAQueryInEveryPanel() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("src/main/docker/grafana/dashboards/kiwoom-hub.json")));
        assertThat(dashboard.path("uid").asText()).isEqualTo("kiwoom-hub");
        assertThat(dashboard.path("panels").size()).isEqualTo(15);
        dashboard.path("panels").forEach(panel -> {
            assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
            panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).isNotBlank());
        });
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return new Yaml().load(Files.readString(Path.of(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
