package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.kiwoomhub.canonical.OrderEvent;
import com.kiwoomhub.canonical.OrderEventType;
import com.kiwoomhub.canonical.OrderStatus;
import com.kiwoomhub.canonical.Side;

/** What was published of an order decides what an event from the 00 stream or a catch-up adds. */
class ExecutionMarkTest {

    private static final LocalDate DAY = LocalDate.parse("2026-08-19");
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-08-19T09:40:22+09:00");

    @Test
    void aFillIsPublishedOnlyWhenItRaisesTheCumulativeQuantityAndCountsFromTheLastPublishedOne() {
        ExecutionMark none = ExecutionMark.none("default", DAY, "buy-1");
        OrderEvent first = none.admit(fill(4, 4L, 70_000L, "70000")).orElseThrow();
        assertThat(first.lastFillQuantity()).isEqualTo(4);
        assertThat(first.lastFillPrice()).isEqualTo(70_000);
        ExecutionMark four = none.after(first);
        assertThat(four.filledQuantity()).isEqualTo(4);
        assertThat(four.filledAmount()).isEqualTo(280_000);
        assertThat(four.closed()).isFalse();

        assertThat(four.admit(fill(4, 4L, 70_000L, "70000"))).as("the same fill again").isEmpty();
        assertThat(four.admit(fill(3, 3L, 70_000L, "70000"))).as("an older fill").isEmpty();

        // a 00 row whose own fill is the whole difference keeps its price
        OrderEvent live = four.admit(fill(10, 6L, 70_100L, "70060")).orElseThrow();
        assertThat(live.lastFillQuantity()).isEqualTo(6);
        assertThat(live.lastFillPrice()).isEqualTo(70_100);
        assertThat(four.after(live).closed()).isTrue();

        // after missed fills (a catch-up, or a 00 row after fills the hub never saw): price from the amounts
        OrderEvent covering = four.admit(fill(10, 10L, null, "70060")).orElseThrow();
        assertThat(covering.lastFillQuantity()).isEqualTo(6);
        assertThat(covering.lastFillPrice()).isEqualTo(70_100);
        assertThat(four.admit(fill(10, 10L, null, "70060"), false).orElseThrow().lastFillPrice())
                .as("approximate amounts (ka10076) give no price").isNull();
        OrderEvent uneven = four.admit(fill(7, null, null, "70001")).orElseThrow();
        assertThat(uneven.lastFillQuantity()).isEqualTo(3);
        assertThat(uneven.lastFillPrice()).as("(490007 - 280000) / 3 is no whole KRW").isNull();
    }

    @Test
    void onceOnlyEventsArePublishedOnceAndEachModifyByItsOwnNumber() {
        ExecutionMark none = ExecutionMark.none("default", DAY, "kiwoom:0000100");
        OrderEvent modified = other(OrderEventType.MODIFIED, "0000101", OrderStatus.NEW);
        ExecutionMark once = none.after(none.admit(modified).orElseThrow());
        assertThat(once.admit(modified)).isEmpty();
        assertThat(once.admit(other(OrderEventType.MODIFIED, "0000102", OrderStatus.NEW))).isPresent();
        OrderEvent cancelled = other(OrderEventType.CANCELLED, "0000103", OrderStatus.CANCELLED);
        ExecutionMark done = once.after(once.admit(cancelled).orElseThrow());
        assertThat(done.closed()).isTrue();
        assertThat(done.admit(other(OrderEventType.CANCELLED, "0000100", OrderStatus.CANCELLED))).isEmpty();
        assertThat(ExecutionMark.fromJson(done.toJson())).contains(done);
    }

    private static OrderEvent fill(long cumulative, Long lastQuantity, Long lastPrice, String average) {
        return new OrderEvent("buy-1", OrderEventType.FILL, cumulative == 10 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED,
                "0000100", null, "005930", Side.BUY, 10L, cumulative, 10 - cumulative, lastPrice, lastQuantity,
                new BigDecimal(average), null, null, TIME);
    }

    private static OrderEvent other(OrderEventType type, String number, OrderStatus status) {
        return new OrderEvent(null, type, status, number, "0000100", "005930", Side.BUY, 10L, 0L,
                status == OrderStatus.CANCELLED ? 0L : 10L, null, null, null, null, null, TIME);
    }
}
