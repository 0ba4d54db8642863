package com.kiwoomhub.realtimeflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.kiwoomhub.canonical.MessageType;
import com.kiwoomhub.sandbox.MarketSimulator;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.TradingVenue;
import com.kiwoomhub.support.TopicReader;

/** The sandbox market's _NX and _AL rows become Trade records of venue NXT and UNIFIED on kiwoom.trades. */
class VenueTradesTest extends RealtimeFlowsTest {

    private static final String KAKAO = "035720";

    @Autowired
    Sandbox sandbox;
    @Value("${topics.trades}")
    String trades;
    @Value("${topics.subscription-requests}")
    String requests;

    @Test
    void nxtAndAlRegistrationsBecomeNxtAndUnifiedTrades() throws Exception {
        send(requests, "venues", """
                {"action":"SUBSCRIBE","symbols":["035720_NX","035720_AL"],"channels":["trades"]}""");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations())
                .contains("0B:035720_NX", "0B:035720_AL"));

        try (TopicReader tradeTopic = reader(trades)) {
            long nxtVolumeBefore = sandbox.market().quote(KAKAO, TradingVenue.NXT).volume();
            // a KRX trade of one share has no NXT part; step until NXT has traded
            await().atMost(WAIT).until(() -> {
                sandbox.step();
                return sandbox.market().quote(KAKAO, TradingVenue.NXT).volume() > nxtVolumeBefore;
            });
            MarketSimulator.Quote krx = sandbox.market().quote(KAKAO, TradingVenue.KRX);
            MarketSimulator.Quote nxt = sandbox.market().quote(KAKAO, TradingVenue.NXT);
            MarketSimulator.Quote sor = sandbox.market().quote(KAKAO, TradingVenue.SOR);
            assertThat(sor.volume()).isEqualTo(krx.volume() + nxt.volume());

            await().atMost(WAIT).until(() -> lastOf(tradeTopic, "NXT").path("cumulativeVolume").asLong() == nxt.volume()
                    && lastOf(tradeTopic, "UNIFIED").path("cumulativeVolume").asLong() == sor.volume());
            assertTrade(lastOf(tradeTopic, "NXT"), nxt);
            assertTrade(lastOf(tradeTopic, "UNIFIED"), sor);
            assertThat(tradeTopic.withKey(KAKAO)).extracting(r -> valid(MessageType.TRADE, r.value()).path("venue").asText())
                    .containsOnly("NXT", "UNIFIED");
        }

        send(requests, "venues", """
                {"action":"UNSUBSCRIBE","symbols":["035720_NX","035720_AL"],"channels":["trades"]}""");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations()).noneMatch(r -> r.contains(KAKAO)));
    }

    /** The trade record equals the sandbox's last trade on that venue. */
    private static void assertTrade(JsonNode trade, MarketSimulator.Quote venue) {
        assertThat(trade.path("symbol").asText()).isEqualTo(KAKAO);
        assertThat(trade.path("price").asLong()).isEqualTo(venue.price());
        assertThat(trade.path("change").asLong()).isEqualTo(venue.price() - venue.previousClose());
        assertThat(trade.path("size").asLong()).isEqualTo(Math.abs(venue.lastTradeQuantity()));
        assertThat(trade.path("side").asText()).isEqualTo(venue.lastTradeQuantity() > 0 ? "BUY" : "SELL");
        assertThat(trade.path("cumulativeVolume").asLong()).isEqualTo(venue.volume());
        assertThat(trade.path("cumulativeTurnover").asLong()).isEqualTo(venue.turnover() / 1_000_000 * 1_000_000);
        assertThat(trade.path("session").asText()).isEqualTo("REGULAR");
    }

    private static JsonNode lastOf(TopicReader topic, String venue) {
        List<JsonNode> records = topic.withKey(KAKAO).stream().map(r -> valid(MessageType.TRADE, r.value()))
                .filter(t -> t.path("venue").asText().equals(venue)).toList();
        return records.isEmpty() ? MissingNode.getInstance() : records.get(records.size() - 1);
    }
}
