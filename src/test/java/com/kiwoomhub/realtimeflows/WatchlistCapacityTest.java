package com.kiwoomhub.realtimeflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.realtime.KiwoomSessions;
import com.kiwoomhub.realtime.Subscriptions;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;
import com.kiwoomhub.support.TopicReader;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The quote watchlist and the real-time watchlist are separate lists, and only the real-time one is
 * bound by Kiwoom's item slots: 300 quote symbols beside 250 real-time symbols (50 of them not
 * quoted) on one account (200 slots). The two indices and the first 198 real-time symbols are
 * registered for trades and order books, the other 52 are left out with one warning and in health,
 * no REG is refused for the item cap (105115), and every quote symbol, and only those, is quoted.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KiwoomHubApplication.class, properties = {
        "camel.main.routes-reload-enabled=false",
        "kiwoom.sandbox.tick-interval=0",
        // a short generated history: ka10095 reads each symbol's 250-day extremes on its first call
        "kiwoom.sandbox.history-days=260",
        // codes 100000 … 100399 beside the built-in names
        "kiwoom.sandbox.generated-symbols=400",
        "kiwoom.quotes.interval-ms=1000",
        "kiwoom.candles.jobs=",
        "kiwoom.orders.enabled=false"})
@Import(SandboxRealtime.class)
@ExtendWith({KafkaTestkitShutdownHooks.class, OutputCaptureExtension.class})
class WatchlistCapacityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUOTED = codes(100_000, 300);
    private static final List<String> REALTIME = codes(100_100, 250);
    /** 200 slots less the two indices (001 KOSPI, 101 KOSDAQ). */
    private static final List<String> FITTING = REALTIME.subList(0, 198);
    private static final List<String> LEFT_OUT = REALTIME.subList(198, 250);
    private static final String SHORTFALL = "The real-time subscriptions need 252 Kiwoom item slots but 1 account(s) carry"
            + " 200 (200 per connection, less what is taken): subscribed 2 index(es) and the first 198 real-time"
            + " watchlist symbol(s); left out 52 (100298, 100299, 100300, 100301, 100302 … 100349).";

    @DynamicPropertySource
    static void watchlists(DynamicPropertyRegistry registry) {
        registry.add("kiwoom.watchlist", () -> String.join(",", QUOTED));
        registry.add("kiwoom.realtime.subscriptions.watchlist", () -> String.join(",", REALTIME));
    }

    @Autowired
    KiwoomSessions sessions;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    @Qualifier("kiwoomRealtime")
    HealthIndicator realtimeHealth;
    @Autowired
    SandboxWebSocket sandboxWs;
    @Autowired
    MeterRegistry meters;
    @Value("${kafka.embedded-address}")
    String kafka;
    @Value("${topics.quotes}")
    String quotes;

    @Test
    void registersTheIndicesAndTheFirstFittingSymbolsSaysWhatIsLeftOutAndQuotesTheWholeQuoteWatchlist(
            CapturedOutput output) {
        try (TopicReader quoteTopic = new TopicReader(kafka, quotes)) {
            Set<String> expected = FITTING.stream().flatMap(code -> Stream.of("0B:" + code, "0D:" + code))
                    .collect(Collectors.toSet());
            expected.addAll(List.of("0J:001", "0J:101", "1h:", "0s:", "04:"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(registrations()).containsExactlyInAnyOrderElementsOf(expected));
            assertThat(sessions.all()).hasSize(1);
            assertThat(sessions.all().get(0).registeredItems()).isEqualTo(200);
            assertThat(meters.find("kiwoom.ws.reg.errors").tag("code", "105115").counters()).isEmpty();

            assertThat(subscriptions.coverage().indices()).containsExactly("001", "101");
            assertThat(subscriptions.coverage().symbols()).isEqualTo(FITTING);
            assertThat(subscriptions.coverage().leftOut()).isEqualTo(LEFT_OUT);
            assertThat(output.getOut().split(Pattern.quote(SHORTFALL), -1)).as("one warning").hasSize(2);
            assertThat(realtimeHealth.health().getDetails().get("watchlist")).isEqualTo(Map.of(
                    "complete", false, "slots", 200, "indices", 2, "symbols", 198, "leftOut", 52,
                    "firstLeftOut", "100298, 100299, 100300, 100301, 100302 … 100349"));

            // one complete quote cycle: a consistent quote for each of the 300, none for the 50 real-time-only codes
            await().atMost(Duration.ofSeconds(60)).until(() -> quoted(quoteTopic.records()).keySet().containsAll(QUOTED));
            Map<String, JsonNode> quoted = quoted(quoteTopic.records());
            assertThat(quoted.keySet()).containsExactlyInAnyOrderElementsOf(QUOTED);
            assertThat(quoted.values()).allSatisfy(q -> {
                assertThat(q.path("price").asLong()).isPositive();
                assertThat(q.path("price").asLong()).isEqualTo(q.path("previousClose").asLong() + q.path("change").asLong());
                assertThat(q.path("source").asText()).isEqualTo("ka10095");
            });
            assertThat(meters.find("kiwoom.ws.reg.errors").tag("code", "105115").counters()).isEmpty();
        }
    }

    private static List<String> codes(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> String.format("%06d", i)).toList();
    }

    private List<String> registrations() {
        return sandboxWs.sessions().stream().filter(s -> s.appKey() != null).map(SessionInfo::groups)
                .flatMap(g -> g.values().stream()).flatMap(Set::stream).toList();
    }

    /** The last quote of each symbol. */
    private static Map<String, JsonNode> quoted(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, WatchlistCapacityTest::json, (a, b) -> b));
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
