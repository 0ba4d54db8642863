package com.kiwoomhub.startup;

import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.topics.TopicSetup;

/** One startup summary: which Kafka (and whether it answered), which Kiwoom, which routes, where health and metrics are. */
@Component
public class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final CamelContext camel;
    private final KiwoomAccounts accounts;
    private final TopicSetup topics;
    private final Environment env;

    public StartupBanner(CamelContext camel, KiwoomAccounts accounts, TopicSetup topics, Environment env) {
        this.camel = camel;
        this.accounts = accounts;
        this.topics = topics;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void print() {
        LOG.info(text());
    }

    String text() {
        String embedded = env.getProperty(EmbeddedKafka.ADDRESS_PROPERTY);
        String kafka = embedded != null
                ? "embedded KRaft broker at " + embedded + " (set KAFKA_BOOTSTRAP_SERVERS to use your own)"
                : env.getProperty("kafka.bootstrap-servers");
        if (!topics.ready()) {
            kafka += " NOT REACHABLE: retrying every " + env.getProperty("topics.retry", "5s")
                    + "; not ready (/actuator/health/readiness) until it answers";
        }
        String kiwoom = accounts.isEmpty()
                ? "none: no KIWOOM_APP_KEY set"
                : accounts.all().stream().map(StartupBanner::describe).collect(Collectors.joining("; "));
        String routes = camel.getRoutes().stream().map(Route::getRouteId).sorted().collect(Collectors.joining(", "));
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        return String.join(System.lineSeparator(),
                topics.ready() ? "kiwoom-hub started" : "kiwoom-hub started WITHOUT KAFKA",
                "  Kafka:   " + kafka,
                "  Kiwoom:  " + kiwoom,
                "  Routes:  " + camel.getRoutes().size() + " from " + env.getProperty("camel.main.routes-include-pattern")
                        + (routes.isEmpty() ? "" : " [" + routes + "]")
                        + (env.getProperty("camel.main.routes-reload-enabled", Boolean.class, false) ? ", live reload on" : ""),
                "  Health:  http://localhost:" + port + "/actuator/health (probes: /actuator/health/liveness, /readiness)",
                "  Metrics: http://localhost:" + port + "/actuator/prometheus");
    }

    private static String describe(KiwoomAccount a) {
        return a.alias() + " -> " + a.environment().name().toLowerCase() + " " + a.baseUrl() + " / " + a.wsUrl();
    }
}
