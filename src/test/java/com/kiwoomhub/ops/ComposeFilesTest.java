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
 * provider reads the folder Compose mounts the dashboard into.
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
