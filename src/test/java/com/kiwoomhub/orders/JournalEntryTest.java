package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderRequest;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.orders.JournalEntry.JournalPhase;

/** The journal's record format: entries journaled before keep being read, and are written the same way. */
class JournalEntryTest {

    /** An ACCEPTED entry as the hub has always written it (flat source fields, {@code exchange}). */
    private static final String JOURNALED = "{\"clientOrderId\":\"strat-1:42\",\"phase\":\"ACCEPTED\",\"attempt\":\"a-1\","
            + "\"instance\":\"pod-1\",\"action\":\"NEW\",\"account\":\"main\",\"symbol\":\"005930\",\"side\":\"BUY\","
            + "\"quantity\":10,\"orderType\":\"LIMIT\",\"price\":70100,\"stopPrice\":null,\"exchange\":\"NXT\","
            + "\"rootClientOrderId\":\"strat-1:42\",\"targetBrokerOrderId\":null,\"brokerOrderId\":\"0000123\","
            + "\"errorCode\":null,\"reason\":null,\"notional\":701000,\"tradingDate\":\"2026-08-19\","
            + "\"submittedAt\":\"2026-08-19T00:40:00Z\",\"sourceTopic\":\"kiwoom.order-requests\",\"sourcePartition\":2,"
            + "\"sourceOffset\":77}";

    @Test
    void anEntryJournaledEarlierIsReadWithItsSourceAndDestination() {
        JournalEntry entry = JournalEntry.fromJson(JOURNALED).orElseThrow();

        assertThat(entry.source()).isEqualTo(new RecordSource("kiwoom.order-requests", 2, 77));
        assertThat(entry.destination()).isEqualTo(OrderDestination.NXT);
        assertThat(entry.phase()).isEqualTo(JournalPhase.ACCEPTED);
        assertThat(entry.brokerOrderId()).isEqualTo("0000123");
        assertThat(entry.tradingDate()).isEqualTo(LocalDate.of(2026, 8, 19));
        assertThat(entry.submittedAt()).isEqualTo(Instant.parse("2026-08-19T00:40:00Z"));
        assertThat(entry.action()).isEqualTo(OrderAction.NEW);
        assertThat(entry.orderType()).isEqualTo(OrderType.LIMIT);
        assertThat(entry.side()).isEqualTo(Side.BUY);
        assertThat(entry.cameFrom(new RecordSource("kiwoom.order-requests", 2, 77))).isTrue();
        assertThat(entry.cameFrom(new RecordSource("kiwoom.order-requests", 2, 78))).isFalse();
    }

    @Test
    void anEntryIsWrittenWithTheSameFieldsItWasReadFrom() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode written = json.readTree(JournalEntry.fromJson(JOURNALED).orElseThrow().toJson());

        assertThat(written).isEqualTo(json.readTree(JOURNALED));
    }

    @Test
    void aValueThatIsNoEntryIsNotRead() {
        assertThat(JournalEntry.fromJson("not json")).isEmpty();
    }

    @Test
    void aSubmittingEntryIsDatedByTheKstTradingDay() {
        OrderTicket ticket = new OrderTicket(new OrderRequest("late", OrderAction.NEW, "main",
                Side.SELL, "005930", 3L, OrderType.LIMIT, 70000L, null, null, null, null), "main", "005930", Side.SELL,
                OrderDestination.KRX, "late", null);

        JournalEntry entry = JournalEntry.submitting(ticket, "pod-1", Instant.parse("2026-08-19T15:30:00Z"),
                new RecordSource("kiwoom.order-requests", 0, 5));

        assertThat(entry.tradingDate()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(entry.phase()).isEqualTo(JournalPhase.SUBMITTING);
        assertThat(entry.notional()).isEqualTo(210_000);
        assertThat(entry.orderTr().apiId()).isEqualTo("kt10001");
    }
}
