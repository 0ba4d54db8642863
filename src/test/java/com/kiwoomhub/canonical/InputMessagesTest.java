package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON shapes other services produce (order and subscription requests) and the order events they read. */
class InputMessagesTest {

    @Test
    void aNewLimitOrderReadsIntoTheRecordAndSatisfiesItsSchema() throws Exception {
        String json = "{\"clientOrderId\":\"strat-1:42\",\"action\":\"NEW\",\"account\":\"main\",\"side\":\"BUY\","
                + "\"symbol\":\"005930\",\"quantity\":10,\"orderType\":\"LIMIT\",\"price\":70100,\"exchange\":\"NXT\"}";

        OrderRequest request = CanonicalJson.mapper().readValue(json, OrderRequest.class);

        assertThat(request).isEqualTo(new OrderRequest("strat-1:42", OrderAction.NEW, "main", Side.BUY, "005930", 10L,
                OrderType.LIMIT, 70100L, null, OrderDestination.NXT, null, null));
        assertThat(request.orderType().trdeTp()).isEqualTo("0");
        assertThat(CanonicalSchemas.validate(MessageType.ORDER_REQUEST, CanonicalJson.mapper().readTree(json))).isEmpty();
        assertThat(CanonicalSchemas.assertValid(request)).isEqualTo(CanonicalJson.mapper().readTree(json));
        assertThat(request.topicKey()).isEqualTo("main");
    }

    @Test
    void theOrderRequestSchemaEnforcesThePerActionRules() throws Exception {
        assertThat(invalid("{\"clientOrderId\":\"a\",\"action\":\"NEW\",\"side\":\"BUY\",\"symbol\":\"005930\","
                + "\"quantity\":10,\"orderType\":\"LIMIT\"}")).as("limit without price").isTrue();
        assertThat(invalid("{\"clientOrderId\":\"a\",\"action\":\"NEW\",\"side\":\"BUY\",\"symbol\":\"005930\","
                + "\"quantity\":0,\"orderType\":\"MARKET\"}")).as("NEW with quantity 0").isTrue();
        assertThat(invalid("{\"clientOrderId\":\"a\",\"action\":\"CANCEL\"}")).as("cancel of nothing").isTrue();
        assertThat(invalid("{\"clientOrderId\":\"a b\",\"action\":\"CANCEL\",\"brokerOrderId\":\"0000139\"}"))
                .as("space in clientOrderId").isTrue();
        assertThat(invalid("{\"clientOrderId\":\"a\",\"action\":\"CANCEL\",\"brokerOrderId\":\"0000139\",\"quantity\":0}"))
                .as("cancel all remaining").isFalse();
        assertThat(invalid("{\"clientOrderId\":\"a\",\"action\":\"MODIFY\",\"originalClientOrderId\":\"strat-1:42\","
                + "\"quantity\":0,\"price\":70200}")).as("modify all remaining").isFalse();
        assertThat(invalid("{\"clientOrderId\":\"a\",\"action\":\"NEW\",\"side\":\"SELL\",\"symbol\":\"005930\","
                + "\"quantity\":1,\"orderType\":\"STOP_LIMIT\",\"price\":70000}")).as("stop without stop price").isTrue();
    }

    @Test
    void everyOrderTypeMapsToItsTrdeTpAndBack() {
        assertThat(OrderType.values()).extracting(OrderType::trdeTp).containsExactly(
                "0", "3", "5", "6", "7", "10", "13", "16", "20", "23", "26", "28", "29", "30", "31", "61", "62", "81");
        for (OrderType t : OrderType.values()) {
            assertThat(OrderType.ofTrdeTp(t.trdeTp())).isEqualTo(t);
        }
    }

    @Test
    void theSchemaDemandsAPriceForExactlyTheOrderTypesThatRequireOne() throws Exception {
        for (OrderType t : OrderType.values()) {
            String json = "{\"clientOrderId\":\"a\",\"action\":\"NEW\",\"side\":\"BUY\",\"symbol\":\"005930\","
                    + "\"quantity\":1,\"orderType\":\"" + t + "\"" + (t == OrderType.STOP_LIMIT ? ",\"stopPrice\":70000" : "") + "}";
            assertThat(invalid(json)).as(t.name()).isEqualTo(t.requiresPrice());
        }
    }

    @Test
    void aSubscriptionRequestAcceptsVenueSuffixes() throws Exception {
        String json = "{\"action\":\"SUBSCRIBE\",\"symbols\":[\"005930\",\"005930_NX\",\"000660_AL\"],"
                + "\"channels\":[\"trades\",\"orderbooks\"]}";

        SubscriptionRequest request = CanonicalJson.mapper().readValue(json, SubscriptionRequest.class);

        assertThat(request.symbols()).containsExactly("005930", "005930_NX", "000660_AL");
        CanonicalSchemas.assertValid(request);
        assertThat(invalid(MessageType.SUBSCRIPTION_REQUEST, "{\"action\":\"SUBSCRIBE\",\"symbols\":[\"A005930\"],"
                + "\"channels\":[\"trades\"]}")).isTrue();
    }

    @Test
    void orderEventsOfEveryShapeSatisfyTheirSchema() {
        OffsetDateTime t = OffsetDateTime.parse("2026-08-19T09:40:23+09:00");
        List<OrderEvent> events = List.of(
                new OrderEvent("strat-1:42", OrderEventType.ACCEPTED, OrderStatus.NEW, "0000018", null, "005930",
                        Side.BUY, 1L, 0L, 1L, null, null, null, null, null, t),
                new OrderEvent("strat-1:43", OrderEventType.REJECTED, OrderStatus.REJECTED, null, null, "005930",
                        Side.SELL, 1L, 0L, 0L, null, null, null, "매도가능수량이 부족합니다. 0주 매도가능",
                        "KIWOOM_800033", t),
                new OrderEvent(null, OrderEventType.FILL, OrderStatus.PARTIALLY_FILLED, "0000020", null, "005930",
                        Side.BUY, 10L, 4L, 6L, 60700L, 2L, new BigDecimal("60650"), null, null, t));

        for (OrderEvent e : events) {
            JsonNode json = CanonicalSchemas.assertValid(e);
            assertThat(json.has("clientOrderId")).isEqualTo(e.clientOrderId() != null);
        }
    }

    private static boolean invalid(String json) throws Exception {
        return invalid(MessageType.ORDER_REQUEST, json);
    }

    private static boolean invalid(MessageType type, String json) throws Exception {
        return !CanonicalSchemas.validate(type, CanonicalJson.mapper().readTree(json)).isEmpty();
    }
}
