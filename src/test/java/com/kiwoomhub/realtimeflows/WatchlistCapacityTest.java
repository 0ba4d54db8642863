package com.kiwoomhub.realtimeflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.realtime.KiwoomSessions;
import com.kiwoomhub.realtime.Subscriptions;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;
import com.kiwoomhub.support.TopicReader;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A 2,000-symbol quote watchlist beside a 150-symbol real-time watchlist on one account (200 Kiwoom
 * item slots): every REG is accepted (no 105115), the indices and all 150 symbols are registered,
 * and every ka10095 cycle publishes a quote for each of the 2,000 symbols.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KiwoomHubApplication.class, properties = {
        "camel.main.routes-reload-enabled=false",
        "kiwoom.sandbox.tick-interval=0",
        // a short generated history: ka10095 reads each symbol's 250-day extremes on its first call
        "kiwoom.sandbox.history-days=260",
        // codes 100000 … 101999 beside the built-in names
        "kiwoom.sandbox.generated-symbols=2000",
        "kiwoom.quotes.interval-ms=1000",
        "kiwoom.candles.jobs=",
        "kiwoom.orders.enabled=false"})
@Import(SandboxRealtime.class)
@ExtendWith(KafkaTestkitShutdownHooks.class)
@Disabled("Green alone, red in the full suite (2,000-symbol quote cycles not complete within 2 min); cause not found yet")
class WatchlistCapacityTest {

    private static final List<String> UNIVERSE = IntStream.range(0, 2_000)
            .mapToObj(i -> String.format("%06d", 100_000 + i)).toList();
    private static final List<String> REALTIME = UNIVERSE.subList(0, 150);

    @DynamicPropertySource
    static void watchlists(DynamicPropertyRegistry registry) {
        registry.add("kiwoom.watchlist", () -> String.join(",", UNIVERSE));
        registry.add("kiwoom.realtime.subscriptions.watchlist", () -> String.join(",", REALTIME));
    }

    @Autowired
    KiwoomSessions sessions;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    SandboxWebSocket sandboxWs;
    @Autowired
    MeterRegistry meters;
    @Value("${kafka.embedded-address}")
    String kafka;
    @Value("${topics.quotes}")
    String quotes;

    @Test
    void everyRegIsAcceptedAndEveryQuoteCycleIsComplete() {
        try (TopicReader quoteTopic = new TopicReader(kafka, quotes)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(registrations())
                    .hasSize(150 * 2 + 2 + 3)
                    .contains("0J:001", "0J:101", "1h:", "0s:", "04:", "0B:100149", "0D:100000"));
            assertThat(registrations()).noneMatch(r -> r.endsWith(":100150"));
            assertThat(sessions.all()).hasSize(1);
            assertThat(sessions.all().get(0).registeredItems()).isEqualTo(152);
            // never refused for the item cap; a REG refused for its pace (105110) is sent again a second later
            // by the registration pump, and the full set above shows it landed
            assertThat(meters.find("kiwoom.ws.reg.errors").tag("code", "105115").counters()).isEmpty();
            assertThat(subscriptions.coverage().complete()).isTrue();
            assertThat(subscriptions.coverage().symbols()).isEqualTo(REALTIME);

            // two complete cycles: every one of the 2,000 symbols at least twice
            await().atMost(Duration.ofSeconds(120)).until(() -> perSymbol(quoteTopic.records()).values().stream()
                    .filter(n -> n >= 2).count() == UNIVERSE.size());
            assertThat(perSymbol(quoteTopic.records()).keySet()).containsExactlyInAnyOrderElementsOf(UNIVERSE);
            assertThat(meters.find("kiwoom.ws.reg.errors").tag("code", "105115").counters()).isEmpty();
        }
    }

    private List<String> registrations() {
        return sandboxWs.sessions().stream().filter(s -> s.appKey() != null).map(SessionInfo::groups)
                .flatMap(g -> g.values().stream()).flatMap(java.util.Set::stream).toList();
    }

    private static Map<String, Long> perSymbol(List<ConsumerRecord<String, String>> records) {
        Map<String, Long> counts = new HashMap<>(records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting())));
        return counts;
    }
}
