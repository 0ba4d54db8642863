package com.kiwoomhub.orders;

import static com.kiwoomhub.support.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.MessageType;
import com.kiwoomhub.canonical.CanonicalSchemas;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.sandbox.MarketSimulator;
import com.kiwoomhub.sandbox.Sandbox;

/**
 * The order flow end to end: order requests on the embedded Kafka broker, the hub's routes from
 * {@code routes/}, the Kiwoom sandbox over HTTP and WebSocket, and the events and dead letters that
 * come out.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrderFlowTest extends OrderFlowHub {

    private static final String SYMBOL = "005930";

    @Autowired
    Sandbox sandbox;
    @Autowired
    TestRestTemplate http;
    @Value("${kafka.embedded-address}")
    String kafka;

    private OrderFlowFixture flow;

    @BeforeAll
    void start() {
        flow = new OrderFlowFixture(kafka, sandbox);
        sandbox.market().setLiquidity(SYMBOL, 1_000_000);
    }

    @AfterAll
    void stop() throws Exception {
        flow.close();
    }

    @Test
    void marketBuyIsAcceptedThenFilledInPartsWithRunningQuantities() {
        sandbox.market().setLiquidity("035420", 4);
        flow.send("default", newOrder("mkt-1", "BUY", "035420", 10, "MARKET", null));

        JsonNode accepted = flow.awaitEvent("mkt-1", "ACCEPTED").get(0);
        assertThat(accepted.path("status").asText()).isEqualTo("NEW");
        assertThat(accepted.path("brokerOrderId").asText()).matches("\\d{7}");
        assertThat(accepted.path("orderQuantity").asLong()).isEqualTo(10);
        String orderNumber = accepted.path("brokerOrderId").asText();
        Map<String, Object> sent = flow.calls("kt10000").get(flow.calls("kt10000").size() - 1);
        assertThat(sent).containsEntry("stk_cd", "035420").containsEntry("ord_qty", "10").containsEntry("trde_tp", "3")
                .containsEntry("dmst_stex_tp", "KRX").containsEntry("ord_uv", "");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sandbox.market().step();
            return flow.events("mkt-1").stream().anyMatch(e -> e.path("status").asText().equals("FILLED"));
        });
        List<JsonNode> fills = flow.events("mkt-1").stream().filter(e -> e.path("type").asText().equals("FILL")).toList();
        assertThat(fills).hasSizeGreaterThanOrEqualTo(3);
        assertThat(fills.get(0).path("lastFillQuantity").asLong()).isEqualTo(4);
        assertThat(fills.get(0).path("filledQuantity").asLong()).isEqualTo(4);
        assertThat(fills.get(0).path("remainingQuantity").asLong()).isEqualTo(6);
        assertThat(fills.get(0).path("status").asText()).isEqualTo("PARTIALLY_FILLED");
        long filled = 0;
        long value = 0;
        for (JsonNode fill : fills) {
            assertThat(fill.path("brokerOrderId").asText()).isEqualTo(orderNumber);
            filled += fill.path("lastFillQuantity").asLong();
            value += fill.path("lastFillQuantity").asLong() * fill.path("lastFillPrice").asLong();
            assertThat(fill.path("filledQuantity").asLong()).isEqualTo(filled);
            assertThat(fill.path("remainingQuantity").asLong()).isEqualTo(10 - filled);
        }
        JsonNode last = fills.get(fills.size() - 1);
        assertThat(filled).isEqualTo(10);
        assertThat(last.path("status").asText()).isEqualTo("FILLED");
        assertThat(last.path("averageFillPrice").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(value).divide(BigDecimal.TEN));
    }

    @Test
    void limitBuyRestsThenIsModifiedAndCancelledByOriginalClientOrderId() {
        long price = restingBuyPrice(SYMBOL);
        flow.send("default", newOrder("lim-1", "BUY", SYMBOL, 7, "LIMIT", price));
        JsonNode accepted = flow.awaitEvent("lim-1", "ACCEPTED").get(0);
        String root = accepted.path("brokerOrderId").asText();
        assertThat(accepted.path("status").asText()).isEqualTo("NEW");
        assertThat(flow.last("kt10000").get("ord_uv")).isEqualTo(Long.toString(price));

        long lower = price - OrderValidation.tickSize(price);
        flow.send("default", """
                {"clientOrderId":"lim-1-m","action":"MODIFY","originalClientOrderId":"lim-1","quantity":0,"price":%d}
                """.formatted(lower));
        JsonNode modifyAccepted = flow.awaitEvent("lim-1-m", "ACCEPTED").get(0);
        String modified = modifyAccepted.path("brokerOrderId").asText();
        assertThat(modifyAccepted.path("status").asText()).isEqualTo("PENDING");
        assertThat(modifyAccepted.path("originalBrokerOrderId").asText()).isEqualTo(root);
        assertThat(flow.last("kt10002")).containsEntry("orig_ord_no", root).containsEntry("mdfy_qty", "0")
                .containsEntry("mdfy_uv", Long.toString(lower)).containsEntry("stk_cd", SYMBOL);
        JsonNode modifiedEvent = flow.awaitEvent("lim-1", "MODIFIED").stream()
                .filter(e -> e.path("type").asText().equals("MODIFIED")).findFirst().orElseThrow();
        assertThat(modifiedEvent.path("brokerOrderId").asText()).isEqualTo(modified);
        assertThat(modifiedEvent.path("originalBrokerOrderId").asText()).isEqualTo(root);
        assertThat(modifiedEvent.path("status").asText()).isEqualTo("NEW");
        assertThat(modifiedEvent.path("remainingQuantity").asLong()).isEqualTo(7);

        flow.send("default", """
                {"clientOrderId":"lim-1-c","action":"CANCEL","originalClientOrderId":"lim-1"}
                """);
        JsonNode cancelAccepted = flow.awaitEvent("lim-1-c", "ACCEPTED").get(0);
        assertThat(cancelAccepted.path("originalBrokerOrderId").asText()).isEqualTo(modified);
        assertThat(flow.last("kt10003")).containsEntry("orig_ord_no", modified).containsEntry("cncl_qty", "0");
        List<JsonNode> all = flow.awaitEvent("lim-1", "CANCELLED");
        JsonNode cancelled = all.get(all.size() - 1);
        assertThat(cancelled.path("type").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("remainingQuantity").asLong()).isZero();
        assertThat(cancelled.path("filledQuantity").asLong()).isZero();
        assertThat(cancelled.path("brokerOrderId").asText()).isEqualTo(cancelAccepted.path("brokerOrderId").asText());
        assertThat(all).extracting(e -> e.path("type").asText()).containsExactly("ACCEPTED", "MODIFIED", "CANCELLED");
    }

    @Test
    void partOfAnOrderIsCancelledByBrokerOrderId() {
        long price = restingBuyPrice(SYMBOL);
        flow.send("default", newOrder("lim-2", "BUY", SYMBOL, 10, "LIMIT", price));
        String number = flow.awaitEvent("lim-2", "ACCEPTED").get(0).path("brokerOrderId").asText();

        flow.send("default", """
                {"clientOrderId":"lim-2-c","action":"CANCEL","brokerOrderId":"%s","quantity":4}
                """.formatted(number));
        flow.awaitEvent("lim-2-c", "ACCEPTED");
        assertThat(flow.last("kt10003")).containsEntry("orig_ord_no", number).containsEntry("cncl_qty", "4");
        JsonNode cancelled = flow.awaitEvent("lim-2", "CANCELLED").stream()
                .filter(e -> e.path("type").asText().equals("CANCELLED")).findFirst().orElseThrow();
        assertThat(cancelled.path("status").asText()).isEqualTo("NEW");
        assertThat(cancelled.path("orderQuantity").asLong()).isEqualTo(10);
        assertThat(cancelled.path("remainingQuantity").asLong()).isEqualTo(6);
        assertThat(cancelled.path("originalBrokerOrderId").asText()).isEqualTo(number);
    }

    @Test
    void kiwoomRejectionsBecomeRejectedEventsWithTheirCode() {
        sandbox.faults().rejectNextOrder("RC4058", "모의투자 장종료");
        flow.send("default", newOrder("rej-1", "BUY", SYMBOL, 1, "MARKET", null));
        JsonNode closed = flow.awaitEvent("rej-1", "REJECTED").get(0);
        assertThat(closed.path("status").asText()).isEqualTo("REJECTED");
        assertThat(closed.path("errorCode").asText()).isEqualTo("KIWOOM_RC4058");
        assertThat(closed.path("reason").asText()).isEqualTo("모의투자 장종료");
        assertThat(closed.has("brokerOrderId")).isFalse();

        flow.send("default", newOrder("rej-2", "SELL", "005380", 3, "MARKET", null));
        JsonNode noShares = flow.awaitEvent("rej-2", "REJECTED").get(0);
        assertThat(noShares.path("errorCode").asText()).isEqualTo("KIWOOM_800033");
        assertThat(noShares.path("reason").asText()).isEqualTo("매도가능수량이 부족합니다. 0주 매도가능");
        assertThat(noShares.path("side").asText()).isEqualTo("SELL");
        assertThat(flow.events("rej-2")).hasSize(1);
    }

    @Test
    void invalidRequestsAreDeadLetteredAndNeverReachKiwoom() {
        long callsBefore = flow.orderCalls();
        // event: the request has a well-formed clientOrderId, so it gets exactly one REJECTED besides its dead letter
        record Case(String value, String reason, boolean event) {
        }
        List<Case> cases = List.of(
                new Case("not json {", "The record value is not valid JSON", false),
                new Case("[1,2]", "The record value must be a JSON object", false),
                new Case("{\"action\":\"NEW\",\"side\":\"BUY\",\"symbol\":\"005930\",\"quantity\":1,\"orderType\":\"MARKET\"}",
                        "clientOrderId is required", false),
                new Case(newOrder("bad id!", "BUY", SYMBOL, 1, "MARKET", null),
                        "clientOrderId 'bad id!' must be 1 to 64 characters", false),
                new Case(newOrder("v-action", "BUY", SYMBOL, 1, "MARKET", null).replace("\"NEW\"", "\"BUY\""),
                        "action 'BUY' is not one of NEW, MODIFY, CANCEL", true),
                new Case(newOrder("v-symbol", "BUY", "A005930", 1, "MARKET", null),
                        "symbol 'A005930' must be the 6-character stock code", true),
                new Case("{\"clientOrderId\":\"v-nosymbol\",\"action\":\"NEW\",\"side\":\"BUY\",\"quantity\":1,\"orderType\":\"MARKET\"}",
                        "symbol is required for a NEW order", true),
                new Case(newOrder("v-qty", "BUY", SYMBOL, 0, "MARKET", null),
                        "quantity must be at least 1 share for a NEW order, got 0", true),
                new Case(newOrder("v-type", "BUY", SYMBOL, 1, "LIMITED", 70000L),
                        "orderType 'LIMITED' is not one of LIMIT, MARKET", true),
                new Case(newOrder("v-noprice", "BUY", SYMBOL, 1, "LIMIT", null), "price is required for orderType LIMIT", true),
                new Case(newOrder("v-tick", "BUY", SYMBOL, 1, "LIMIT", 70050L),
                        "price 70050 is not on the KRX tick grid (100 KRW steps at this price; e.g. 70000 or 70100)", true),
                new Case(newOrder("v-stop", "BUY", SYMBOL, 1, "STOP_LIMIT", 70000L),
                        "stopPrice is required for orderType STOP_LIMIT", true),
                new Case(newOrder("v-exchange", "BUY", SYMBOL, 1, "MARKET", null).replace("}", ",\"exchange\":\"SOR\"}"),
                        "exchange SOR is not allowed", true),
                new Case(newOrder("v-account", "BUY", SYMBOL, 1, "MARKET", null).replace("}", ",\"account\":\"nope\"}"),
                        "account 'nope' is not configured (known: default)", true),
                new Case("{\"clientOrderId\":\"v-cancel\",\"action\":\"CANCEL\"}",
                        "CANCEL needs originalClientOrderId or brokerOrderId", true),
                new Case("{\"clientOrderId\":\"v-modify\",\"action\":\"MODIFY\",\"originalClientOrderId\":\"nobody\",\"quantity\":0,\"price\":70000}",
                        "originalClientOrderId 'nobody' is not an order the hub knows", true),
                new Case("{\"clientOrderId\":\"v-modqty\",\"action\":\"MODIFY\",\"originalClientOrderId\":\"nobody\",\"price\":70000}",
                        "quantity is required for MODIFY", true),
                new Case("{\"clientOrderId\":\"v-brokerno\",\"action\":\"CANCEL\",\"brokerOrderId\":\"12a\",\"quantity\":0}",
                        "brokerOrderId '12a' must be Kiwoom's order number (digits)", true),
                new Case(newOrder("v-stoponly", "BUY", SYMBOL, 1, "LIMIT", 70000L).replace("}", ",\"stopPrice\":69000}"),
                        "stopPrice is only allowed for orderType STOP_LIMIT, not LIMIT", true),
                new Case(newOrder("v-market-price", "BUY", SYMBOL, 1, "MARKET", 70000L),
                        "price must be absent for orderType MARKET", true));

        for (Case c : cases) {
            RecordMetadata sent = flow.send("acct-key", c.value());
            ConsumerRecord<String, String> dead = flow.awaitDeadLetter(sent);
            assertThat(dead.key()).isEqualTo("acct-key");
            assertThat(dead.value()).isEqualTo(c.value());
            assertThat(header(dead, "kiwoomhub_error_code")).isEqualTo("HUB_VALIDATION");
            assertThat(header(dead, "kiwoomhub_error")).as(c.value()).startsWith(c.reason());
            assertThat(header(dead, "kiwoomhub_source_topic")).isEqualTo(OrderFlowFixture.REQUESTS);
            assertThat(header(dead, "kiwoomhub_source_partition")).isEqualTo(Integer.toString(sent.partition()));
            assertThat(header(dead, "kiwoomhub_source_offset")).isEqualTo(Long.toString(sent.offset()));
            if (c.event()) {
                String id = flow.read(c.value()).path("clientOrderId").asText();
                JsonNode rejected = flow.awaitEvent(id, "REJECTED").get(0);
                assertThat(flow.events(id)).as("exactly one event for %s", id).hasSize(1);
                assertThat(CanonicalSchemas.validate(MessageType.ORDER_EVENT, rejected)).as(id).isEmpty();
                assertThat(rejected.path("errorCode").asText()).isEqualTo("HUB_VALIDATION");
                assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
                assertThat(rejected.path("reason").asText()).startsWith(c.reason());
            }
        }
        assertThat(flow.orderCalls()).as("no invalid request reaches Kiwoom").isEqualTo(callsBefore);

        flow.send("default", newOrder("after-invalid", "BUY", SYMBOL, 1, "MARKET", null));
        assertThat(flow.awaitEvent("after-invalid", "ACCEPTED")).isNotEmpty();
        String prometheus = http.getForObject("/actuator/prometheus", String.class);
        assertThat(prometheus).containsPattern("kiwoom_orders_requests_total\\{[^}]*code=\"HUB_VALIDATION\"[^}]*outcome=\"rejected\"[^}]*} 2[0-9]");
    }

    @Test
    void aRequestThatIsNotUtf8IsDeadLetteredByteForByte() {
        byte[] key = {'k', (byte) 0xFE};
        // Latin-1 keeps each char one byte: \u00C3( is the malformed UTF-8 pair 0xC3 0x28
        byte[] value = newOrder("x\u00C3(", "BUY", SYMBOL, 1, "MARKET", null).getBytes(StandardCharsets.ISO_8859_1);
        RecordMetadata sent = flow.send(key, value, null);

        ConsumerRecord<byte[], byte[]> dead = flow.awaitDeadLetterBytes(sent);
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).isEqualTo(value);
        assertThat(header(dead, "kiwoomhub_error_code")).isEqualTo("HUB_VALIDATION");
        assertThat(header(dead, "kiwoomhub_error")).isEqualTo("The record value is not valid UTF-8 (byte 19 of " + value.length + ")");

        // Hangul is valid UTF-8: read as written, and its dead letter holds the very bytes sent
        String hangul = newOrder("v-hangul", "BUY", SYMBOL, 1, "MARKET", null).replace("}", ",\"account\":\"모의계좌\"}");
        RecordMetadata hangulSent = flow.send("계좌", hangul);
        ConsumerRecord<byte[], byte[]> hangulDead = flow.awaitDeadLetterBytes(hangulSent);
        assertThat(hangulDead.key()).isEqualTo("계좌".getBytes(StandardCharsets.UTF_8));
        assertThat(hangulDead.value()).isEqualTo(hangul.getBytes(StandardCharsets.UTF_8));
        assertThat(flow.awaitEvent("v-hangul", "REJECTED").get(0).path("reason").asText())
                .startsWith("account '모의계좌' is not configured");

        flow.send("default", newOrder("after-not-utf8", "BUY", SYMBOL, 1, "MARKET", null));
        assertThat(flow.awaitEvent("after-not-utf8", "ACCEPTED")).isNotEmpty();
    }

    @Test
    void aDuplicatedClientOrderIdReachesKiwoomOnce() {
        String request = newOrder("dup-1", "BUY", SYMBOL, 13, "LIMIT", restingBuyPrice(SYMBOL));
        flow.send("default", request);
        RecordMetadata second = flow.send("default", request);

        ConsumerRecord<String, String> dead = flow.awaitDeadLetter(second);
        assertThat(header(dead, "kiwoomhub_error_code")).isEqualTo("HUB_DUPLICATE");
        List<JsonNode> events = flow.awaitEvents("dup-1", 2);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("ACCEPTED", "REJECTED");
        JsonNode duplicate = events.get(1);
        assertThat(duplicate.path("errorCode").asText()).isEqualTo("HUB_DUPLICATE");
        assertThat(duplicate.path("status").asText()).as("the order itself is unchanged").isEqualTo("NEW");
        assertThat(duplicate.path("brokerOrderId").asText()).isEqualTo(events.get(0).path("brokerOrderId").asText());
        assertThat(flow.calls("kt10000").stream().filter(f -> "13".equals(f.get("ord_qty")))).hasSize(1);
    }

    @Test
    void riskGuardAndKillSwitchRefuseNewOrdersWithHubRisk() {
        long callsBefore = flow.orderCalls();
        flow.send("default", newOrder("risk-blocked", "BUY", "000660", 1, "MARKET", null));
        flow.send("default", newOrder("risk-big", "BUY", SYMBOL, 5001, "MARKET", null));
        assertThat(flow.awaitEvent("risk-blocked", "REJECTED").get(0).path("reason").asText())
                .contains("symbol 000660 is blocked");
        JsonNode big = flow.awaitEvent("risk-big", "REJECTED").get(0);
        assertThat(big.path("errorCode").asText()).isEqualTo("HUB_RISK");
        assertThat(big.path("reason").asText()).contains("quantity 5001 exceeds the limit of 5000 shares per order");

        assertThat(killSwitch(true)).contains("\"on\":true");
        flow.send("default", newOrder("risk-killed", "BUY", SYMBOL, 1, "MARKET", null));
        JsonNode killed = flow.awaitEvent("risk-killed", "REJECTED").get(0);
        assertThat(killed.path("errorCode").asText()).isEqualTo("HUB_RISK");
        assertThat(killed.path("reason").asText()).contains("kill switch is on");
        assertThat(flow.orderCalls()).isEqualTo(callsBefore);

        assertThat(killSwitch(false)).contains("\"on\":false");
        assertThat(http.exchange("/actuator/orderkillswitch", HttpMethod.GET, new HttpEntity<>(admin()), String.class).getBody())
                .contains("\"on\":false");
        flow.send("default", newOrder("risk-after", "BUY", SYMBOL, 1, "MARKET", null));
        assertThat(flow.awaitEvent("risk-after", "ACCEPTED")).isNotEmpty();
    }

    @Test
    void anOrderWhoseAnswerIsLostIsReconciledInsteadOfSentAgain() {
        long price = restingBuyPrice(SYMBOL) - 1_000;
        sandbox.faults().delayNext("kt10000", 1, Duration.ofSeconds(4));
        flow.send("default", newOrder("lost-answer", "BUY", SYMBOL, 2, "LIMIT", price));

        List<JsonNode> events = flow.awaitEvent("lost-answer", "ACCEPTED");
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("UNKNOWN", "ACCEPTED");
        assertThat(events.get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(events.get(1).path("brokerOrderId").asText()).matches("\\d{7}");
        assertThat(events.get(1).path("reason").asText()).startsWith("Reconciled: Kiwoom has order");
        assertThat(flow.calls("kt10000").stream().filter(f -> Long.toString(price).equals(f.get("ord_uv"))))
                .as("sent once, never again").hasSize(1);
        assertThat(flow.calls("ka10075")).isNotEmpty();
    }

    @Test
    void anOrderAnsweredWithA5xxThatKiwoomDidNotPlaceIsRejectedAsNotPlaced() {
        long price = restingBuyPrice(SYMBOL) - 2_000;
        sandbox.faults().failNext("kt10000", 1, 503);
        flow.send("default", newOrder("server-error", "BUY", SYMBOL, 3, "LIMIT", price));

        List<JsonNode> events = flow.awaitEvent("server-error", "REJECTED");
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("UNKNOWN", "REJECTED");
        assertThat(events.get(1).path("errorCode").asText()).isEqualTo("HUB_NOT_PLACED");
        assertThat(flow.calls("kt10000").stream().filter(f -> Long.toString(price).equals(f.get("ord_uv")))).hasSize(1);
    }

    @Test
    void aNewOrderRequestedLongAgoIsNotSent() {
        long callsBefore = flow.orderCalls();
        flow.send("default", newOrder("stale-1", "BUY", SYMBOL, 1, "MARKET", null),
                System.currentTimeMillis() - Duration.ofMinutes(11).toMillis());
        JsonNode stale = flow.awaitEvent("stale-1", "REJECTED").get(0);
        assertThat(stale.path("errorCode").asText()).isEqualTo("HUB_RISK");
        assertThat(stale.path("reason").asText()).contains("older than 600 s (kiwoom.orders.risk.max-age)");
        assertThat(flow.orderCalls()).isEqualTo(callsBefore);
    }

    @Test
    void aNewlineInAClientOrderIdCannotForgeALogLine(CapturedOutput output) {
        String forged = "2026-12-02T01:00:00.000Z ERROR 1 --- [main] c.k.orders.RiskGuard : kill switch disabled by admin";
        RecordMetadata sent = flow.send("default", newOrder("evil\\n" + forged, "BUY", SYMBOL, 1, "MARKET", null));
        flow.awaitDeadLetter(sent);

        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("kill switch disabled by admin"));
        List<String> lines = output.getAll().lines().filter(l -> l.contains("kill switch disabled by admin")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("rejected: HUB_VALIDATION clientOrderId 'evil\\n" + forged + "' must be")
                .doesNotStartWith("2026-12-02T01:00:00.000Z");
    }

    /** The admin's bearer token, as an operator's curl sends it. */
    static HttpHeaders admin() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ADMIN_TOKEN);
        return headers;
    }

    private String killSwitch(boolean on) {
        return http.exchange("/actuator/orderkillswitch", HttpMethod.POST, new HttpEntity<>(Map.of("on", on), admin()),
                String.class).getBody();
    }

    /** A limit price a few ticks under the best bid: the order rests. */
    private long restingBuyPrice(String symbol) {
        MarketSimulator.OrderBook book = sandbox.market().book(symbol);
        long bid = book.bids().get(0).price();
        long price = bid;
        for (int i = 0; i < 5; i++) {
            price -= OrderValidation.tickSize(price - 1);
        }
        return price;
    }

    static String newOrder(String id, String side, String symbol, long quantity, String type, Long price) {
        return "{\"clientOrderId\":\"" + id + "\",\"action\":\"NEW\",\"side\":\"" + side + "\",\"symbol\":\"" + symbol
                + "\",\"quantity\":" + quantity + ",\"orderType\":\"" + type + "\"" + (price == null ? "" : ",\"price\":" + price) + "}";
    }
}
