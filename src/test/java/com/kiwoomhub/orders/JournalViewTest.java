package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderRequest;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.orders.JournalEntry.JournalPhase;

/** The journal in memory: states by offset, order numbers by account and trading day. */
class JournalViewTest {

    private static final Instant AT = Instant.parse("2026-11-19T01:00:00Z");

    @Test
    void aStateReadBackBehindTheOneJustWrittenDoesNotMoveTheEntryBack() {
        JournalView view = new JournalView();
        JournalEntry claim = submitting("c-1", "default", AT);
        view.claimed(claim);
        view.changed(claim.accepted("0000001", null), AT, 7);

        view.changed(claim.unknown("reconciling"), AT, 6);

        assertThat(view.find("c-1").orElseThrow().phase()).isEqualTo(JournalPhase.ACCEPTED);
    }

    @Test
    void anOrderNumberBelongsToItsAccountAndTradingDay() {
        JournalView view = new JournalView();
        JournalEntry thursday = submitting("thu", "default", AT).accepted("0000001", null);
        JournalEntry friday = submitting("fri", "default", AT.plusSeconds(86_400)).accepted("0000001", null);
        JournalEntry otherAccount = submitting("other", "second", AT).accepted("0000001", null);
        view.changed(thursday, AT, 1);
        view.changed(friday, AT, 2);
        view.changed(otherAccount, AT, 3);

        assertThat(view.byBrokerOrderId("default", LocalDate.parse("2026-11-19"), "0000001"))
                .map(JournalEntry::clientOrderId).contains("thu");
        assertThat(view.byBrokerOrderId("default", LocalDate.parse("2026-11-20"), "0000001"))
                .map(JournalEntry::clientOrderId).contains("fri");
        assertThat(view.byBrokerOrderId("second", LocalDate.parse("2026-11-19"), "0000001"))
                .map(JournalEntry::clientOrderId).contains("other");
        assertThat(view.byBrokerOrderId("default", LocalDate.parse("2026-11-21"), "0000001")).isEmpty();
    }

    private static JournalEntry submitting(String id, String account, Instant at) {
        OrderRequest request = new OrderRequest(id, OrderAction.NEW, account, Side.BUY, "005930", 1L, OrderType.MARKET,
                null, null, OrderDestination.KRX, null, null);
        return JournalEntry.submitting(new OrderTicket(request, account, "005930", Side.BUY, OrderDestination.KRX, id, null),
                "test", at, new RecordSource("kiwoom.order-requests", 0, 1));
    }
}
