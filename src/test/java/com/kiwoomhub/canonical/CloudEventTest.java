package com.kiwoomhub.canonical;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-08-19T15:59:50+09:00");

    private static Quote quote(OffsetDateTime asOf, long volume) {
        return new Quote("006360", Venue.KRX, "GS건설", 34950, 34150, 800, new BigDecimal("2.34"), null, null, null,
                null, null, volume, null, 35000L, 34950L, T, asOf, "ka10095");
    }

    @Test
    void headersFollowTheContractInOrder() {
        CloudEvent event = CloudEvent.of(quote(T, 2837598), "ka10095", T.plusSeconds(3));

        assertThat(event.headers()).containsExactly(
                java.util.Map.entry("ce_specversion", "1.0"),
                java.util.Map.entry("ce_id", event.id()),
                java.util.Map.entry("ce_source", "kiwoom-hub/ka10095"),
                java.util.Map.entry("ce_type", "kiwoom.quote.v1"),
                java.util.Map.entry("ce_time", "2026-08-19T15:59:53+09:00"),
                java.util.Map.entry("content-type", "application/json"));
        assertThat(UUID.fromString(event.id()).version()).isEqualTo(3);
        assertThat(event.key()).isEqualTo("006360");
    }

    @Test
    void aRepolledUnchangedQuoteKeepsItsIdAndANewTradeChangesIt() {
        String first = CloudEvent.idOf("kiwoom.quote.v1", quote(T.plusSeconds(5), 2837598));
        String repoll = CloudEvent.idOf("kiwoom.quote.v1", quote(T.plusSeconds(65), 2837598));
        String traded = CloudEvent.idOf("kiwoom.quote.v1", quote(T.plusSeconds(65), 2837698));

        assertThat(repoll).isEqualTo(first);
        assertThat(traded).isNotEqualTo(first);
    }

    @Test
    void theSameDataUnderAnotherTypeGetsAnotherId() {
        Quote q = quote(T, 1);
        assertThat(CloudEvent.idOf("kiwoom.quote.v1", q)).isNotEqualTo(CloudEvent.idOf("kiwoom.quote.v2", q));
    }

    @Test
    void ordersPlacedOutsideTheHubAreKeyedByBrokerOrderId() {
        OrderEvent outside = new OrderEvent(null, OrderEventType.FILL, OrderStatus.FILLED, "0000018", null, "005930",
                Side.BUY, 1L, 1L, 0L, 60700L, 1L, new BigDecimal("60700"), null, null, T);
        OrderEvent ours = new OrderEvent("strat-1:42", OrderEventType.ACCEPTED, OrderStatus.NEW, "0000018", null,
                "005930", Side.BUY, 1L, 0L, 1L, null, null, null, null, null, T);

        assertThat(CloudEvent.of(outside, "ws/00", T).key()).isEqualTo("kiwoom:0000018");
        assertThat(CloudEvent.of(ours, "kt10000", T).key()).isEqualTo("strat-1:42");
    }

    @Test
    void candlesAreKeyedBySymbolAndInterval() {
        Candle bar = new Candle("005930", Venue.NXT, CandleInterval.MINUTE_5, T, 1, 2, 1, 2, 10, null, true, true,
                "ka10080");
        assertThat(CloudEvent.of(bar, "ka10080", T).key()).isEqualTo("005930:5m");
    }
}
