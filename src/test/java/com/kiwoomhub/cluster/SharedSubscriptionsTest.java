package com.kiwoomhub.cluster;

import static com.kiwoomhub.support.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.realtime.KiwoomSessions;
import com.kiwoomhub.realtime.SessionState;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;
import com.kiwoomhub.sandbox.ws.WebSocketSettings;
import com.kiwoomhub.support.TopicReader;

/**
 * Real-time items beyond one session's 200, shared by two accounts (alpha, the primary, and beta, two app
 * keys) on the sandbox's WebSocket: the two indices, a real-time watchlist of 250 symbols and a run-time
 * request of 120 more (372 items) spread so that each session registers 186, alternately from alpha on
 * (the session with the most free slots, the first on a tie); a request of 29 more (28 slots are free)
 * is dead-lettered with its reason. Then in kafka cluster mode a second instance takes one account: it
 * logs in with exactly that account's share, a request placed by the owner of the primary account reaches
 * the session of the other instance, and when that instance stops, the first one's new session for the
 * account registers exactly that share again.
 */
@ExtendWith(KafkaTestkitShutdownHooks.class)
class SharedSubscriptionsTest {

    private static final List<String> ACCOUNTS = List.of("alpha", "beta");
    private static final List<String> WATCHLIST = codes(100_100, 250);
    private static final List<String> RUN_TIME = codes(200_000, 120);
    private static final List<String> TOO_MANY = codes(300_000, 29);
    private static final String REQUESTS = "kiwoom.subscription-requests";
    private static final Duration WAIT = Duration.ofSeconds(60);

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
    void itemsBeyondOneSessionAreSpreadOverBothAccountsAndEachOwnerRegistersItsShare() throws Exception {
        Map<String, Set<String>> expected = Map.of("alpha", share(0), "beta", share(1));
        try (ConfigurableApplicationContext a = instance("a");
             TopicReader dead = new TopicReader(broker.getBrokersAsString(), "kiwoom.dead-letters")) {
            await().atMost(WAIT).until(() -> loggedIn(a).containsAll(ACCOUNTS));
            send("dashboard", request(RUN_TIME));
            await().atMost(WAIT).untilAsserted(() -> assertThat(registeredByKey()).isEqualTo(Map.of(
                    "key-alpha", expected.get("alpha"), "key-beta", expected.get("beta"))));
            assertThat(expected.values()).allSatisfy(set -> assertThat(items(set)).hasSize(186));

            send("too-many", request(TOO_MANY));
            await().atMost(WAIT).until(() -> !dead.withKey("too-many").isEmpty());
            ConsumerRecord<String, String> letter = dead.withKey("too-many").get(0);
            assertThat(header(letter, "kiwoomhub_error_code")).isEqualTo("HUB_SUBSCRIPTION_LIMIT");
            assertThat(header(letter, "kiwoomhub_error")).isEqualTo("subscribing 29 new symbol(s) needs 29 item slots,"
                    + " but only 28 are free: Kiwoom carries 200 items per connection and 2 account(s) carry"
                    + " subscriptions (372 items subscribed). Unsubscribe some, or configure another account (app key)"
                    + " under kiwoom.accounts.");

            JsonNode health = health(a, "kiwoomSubscriptions").path("details");
            assertThat(health.path("sharedSubscriptions").asBoolean()).isTrue();
            for (String alias : ACCOUNTS) {
                assertThat(health.path(alias).path("items").asInt()).isEqualTo(186);
                assertThat(health.path(alias).path("heldHere").asBoolean()).isTrue();
                assertThat(health.path(alias).path("runTime").asInt()).isEqualTo(60);
            }
            assertThat(health.path("alpha").path("itemSample").toString())
                    .isEqualTo(sample(items(expected.get("alpha"))));

            Map<String, Set<String>> after = Map.of("alpha", plus(expected.get("alpha"), "0B:300000"),
                    "beta", plus(expected.get("beta"), "0B:300001"));
            try (ConfigurableApplicationContext b = instance("b")) {
                await().atMost(WAIT).until(() -> loggedIn(b).size() == 1 && loggedIn(a).size() == 1);
                String moved = loggedIn(b).get(0);
                String kept = loggedIn(a).get(0);
                await().atMost(WAIT).untilAsserted(() -> assertThat(registeredByKey()).isEqualTo(Map.of(
                        "key-alpha", expected.get("alpha"), "key-beta", expected.get("beta"))));

                // placed by the owner of alpha, registered by whichever instance owns the account it went to
                send("two-more", request(List.of("300000", "300001")));
                await().atMost(WAIT).untilAsserted(() -> assertThat(registeredByKey()).isEqualTo(Map.of(
                        "key-alpha", after.get("alpha"), "key-beta", after.get("beta"))));
                for (ConfigurableApplicationContext hub : List.of(a, b)) {
                    await().atMost(WAIT).untilAsserted(() -> {
                        JsonNode details = health(hub, "kiwoomSubscriptions").path("details");
                        assertThat(details.path("alpha").path("items").asInt()).isEqualTo(187);
                        assertThat(details.path("beta").path("items").asInt()).isEqualTo(187);
                    });
                }
                JsonNode atB = health(b, "kiwoomSubscriptions").path("details");
                assertThat(atB.path(moved).path("heldHere").asBoolean()).isTrue();
                assertThat(atB.path(kept).path("heldHere").asBoolean()).isFalse();
            }
            // b handed its account back on its way out: a's new session for it registers exactly that share
            await().atMost(WAIT).until(() -> loggedIn(a).containsAll(ACCOUNTS));
            await().atMost(WAIT).untilAsserted(() -> assertThat(registeredByKey()).isEqualTo(Map.of(
                    "key-alpha", after.get("alpha"), "key-beta", after.get("beta"))));
        }
    }

    /** What the session of the account at {@code parity} (0 alpha, 1 beta) registers before the two-more request. */
    private static Set<String> share(int parity) {
        Set<String> regs = new HashSet<>(parity == 0 ? List.of("0s:", "1h:", "04:", "0J:001") : List.of("04:", "0J:101"));
        for (List<String> list : List.of(WATCHLIST, RUN_TIME)) {
            IntStream.range(0, list.size()).filter(i -> i % 2 == parity).forEach(i -> regs.add("0B:" + list.get(i)));
        }
        return regs;
    }

    private static Set<String> plus(Set<String> set, String registration) {
        Set<String> more = new HashSet<>(set);
        more.add(registration);
        return more;
    }

    /** The item codes among the registrations (market- and account-wide ones have none). */
    private static List<String> items(Set<String> registrations) {
        return registrations.stream().map(r -> r.substring(r.indexOf(':') + 1)).filter(i -> !i.isEmpty()).sorted().toList();
    }

    private static String sample(List<String> items) throws Exception {
        return new ObjectMapper().writeValueAsString(items.subList(0, 20));
    }

    /** The registrations of each live sandbox session, by app key; a key with two sessions fails the test. */
    private static Map<String, Set<String>> registeredByKey() {
        List<SessionInfo> sessions = sandboxWs.sessions().stream().filter(s -> s.appKey() != null).toList();
        assertThat(sessions.stream().map(SessionInfo::appKey)).doesNotHaveDuplicates();
        return sessions.stream().collect(Collectors.toMap(SessionInfo::appKey, s -> s.groups().values().stream()
                .flatMap(Set::stream).collect(Collectors.toSet())));
    }

    private static List<String> loggedIn(ConfigurableApplicationContext hub) {
        KiwoomSessions sessions = hub.getBean(KiwoomSessions.class);
        return ACCOUNTS.stream().filter(alias -> sessions.find(alias).orElseThrow().state() == SessionState.LOGGED_IN)
                .toList();
    }

    private static String request(List<String> symbols) {
        return "{\"action\":\"SUBSCRIBE\",\"symbols\":[" + symbols.stream().map(s -> "\"" + s + "\"")
                .collect(Collectors.joining(",")) + "],\"channels\":[\"trades\"]}";
    }

    private static void send(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(REQUESTS, key, value)).get();
        }
    }

    private static JsonNode health(ConfigurableApplicationContext hub, String part) throws Exception {
        String port = hub.getEnvironment().getProperty("local.server.port");
        return new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/" + part)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static ConfigurableApplicationContext instance(String name) {
        List<String> arguments = new ArrayList<>(ClusterHubArguments.of(broker.getBrokersAsString(), sandbox, ACCOUNTS, name)
                .set("kiwoom.watchlist", "005930")
                .set("kiwoom.realtime.subscriptions.watchlist", String.join(",", WATCHLIST))
                .set("kiwoom.realtime.subscriptions.channels", "trades")
                .set("kiwoom.quotes.interval-ms", "600000")
                .set("kiwoom.candles.jobs", "")
                .set("kiwoom.account.interval-ms", "600000")
                .set("kiwoom.orders.enabled", "false")
                .set("logging.level.org.apache.camel", "WARN")
                .list());
        return new SpringApplicationBuilder(KiwoomHubApplication.class).run(arguments.toArray(String[]::new));
    }

    private static List<String> codes(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> String.format("%06d", i)).toList();
    }
}
