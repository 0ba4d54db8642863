package com.kiwoomhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.realtime.KiwoomSessions;
import com.kiwoomhub.realtime.SessionState;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;
import com.kiwoomhub.sandbox.ws.WebSocketSettings;

/**
 * Two instances in this JVM on one broker and one sandbox with two accounts (alpha, the primary, and beta):
 * the group gives each one account; each account has one WebSocket session at a time, and its slice of the
 * quote watchlist (kiwoom.quotes.shared) is polled once a cycle, by its owner with its key; health and
 * meters say who owns what; a cleanly stopped owner's account is taken over within 3 s. Takeovers from a
 * SIGKILLed or SIGSTOPped process are proven by {@link ClusterProofTest}.
 */
@ExtendWith(KafkaTestkitShutdownHooks.class)
class SeveralInstancesTest {

    private static final List<String> ACCOUNTS = List.of("alpha", "beta");
    /** The quote watchlist's slice of each account: one call each. */
    private static final Map<String, String> SLICES = Map.of("alpha", "005930", "beta", "000660");
    private static final Pattern LOGIN = Pattern.compile("\"trnm\"\\s*:\\s*\"LOGIN\".*\"token\"\\s*:\\s*\"([^\"]+)\"");

    private static EmbeddedKafkaKraftBroker broker;
    private static Sandbox sandbox;
    private static SandboxWebSocket sandboxWs;

    @BeforeAll
    static void brokerAndSandbox() {
        broker = ClusterHubArguments.broker(Map.of());
        sandbox = Sandbox.start(ClusterHubArguments.sandboxFor(ACCOUNTS));
        sandboxWs = new SandboxWebSocket(sandbox.vertx(), sandbox, WebSocketSettings.defaults());
        sandbox.realtime(sandboxWs);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        broker.destroy();
    }

    @Test
    void eachAccountHasOneOwnerAndACleanStopHandsItOver() throws Exception {
        try (ConfigurableApplicationContext b = inThisJvm("b")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> loggedIn(b).containsAll(ACCOUNTS));

            ConfigurableApplicationContext c = inThisJvm("c");
            // the group balances: one account each, handed over by b before c logs in
            await().atMost(Duration.ofSeconds(30)).until(() -> loggedIn(c).size() == 1 && loggedIn(b).size() == 1
                    && logins().size() == 3 && oneSessionPerKey());
            String moved = loggedIn(c).get(0);
            String kept = ACCOUNTS.stream().filter(x -> !x.equals(moved)).findFirst().orElseThrow();
            assertThat(loggedIn(b)).containsExactly(kept);
            List<String> logins = logins();
            assertThat(logins.subList(0, 2)).as("b's LOGINs").containsExactlyInAnyOrder("key-alpha", "key-beta");
            assertThat(logins.get(2)).as("c's LOGIN, for the account it took").isEqualTo(appKey(moved));

            // steady: one session per app key, no LOGIN (no eviction, no flip-flop), one quote poll a second of
            // each account's slice, with its key, by its owner: b polls only the slice of the account it kept
            Map<String, Integer> quotesBefore = quoteCallsPerKey();
            long movedCyclesAtB = quoteCycles(b, moved);
            long keptCyclesAtB = quoteCycles(b, kept);
            Instant windowStart = Instant.now();
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8))
                    .until(() -> oneSessionPerKey() && logins().size() == 3);
            long seconds = Duration.between(windowStart, Instant.now()).toSeconds();
            Map<String, Integer> quotesAfter = quoteCallsPerKey();
            for (String account : ACCOUNTS) {
                assertThat(quotesAfter.getOrDefault(appKey(account), 0) - quotesBefore.getOrDefault(appKey(account), 0))
                        .as("ka10095 calls with %s's key in %d s at one cycle a second", account, seconds)
                        .isBetween(1, (int) seconds + 2);
            }
            assertThat(quoteCycles(b, moved)).as("b polls no slice of the account c owns").isEqualTo(movedCyclesAtB);
            assertThat(quoteCycles(b, kept)).as("b polls the slice of the account it kept").isGreaterThan(keptCyclesAtB);

            // b is ready while it owns one account and stands by for the other
            assertThat(health(b, "readiness").path("status").asText()).isEqualTo("UP");
            JsonNode cluster = health(b, "hubCluster").path("details");
            assertThat(cluster.path(moved).path("role").asText()).isEqualTo("STANDBY");
            assertThat(cluster.path(kept).path("role").asText()).isEqualTo("OWNER");
            assertThat(health(b, "kiwoomRealtime").path("details").path(moved).path("state").asText()).isEqualTo("STANDBY");
            MeterRegistry meters = b.getBean(MeterRegistry.class);
            assertThat(meters.get("hub.cluster.owned").tag("account", moved).gauge().value()).isZero();
            assertThat(meters.get("hub.cluster.takeovers").tag("account", moved).functionCounter().count()).isEqualTo(1);
            assertThat(meters.get("hub.cluster.lease.age").gauge().value()).isLessThan(5);
            assertThat(systemFrames(b)).as("SYSTEM frames (R10001) at b").isZero();

            // the account is handed over while c's context is still closing (Camel's own graceful stop follows)
            long closing = System.nanoTime();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(c::close);
            await().atMost(Duration.ofSeconds(3)).until(() -> loggedIn(b).containsAll(ACCOUNTS));
            System.out.println("Handover on a clean stop: " + Duration.ofNanos(System.nanoTime() - closing).toMillis()
                    + " ms from the start of the close to the LOGIN of the other instance");
            closed.get(60, TimeUnit.SECONDS);
            assertThat(oneSessionPerKey()).isTrue();
            assertThat(meters.get("hub.cluster.takeovers").tag("account", moved).functionCounter().count()).isEqualTo(2);
            long movedCycles = quoteCycles(b, moved);
            await().atMost(Duration.ofSeconds(10)).until(() -> quoteCycles(b, moved) > movedCycles);
            // a gain starts only the routes that are enabled (kiwoom.orders.enabled=false here)
            assertThat(b.getBean(CamelContext.class).getRouteController().getRouteStatus("order-intake"))
                    .isEqualTo(ServiceStatus.Stopped);
            // whoever polled, each key asked for its own slice only
            for (String account : ACCOUNTS) {
                assertThat(sandbox.requests().withApiId("ka10095").stream().filter(r -> appKey(account).equals(r.appKey()))
                        .map(r -> r.fields().get("stk_cd")).distinct().toList()).as(account).containsExactly(SLICES.get(account));
            }
        }
    }

    /** Accounts whose session is logged in on that instance. */
    private static List<String> loggedIn(ConfigurableApplicationContext hub) {
        KiwoomSessions sessions = hub.getBean(KiwoomSessions.class);
        return ACCOUNTS.stream().filter(alias -> sessions.find(alias).orElseThrow().state() == SessionState.LOGGED_IN)
                .toList();
    }

    private static boolean oneSessionPerKey() {
        List<String> keys = sandboxWs.sessions().stream().map(SessionInfo::appKey).toList();
        return keys.size() == 2 && keys.containsAll(List.of("key-alpha", "key-beta"));
    }

    /** The app key of every LOGIN the sandbox has received, in order. */
    private static List<String> logins() {
        List<String> keys = new ArrayList<>();
        for (String frame : sandboxWs.framesReceived()) {
            Matcher m = LOGIN.matcher(frame);
            if (m.find()) {
                keys.add(sandbox.appKeyOfToken(m.group(1)).orElse("?"));
            }
        }
        return keys;
    }

    private static String appKey(String alias) {
        return "key-" + alias;
    }

    /** SYSTEM frames the instance's sessions received: R10001 evictions and other notices. */
    private static double systemFrames(ConfigurableApplicationContext hub) {
        return hub.getBean(MeterRegistry.class).find("kiwoom.ws.frames").tag("type", "SYSTEM").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** One part of the instance's /actuator/health. */
    private static JsonNode health(ConfigurableApplicationContext hub, String part) throws Exception {
        String port = hub.getEnvironment().getProperty("local.server.port");
        return new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/" + part)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** ka10095 calls so far by app key. */
    private static Map<String, Integer> quoteCallsPerKey() {
        Map<String, Integer> calls = new HashMap<>();
        sandbox.requests().withApiId("ka10095").forEach(r -> calls.merge(String.valueOf(r.appKey()), 1, Integer::sum));
        return calls;
    }

    /** Quote cycles the instance has polled of the account's slice. */
    private static long quoteCycles(ConfigurableApplicationContext hub, String account) {
        return hub.getBean(MeterRegistry.class).get("kiwoom.quotes.cycle").tag("account", account).timer().count();
    }

    private static ConfigurableApplicationContext inThisJvm(String instance) {
        return new SpringApplicationBuilder(KiwoomHubApplication.class).run(arguments(instance).toArray(String[]::new));
    }

    private static List<String> arguments(String instance) {
        return ClusterHubArguments.of(broker.getBrokersAsString(), sandbox, ACCOUNTS, instance)
                .set("kiwoom.watchlist", "005930,000660")
                .set("kiwoom.quotes.interval-ms", "1000")
                .set("kiwoom.quotes.shared", "true")
                // one code a call: one call for each account's slice (a single batch would be the first account's)
                .set("kiwoom.quotes.batch-size", "1")
                .set("kiwoom.candles.interval-ms", "600000")
                .set("kiwoom.account.interval-ms", "600000")
                .set("kiwoom.orders.enabled", "false")
                .set("logging.level.org.apache.camel", "WARN")
                .list();
    }
}
