package com.kiwoomhub.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.sandbox.RequestJournal.ReceivedRequest;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.support.TopicReader;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per-symbol polling (ka10001) against a sandbox that enforces 5 requests a second per TR: every
 * symbol is published every cycle, and the hub never sends a sixth request inside a second.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KiwoomHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "kiwoom.watchlist=005930,000660,035420,035720,005380,051910,006400,068270,105560,055550,012330,028260",
        "kiwoom.quotes.tr=ka10001",
        "kiwoom.quotes.interval-ms=500",
        "kiwoom.candles.jobs=",
        "kiwoom.sandbox.rate-limit=5",
        // Arrivals are timed at the sandbox: the margin covers scheduling jitter on this shared 2-core machine.
        "kiwoom.client.rate-limit.safety-margin=250ms",
        "kiwoom.realtime.enabled=false"})
@ExtendWith(KafkaTestkitShutdownHooks.class)
class QuotePollingRateLimitTest {

    @Autowired
    Sandbox sandbox;
    @Autowired
    MeterRegistry meters;
    @Value("${kafka.bootstrap-servers}")
    String kafka;

    @Test
    void everySymbolIsPublishedEveryCycleWithinFiveRequestsASecond() {
        List<ConsumerRecord<String, String>> quotes = TopicReader.awaitRecords(kafka, "kiwoom.quotes",
                Duration.ofSeconds(40), rs -> perSymbol(rs).size() == 12 && perSymbol(rs).values().stream().allMatch(n -> n >= 3));

        assertThat(perSymbol(quotes)).hasSize(12);
        List<Instant> sent = sandbox.requests().withApiId("ka10001").stream().map(ReceivedRequest::at).toList();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(36);
        for (int i = 5; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 5), sent.get(i)))
                    .as("requests %d and %d are more than a second apart: %s", i - 5, i, sent)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        var rejected = meters.find("kiwoom.tr.errors").tag("code", "1700").counter();
        assertThat(rejected == null ? 0 : rejected.count()).as("HTTP 429 answers").isZero();
    }

    private static Map<String, Long> perSymbol(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }
}
