package com.kiwoomhub.realtimeflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.kiwoomhub.canonical.MessageType;
import com.kiwoomhub.sandbox.MarketBreadth;
import com.kiwoomhub.sandbox.MarketSimulator;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.support.TopicReader;

/**
 * The sandbox's 0J, 1h, 0H and 0w rows reach kiwoom.indices, kiwoom.market-events,
 * kiwoom.expected-trades and kiwoom.program-trades over the real WebSocket, with the values the
 * sandbox's market holds.
 */
class MarketBreadthFlowsTest extends RealtimeFlowsTest {

    @Autowired
    Sandbox sandbox;
    @Value("${topics.indices}")
    String indices;
    @Value("${topics.market-events}")
    String marketEvents;
    @Value("${topics.expected-trades}")
    String expectedTrades;
    @Value("${topics.program-trades}")
    String programTrades;
    @Value("${topics.subscription-requests}")
    String requests;

    @Test
    void indicesAndMarketWideViAreRegisteredAtStartWithoutTakingSlotsForVi() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations())
                .contains("0J:001", "0J:101", "1h:", "0s:", "04:"));
    }

    @Test
    void everyStepsIndexLevelsBecomeIndexTicksAndTheKa20001PollAgrees() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations()).contains("0J:001", "0J:101"));
        try (TopicReader topic = reader(indices)) {
            sandbox.step();
            MarketBreadth.IndexLevel kospi = sandbox.market().index("001");
            MarketBreadth.IndexLevel kosdaq = sandbox.market().index("101");
            await().atMost(WAIT).until(() -> matches(last(topic, "001", "0J"), kospi)
                    && matches(last(topic, "101", "0J"), kosdaq));

            JsonNode tick = last(topic, "001", "0J");
            assertThat(tick.path("high").decimalValue()).isEqualByComparingTo(kospi.high());
            assertThat(tick.path("low").decimalValue()).isEqualByComparingTo(kospi.low());
            assertThat(tick.path("turnover").asLong()).isEqualTo(kospi.turnover() / 1_000_000 * 1_000_000);
            // the polled twin (routes/indices.camel.yaml, every 10 s) reads the same level from ka20001
            await().atMost(WAIT).until(() -> matches(last(topic, "001", "ka20001"), kospi)
                    && matches(last(topic, "101", "ka20001"), kosdaq));
            assertThat(last(topic, "001", "ka20001").path("high").decimalValue()).isEqualByComparingTo(kospi.high());
        }
    }

    @Test
    void aLargeMoveTriggersAViOnMarketEventsAndItsAuctionOnExpectedTrades() throws Exception {
        String naver = "035420";
        send(requests, "breadth", """
                {"action":"SUBSCRIBE","symbols":["035420"],"channels":["expected-trades"]}""");
        // 1h too: after a reconnect left by an earlier test, the restored registrations may still be on their way
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations()).contains("0H:035420", "1h:"));
        try (TopicReader events = reader(marketEvents); TopicReader auctions = reader(expectedTrades)) {
            MarketSimulator.Quote before = sandbox.market().quote(naver);
            // a single jump of over 10 %: static and dynamic VI at once
            long target = (before.previousClose() * 111 / 100 / 1_000 + 1) * 1_000;
            sandbox.market().setPrice(naver, target);
            MarketBreadth.Vi vi = sandbox.market().vi(naver).orElseThrow();

            // this move's VI, exactly once (the shared sandbox may have released an earlier one of NAVER)
            await().atMost(WAIT).until(() -> triggeredAt(events, naver, target).size() == 1);
            JsonNode event = valid(MessageType.VOLATILITY_INTERRUPTION, triggeredAt(events, naver, target).get(0));
            assertThat(event.path("status").asText()).isEqualTo("TRIGGERED");
            assertThat(event.path("kind").asText()).isEqualTo("STATIC_AND_DYNAMIC");
            assertThat(event.path("name").asText()).isEqualTo("NAVER");
            assertThat(event.path("triggerPrice").asLong()).isEqualTo(target).isEqualTo(vi.triggerPrice());
            assertThat(event.path("staticReferencePrice").asLong()).isEqualTo(vi.staticReference());
            assertThat(event.path("dynamicReferencePrice").asLong()).isEqualTo(before.price());
            assertThat(event.path("count").asInt()).isEqualTo(vi.count());
            assertThat(event.path("time").asText()).endsWith(vi.triggeredAt().toLocalTime().withNano(0) + "+09:00");
            assertThat(event.path("releasedAt").asText()).endsWith(vi.releaseAt().toLocalTime().withNano(0) + "+09:00");
            assertThat(event.path("triggerChangeRate").decimalValue()).isEqualByComparingTo(
                    BigDecimal.valueOf((target - before.previousClose()) * 100.0 / before.previousClose())
                            .setScale(2, java.math.RoundingMode.HALF_UP));

            // during the VI's auction the expected price follows the market
            sandbox.market().setPrice(naver, target + 1_000);
            await().atMost(WAIT).until(() -> last(auctions, naver).path("price").asLong() == target + 1_000);
            JsonNode auction = last(auctions, naver);
            assertThat(auction.path("change").asLong()).isEqualTo(target + 1_000 - before.previousClose());
            assertThat(auction.path("cumulativeVolume").asLong()).isEqualTo(sandbox.market().quote(naver).volume());
            assertThat(auction.path("quantity").asLong()).isPositive();
            assertThat(auction.path("venue").asText()).isEqualTo("KRX");
        }
    }

    /** The TRIGGERED events of the symbol at this trigger price, as published. */
    private static List<String> triggeredAt(TopicReader events, String symbol, long triggerPrice) {
        return events.withKey(symbol).stream().map(ConsumerRecord::value).filter(v -> {
            JsonNode e = valid(MessageType.VOLATILITY_INTERRUPTION, v);
            return "TRIGGERED".equals(e.path("status").asText()) && e.path("triggerPrice").asLong() == triggerPrice;
        }).toList();
    }

    @Test
    void programTradingTotalsBecomeProgramTradesInKrw() throws Exception {
        String hyundai = "005380";
        send(requests, "breadth", """
                {"action":"SUBSCRIBE","symbols":["005380"],"channels":["program-trades"]}""");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations()).contains("0w:005380"));
        try (TopicReader topic = reader(programTrades)) {
            sandbox.market().step(20);
            MarketBreadth.ProgramTally tally = sandbox.market().program(hyundai);
            await().atMost(WAIT).until(() -> last(topic, hyundai).path("buyQuantity").asLong() == tally.buyQuantity()
                    && last(topic, hyundai).path("sellQuantity").asLong() == tally.sellQuantity());

            JsonNode trade = last(topic, hyundai);
            assertThat(trade.path("buyAmount").asLong()).isEqualTo(tally.buyAmount() / 1_000_000 * 1_000_000);
            assertThat(trade.path("sellAmount").asLong()).isEqualTo(tally.sellAmount() / 1_000_000 * 1_000_000);
            assertThat(trade.path("netBuyQuantity").asLong()).isEqualTo(tally.buyQuantity() - tally.sellQuantity());
            assertThat(trade.path("netBuyAmount").asLong())
                    .isEqualTo(trade.path("buyAmount").asLong() - trade.path("sellAmount").asLong());
            assertThat(trade.path("price").asLong()).isEqualTo(sandbox.market().quote(hyundai).price());
        }
        send(requests, "breadth", """
                {"action":"UNSUBSCRIBE","symbols":["005380"],"channels":["program-trades"]}""");
    }

    private static boolean matches(JsonNode tick, MarketBreadth.IndexLevel level) {
        return !tick.isMissingNode() && tick.path("value").decimalValue().compareTo(level.value()) == 0
                && tick.path("change").decimalValue().compareTo(level.change()) == 0
                && tick.path("volume").asLong() == level.volume() / 1_000 * 1_000;
    }

    private static JsonNode last(TopicReader topic, String key) {
        return last(topic, key, null);
    }

    /** The last record of the key, of one source ({@code 0J}, {@code ka20001}) when given. */
    private static JsonNode last(TopicReader topic, String key, String source) {
        List<JsonNode> records = topic.withKey(key).stream().map(r -> valid(typeOf(r.topic()), r.value()))
                .filter(r -> source == null || source.equals(r.path("source").asText())).toList();
        return records.isEmpty() ? MissingNode.getInstance() : records.get(records.size() - 1);
    }

    private static MessageType typeOf(String topic) {
        return topic.endsWith("indices") ? MessageType.INDEX_TICK : topic.endsWith("expected-trades")
                ? MessageType.EXPECTED_TRADE : topic.endsWith("program-trades") ? MessageType.PROGRAM_TRADE
                : MessageType.VOLATILITY_INTERRUPTION;
    }
}
