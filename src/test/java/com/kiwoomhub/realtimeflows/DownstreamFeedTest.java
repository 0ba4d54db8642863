package com.kiwoomhub.realtimeflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.kiwoomhub.canonical.MessageType;
import com.kiwoomhub.feed.DownstreamFeed;

/** WebSocket clients of the hub's feed receive exactly the records they subscribed, from Kafka. */
class DownstreamFeedTest extends RealtimeFlowsTest {

    @Autowired
    DownstreamFeed feed;
    private final AtomicInteger volume = new AtomicInteger();

    @Test
    void eachClientReceivesExactlyTheSymbolsAndChannelsItSubscribed() throws Exception {
        try (FeedTestClient trades401 = new FeedTestClient(FEED_PORT); FeedTestClient all402 = new FeedTestClient(FEED_PORT)) {
            trades401.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[\"900401\"],\"channels\":[\"trades\"]}");
            all402.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[\"900402\"]}");
            await().atMost(WAIT).until(() -> !trades401.replies("SUBSCRIBED").isEmpty() && !all402.replies("SUBSCRIBED").isEmpty());
            assertThat(trades401.replies("SUBSCRIBED").get(0).path("subscriptions").toString())
                    .isEqualTo("{\"trades\":[\"900401\"],\"orderbooks\":[],\"expected-trades\":[],"
                            + "\"program-trades\":[],\"market-events\":[],\"indices\":[]}");
            assertThat(all402.replies("SUBSCRIBED").get(0).path("subscriptions").toString())
                    .isEqualTo("{\"trades\":[\"900402\"],\"orderbooks\":[\"900402\"],\"expected-trades\":[\"900402\"],"
                            + "\"program-trades\":[\"900402\"],\"market-events\":[\"900402\"],\"indices\":[]}");

            // The feed reads only the newest records: push until its consumer has joined, then a marker.
            await().atMost(WAIT).until(() -> {
                push();
                return !trades401.records().isEmpty() && all402.records().size() >= 2;
            });
            int marker = push();
            await().atMost(WAIT).until(() -> hasVolume(trades401, "trades", marker)
                    && hasVolume(all402, "trades", marker) && hasVolume(all402, "orderbooks", marker));

            assertThat(trades401.records()).allSatisfy(r -> {
                assertThat(r.path("channel").asText()).isEqualTo("trades");
                assertThat(r.path("data").path("symbol").asText()).isEqualTo("900401");
                valid(MessageType.TRADE, r.path("data").toString());
            });
            assertThat(all402.records()).allSatisfy(r -> assertThat(r.path("data").path("symbol").asText()).isEqualTo("900402"));
            assertThat(all402.records()).anySatisfy(r -> valid(MessageType.ORDER_BOOK, r.path("data").toString()));
            List<Long> volumes = trades401.records().stream().map(r -> r.path("data").path("cumulativeVolume").asLong()).toList();
            assertThat(volumes).as("in order, as on Kafka").isSorted();

            trades401.send("{\"type\":\"UNSUBSCRIBE\",\"symbols\":[\"900401\"]}");
            await().atMost(WAIT).until(() -> !trades401.replies("UNSUBSCRIBED").isEmpty());
            int seen = trades401.records().size();
            int after = push();
            await().atMost(WAIT).until(() -> hasVolume(all402, "trades", after));
            assertThat(trades401.records()).hasSize(seen);
        }
        await().atMost(WAIT).until(() -> feed.clientCount() == 0);
    }

    @Test
    void invalidRequestsGetAnErrorAndTheConnectionStays() throws Exception {
        try (FeedTestClient client = new FeedTestClient(FEED_PORT)) {
            // One request at a time: the WebSocket server does not keep the order of a client's frames.
            client.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[\"900501\"],\"channels\":[\"candles\"]}");
            await().atMost(WAIT).until(() -> client.replies("ERROR").size() == 1);
            client.send("hello");
            await().atMost(WAIT).until(() -> client.replies("ERROR").size() == 2);
            client.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[\"900501\"]}");
            await().atMost(WAIT).until(() -> client.replies("SUBSCRIBED").size() == 1);
            assertThat(client.replies("ERROR").get(0).path("message").asText())
                    .isEqualTo("unknown channel 'candles'; the feed has trades, orderbooks, expected-trades, program-trades, "
                            + "market-events, indices");
            assertThat(client.replies("ERROR").get(1).path("message").asText()).isEqualTo("not a JSON request");
        }
    }

    /** A frame with a trade of 900401 and 900402 and a book of 900401 and 900402; returns its volume. */
    private int push() {
        int v = volume.incrementAndGet();
        pushTradesAndBooks(v, List.of("900401", "900402"));
        return v;
    }

    private static boolean hasVolume(FeedTestClient client, String channel, int v) {
        return client.records().stream().filter(r -> channel.equals(r.path("channel").asText())).map(r -> r.path("data"))
                .anyMatch(d -> channel.equals("trades") ? d.path("cumulativeVolume").asLong() == v
                        : d.path("bids").path(0).path("quantity").asLong() == v);
    }
}
