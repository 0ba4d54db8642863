package com.kiwoomhub.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import com.kiwoomhub.sandbox.MutableClock;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;
import com.kiwoomhub.sandbox.ws.WebSocketSettings;
import com.kiwoomhub.support.TopicReader;

/**
 * State that survives a restart: two hub runs, one after the other, on one Kafka broker and one
 * sandbox whose clock the test moves. The second run registers the watchlist and the run-time
 * subscriptions the first one was left with, and publishes only the hourly bars closed since: each
 * closed bar of the series is published once over both runs.
 */
@ExtendWith(KafkaTestkitShutdownHooks.class)
class RestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter CNTR_TM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String SERIES = "005930:60m";
    /** What Kiwoom holds at the end of each run: the watchlist, the market-wide types and 900101's trades. */
    private static final String[] REGISTERED = {"0B:005930", "0D:005930", "0B:000660", "0D:000660", "0B:900101", "0s:",
        "04:", "0J:001", "0J:101", "1h:"};

    private static EmbeddedKafkaKraftBroker broker;
    private static MutableClock clock;
    private static Sandbox sandbox;
    private static SandboxWebSocket sandboxWs;

    @BeforeAll
    static void brokerAndSandbox() {
        // the topics the hub consumes exist before it subscribes (as the hub's own embedded broker makes them)
        broker = new EmbeddedKafkaKraftBroker(1, 3, "kiwoom.subscription-requests", "kiwoom.candles");
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        // today's KST date (the hub asks for charts up to it) at 10:00:05, so that three more hours stay on it
        clock = new MutableClock(LocalDate.now(KST).atTime(10, 0, 5).atZone(KST).toInstant());
        // the shortest history the sandbox takes: about 420 hourly bars, one page. The request budget runs on
        // the sandbox clock, which stands still between the test's steps: 5 ka10080 a second would be 5 in all.
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "history-days", "60", "rate-limit", "0")),
                clock);
        sandboxWs = new SandboxWebSocket(sandbox.vertx(), sandbox, WebSocketSettings.defaults());
        sandbox.realtime(sandboxWs);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        broker.destroy();
    }

    @Test
    void runTimeSubscriptionsAndPublishedCandlesCarryOverToTheNextRun() throws Exception {
        sandbox.step();
        LocalDateTime firstHour = LocalDateTime.ofInstant(clock.instant(), KST).truncatedTo(ChronoUnit.HOURS);
        try (TopicReader candles = new TopicReader(broker.getBrokersAsString(), "kiwoom.candles");
             TopicReader progress = new TopicReader(broker.getBrokersAsString(), "kiwoom.candle-progress")) {
            try (ConfigurableApplicationContext first = hub()) {
                // back to back, while the start-up REGs are still paced out: the REMOVE of 900102 leaves after its REG
                // whatever Kiwoom refuses for pace (105110) on the way
                send("""
                        {"action":"SUBSCRIBE","symbols":["900101"],"channels":["trades"]}""");
                send("""
                        {"action":"SUBSCRIBE","symbols":["900102"],"channels":["trades","orderbooks"]}""");
                send("""
                        {"action":"UNSUBSCRIBE","symbols":["900102"],"channels":["trades","orderbooks"]}""");
                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(health(first).path("default").path("runTimeSubscriptions")).hasToString("[\"900101 trades\"]");
                    assertThat(sandboxWs.framesReceived()).anyMatch(f -> f.contains("REMOVE") && f.contains("900102"));
                    assertThat(registrations()).containsExactlyInAnyOrder(REGISTERED);
                });
                // the closed bars are on Kafka, their progress too, and later polls have been answered
                await().atMost(WAIT).untilAsserted(() -> {
                    List<String> closed = closedStarts(candles.records());
                    assertThat(closed).isNotEmpty();
                    assertThat(lastProgress(progress.records())).isEqualTo(closed.get(closed.size() - 1));
                    assertThat(sandbox.requests().withApiId("ka10080")).hasSizeGreaterThanOrEqualTo(3);
                });
            }
            int closedFirst = closedStarts(candles.records()).size();
            int requestsBefore = sandbox.requests().withApiId("ka10080").size();

            // three more hours of trading while the hub is down: the first run's forming bar and two more close
            for (int hour = 1; hour <= 3; hour++) {
                clock.advance(Duration.ofHours(1));
                sandbox.step();
            }
            List<String> newlyClosed = List.of(kst(firstHour), kst(firstHour.plusHours(1)), kst(firstHour.plusHours(2)));

            try (ConfigurableApplicationContext second = hub()) {
                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(registrations()).containsExactlyInAnyOrder(REGISTERED);
                    assertThat(closedStarts(candles.records())).hasSizeGreaterThanOrEqualTo(closedFirst + 3);
                    assertThat(lastProgress(progress.records())).isEqualTo(newlyClosed.get(2));
                    // three polls answered: those after the one that published the new bars must publish none again
                    assertThat(sandbox.requests().withApiId("ka10080")).hasSizeGreaterThanOrEqualTo(requestsBefore + 3);
                });
                assertThat(health(second).path("default").path("runTimeSubscriptions")).hasToString("[\"900101 trades\"]");
            }
            List<JsonNode> closed = closedBars(candles.records());
            List<String> closedBoth = closed.stream().map(bar -> bar.path("start").asText()).toList();
            assertThat(closedBoth.subList(closedFirst, closedBoth.size())).as("published by the second run")
                    .containsExactlyElementsOf(newlyClosed);
            Map<String, JsonNode> page = sandboxMinuteBars();
            page.remove(kst(firstHour.plusHours(3)));
            assertThat(closedBoth).as("each closed bar of the series, once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(page.keySet());
            for (JsonNode bar : closed) {
                JsonNode row = page.get(bar.path("start").asText());
                for (String[] field : new String[][] {{"open", "open_pric"}, {"high", "high_pric"}, {"low", "low_pric"},
                        {"close", "cur_prc"}, {"volume", "trde_qty"}}) {
                    assertThat(bar.path(field[0]).asLong()).as("%s %s", bar.path("start"), field[0])
                            .isEqualTo(Math.abs(row.path(field[1]).asLong()));
                }
            }
        }
    }

    /** A KST time as the candle records write it, e.g. 2026-12-02T10:51:00+09:00. */
    private static String kst(LocalDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(KST).toOffsetDateTime());
    }

    private static ConfigurableApplicationContext hub() {
        SandboxSettings.Credential keys = sandbox.settings().credentials().get(0);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kafka.bootstrap-servers", broker.getBrokersAsString());
        properties.put("kiwoom.app-key", keys.appKey());
        properties.put("kiwoom.secret-key", keys.secretKey());
        properties.put("kiwoom.account-number", keys.accountNumber());
        properties.put("kiwoom.base-url", sandbox.baseUrl());
        properties.put("kiwoom.ws-url", sandbox.wsUrl());
        properties.put("kiwoom.market-hours-only", "false");
        properties.put("kiwoom.watchlist", "005930,000660");
        properties.put("kiwoom.candles.jobs", SERIES);
        properties.put("kiwoom.candles.interval-ms", "300");
        properties.put("kiwoom.candles.backfill-pages", "1");
        properties.put("kiwoom.quotes.interval-ms", "600000");
        properties.put("kiwoom.account.interval-ms", "600000");
        properties.put("kiwoom.orders.enabled", "false");
        properties.put("camel.main.routes-reload-enabled", "false");
        properties.put("server.port", "0");
        // as command-line arguments, which override application.yaml
        return new SpringApplicationBuilder(KiwoomHubApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static JsonNode health(ConfigurableApplicationContext hub) throws Exception {
        String port = hub.getEnvironment().getProperty("local.server.port");
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/kiwoomSubscriptions")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).path("details");
    }

    private static void send(String request) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // one key: the requests stay in order on one partition
            producer.send(new ProducerRecord<>("kiwoom.subscription-requests", "restart-test", request)).get();
        }
    }

    /** The registrations of the sandbox's logged-in connection, as type:item. */
    private static List<String> registrations() {
        return sandboxWs.sessions().stream().filter(s -> s.appKey() != null).map(SessionInfo::groups)
                .flatMap(g -> g.values().stream()).flatMap(Set::stream).toList();
    }

    /** The closed bars of the series among these records, in publishing order. */
    private static List<JsonNode> closedBars(List<ConsumerRecord<String, String>> records) throws Exception {
        List<JsonNode> bars = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode bar = JSON.readTree(r.value());
            if (SERIES.equals(r.key()) && bar.path("final").asBoolean()) {
                bars.add(bar);
            }
        }
        return bars;
    }

    private static List<String> closedStarts(List<ConsumerRecord<String, String>> records) throws Exception {
        return closedBars(records).stream().map(bar -> bar.path("start").asText()).toList();
    }

    /** The start of the newest closed bar of the series the hub has marked as published, as the candles write it. */
    private static String lastProgress(List<ConsumerRecord<String, String>> records) throws Exception {
        String last = null;
        for (ConsumerRecord<String, String> r : records) {
            JsonNode mark = JSON.readTree(r.value());
            if (SERIES.equals(mark.path("series").asText())) {
                last = kst(OffsetDateTime.parse(mark.path("lastClosedStart").asText())
                        .atZoneSameInstant(KST).toLocalDateTime());
            }
        }
        return last;
    }

    /** The sandbox's 005930 hourly bars, all on one page, by start time as the hub writes it. */
    private static Map<String, JsonNode> sandboxMinuteBars() throws Exception {
        SandboxSettings.Credential keys = sandbox.settings().credentials().get(0);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\",\"appkey\":\""
                        + keys.appKey() + "\",\"secretkey\":\"" + keys.secretKey() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String today = LocalDate.now(clock.withZone(KST)).format(DateTimeFormatter.BASIC_ISO_DATE);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/dostk/chart"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("api-id", "ka10080")
                .header("authorization", "Bearer " + token.path("token").asText())
                .POST(HttpRequest.BodyPublishers.ofString("{\"stk_cd\":\"005930\",\"tic_scope\":\"60\",\"base_dt\":\""
                        + today + "\",\"upd_stkpc_tp\":\"1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("return_code").asInt(-1)).as(response.body()).isZero();
        assertThat(response.headers().firstValue("cont-yn")).as("the whole series on one page").hasValue("N");
        Map<String, JsonNode> byStart = new HashMap<>();
        for (JsonNode row : answer.path("stk_min_pole_chart_qry")) {
            LocalDateTime start = LocalDateTime.parse(row.path("cntr_tm").asText(), CNTR_TM);
            byStart.put(kst(start), row);
        }
        return byStart;
    }
}
