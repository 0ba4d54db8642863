package com.kiwoomhub.realtimeflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.kiwoomhub.feed.DownstreamFeed;

import io.micrometer.core.instrument.MeterRegistry;

/** The feed under abuse: vanishing clients, huge subscriptions, no token. Limits close with a code and a reason. */
@ExtendWith(OutputCaptureExtension.class)
class FeedLimitsTest extends RealtimeFlowsTest {

    @Autowired
    DownstreamFeed feed;
    @Autowired
    MeterRegistry meters;
    private final AtomicInteger volume = new AtomicInteger();

    @Test
    void fiveHundredClientsThatVanishMidBurstAreForgottenAtOnceAndQuietly(CapturedOutput output) throws Exception {
        await().atMost(WAIT).until(() -> feed.clientCount() == 0);
        List<FeedTestClient> clients = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            clients.add(new FeedTestClient(FEED_PORT));
        }
        for (FeedTestClient client : clients) {
            client.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[\"900601\"]}");
        }
        await().atMost(WAIT).until(() -> clients.stream().allMatch(c -> !c.replies("SUBSCRIBED").isEmpty()));
        assertThat(gauge()).isEqualTo(500);

        AtomicBoolean bursting = new AtomicBoolean(true);
        Thread burst = new Thread(() -> {
            while (bursting.get()) { // 100 frames a second: 100,000 records a second to the 500 clients
                pushTradesAndBooks(volume.incrementAndGet(), List.of("900601"));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        });
        burst.start();
        try {
            await().atMost(WAIT).until(() -> clients.stream().filter(c -> !c.records().isEmpty()).count() >= 250);
            int logBefore = output.getAll().length();
            clients.forEach(FeedTestClient::abort);
            await().atMost(WAIT).until(() -> gauge() == 0);
            await().during(java.time.Duration.ofSeconds(2)).atMost(WAIT).until(() -> gauge() == 0);

            List<String> feedLines = output.getAll().substring(logBefore).lines()
                    // lines of the feed and its socket layer only: other cached hubs in this JVM log their own
                    .filter(l -> l.startsWith("\tat ") || l.contains("DownstreamFeed") || l.contains("vertx")
                            || l.contains("io.netty")).toList();
            assertThat(feedLines).as(String.join("\n", feedLines)).hasSizeLessThan(10);
        } finally {
            bursting.set(false);
            burst.join(10_000);
        }
    }

    @Test
    void tenThousandSymbolsInOneRequestAreRefusedByTheFrameLimit() throws Exception {
        String symbols = IntStream.range(0, 10_000).mapToObj(i -> "\"" + (100000 + i) + "\"").collect(Collectors.joining(","));
        try (FeedTestClient client = new FeedTestClient(FEED_PORT)) {
            client.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[" + symbols + "]}");
            assertThat(client.closed().get(30, TimeUnit.SECONDS)).isEqualTo("1009 message too big: at most 16384 bytes");
        }
    }

    @Test
    void moreSymbolsThanTheLimitCloseTheClientWithTheReason() throws Exception {
        try (FeedTestClient client = new FeedTestClient(FEED_PORT)) {
            client.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[" + codes(0, 40) + "]}");
            await().atMost(WAIT).until(() -> client.replies("SUBSCRIBED").size() == 1);
            client.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[" + codes(35, 11) + "]}");
            await().atMost(WAIT).until(() -> client.replies("SUBSCRIBED").size() == 2);
            client.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[" + codes(46, 5) + "]}");
            assertThat(client.closed().get(10, TimeUnit.SECONDS))
                    .isEqualTo("1008 subscription limit: at most 50 symbols per client");
        }
        await().atMost(WAIT).until(() -> feed.clientCount() == 0);
    }

    @Test
    void aClientWithoutTheFeedTokenIsClosedAndOneWithItInAHeaderIsServed() throws Exception {
        for (String query : List.of("", "?token=wrong")) {
            try (FeedTestClient client = new FeedTestClient(FEED_PORT, query, null)) {
                assertThat(client.closed().get(10, TimeUnit.SECONDS)).isEqualTo("1008 feed token missing or wrong");
            }
        }
        try (FeedTestClient client = new FeedTestClient(FEED_PORT, "", "Bearer " + FEED_TOKEN)) {
            client.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[\"900701\"]}");
            await().atMost(WAIT).until(() -> client.replies("SUBSCRIBED").size() == 1);
        }
        assertThat(meters.counter("hub.feed.refused", "reason", "token").count()).isEqualTo(2);
    }

    private double gauge() {
        return meters.get("hub.feed.clients").gauge().value();
    }

    private static String codes(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "\"9008" + String.format("%02d", i) + "\"")
                .collect(Collectors.joining(","));
    }
}
