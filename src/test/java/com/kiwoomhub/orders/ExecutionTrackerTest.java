package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderDestination;
import com.kiwoomhub.canonical.OrderEvent;
import com.kiwoomhub.canonical.OrderEventType;
import com.kiwoomhub.canonical.OrderExecution;
import com.kiwoomhub.canonical.OrderExecutionState;
import com.kiwoomhub.canonical.OrderRequest;
import com.kiwoomhub.canonical.OrderStatus;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.sandbox.MutableClock;

/** 00 주문체결 rows in Kiwoom's format → the events of the order they belong to. */
class ExecutionTrackerTest {

    private final ObjectMapper json = new ObjectMapper();
    /** 09:40:30 KST on 2026-08-19, the trading day of {@link #accepted}. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-08-19T00:40:30Z"));

    @Test
    void rowsArrivingBeforeTheOrderAnswerWaitForIt() {
        ExecutionTracker tracker = new ExecutionTracker(List::of, clock);
        tracker.callStarted();
        assertThat(tracker.onFrame("default", frame(row("0000018", "접수", "+매수", 1, 1, "0000000")))).isEmpty();
        assertThat(tracker.onFrame("default", frame(fill(row("0000018", "체결", "+매수", 1, 0, "0000000"), 1, 60700, 1, 60700))))
                .isEmpty();

        List<OrderEvent> events = tracker.callEnded(accepted("buy-1", "0000018", 1));

        assertThat(events).hasSize(1);
        OrderEvent fill = events.get(0);
        assertThat(fill.type()).isEqualTo(OrderEventType.FILL);
        assertThat(fill.clientOrderId()).isEqualTo("buy-1");
        assertThat(fill.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fill.filledQuantity()).isEqualTo(1);
        assertThat(fill.remainingQuantity()).isZero();
        assertThat(fill.lastFillPrice()).isEqualTo(60700);
        assertThat(fill.averageFillPrice()).isEqualByComparingTo(BigDecimal.valueOf(60700));
    }

    @Test
    void anOrderPlacedOutsideTheHubIsKeyedByItsOrderNumber() throws Exception {
        ExecutionTracker tracker = new ExecutionTracker(List::of, clock);
        String frame = Files.readString(Path.of("src/test/resources/kiwoom/00/market-buy-received-then-filled.json"));

        List<OrderEvent> events = tracker.onFrame("default", frame);

        assertThat(events).extracting(OrderEvent::type).containsExactly(OrderEventType.ACCEPTED, OrderEventType.FILL);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.clientOrderId()).isNull();
            assertThat(e.topicKey()).isEqualTo("kiwoom:0000018");
        });
        assertThat(events.get(1).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void fillsModifyAndCancelAddUpOverTheWholeOrder() {
        ExecutionTracker tracker = new ExecutionTracker(() -> List.of(accepted("buy-2", "0000100", 10)), clock);

        OrderEvent first = single(tracker.onFrame("default", frame(fill(row("0000100", "체결", "+매수", 10, 6, "0000000"), 4, 70000, 4, 280000))));
        assertThat(first.type()).isEqualTo(OrderEventType.FILL);
        assertThat(first.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(first.filledQuantity()).isEqualTo(4);
        assertThat(first.remainingQuantity()).isEqualTo(6);

        assertThat(tracker.onFrame("default", frame(row("0000101", "접수", "매수정정", 6, 6, "0000100")))).isEmpty();
        OrderEvent modified = single(tracker.onFrame("default", frame(row("0000101", "확인", "매수정정", 6, 6, "0000100"))));
        assertThat(modified.type()).isEqualTo(OrderEventType.MODIFIED);
        assertThat(modified.clientOrderId()).isEqualTo("buy-2");
        assertThat(modified.brokerOrderId()).isEqualTo("0000101");
        assertThat(modified.originalBrokerOrderId()).isEqualTo("0000100");
        assertThat(modified.remainingQuantity()).isEqualTo(6);

        OrderEvent second = single(tracker.onFrame("default", frame(fill(row("0000101", "체결", "+매수", 6, 4, "0000100"), 2, 69900, 2, 139800))));
        assertThat(second.filledQuantity()).isEqualTo(6);
        assertThat(second.remainingQuantity()).isEqualTo(4);
        assertThat(second.averageFillPrice()).isEqualByComparingTo(new BigDecimal("69966.6667"));
        assertThat(tracker.onFrame("default", frame(fill(row("0000101", "체결", "+매수", 6, 4, "0000100"), 2, 69900, 2, 139800))))
                .as("a row seen twice is one fill").isEmpty();

        OrderEvent cancelled = single(tracker.onFrame("default", frame(row("0000102", "확인", "매수취소", 4, 0, "0000101"))));
        assertThat(cancelled.type()).isEqualTo(OrderEventType.CANCELLED);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.filledQuantity()).isEqualTo(6);
        assertThat(cancelled.remainingQuantity()).isZero();
    }

    @Test
    void aPrunedOrderIsForgottenUnderEveryOrderNumberWhileOthersStayTracked() {
        JournalEntry pruned = accepted("buy-3", "0000200", 10);
        ExecutionTracker tracker = new ExecutionTracker(() -> List.of(pruned, accepted("buy-4", "0000300", 5)), clock);
        single(tracker.onFrame("default", frame(row("0000201", "확인", "매수정정", 10, 10, "0000200"))));
        assertThat(tracker.find("default", DAY, "0000201")).isPresent();

        tracker.forget(List.of(pruned));

        assertThat(tracker.find("default", DAY, "0000200")).isEmpty();
        assertThat(tracker.find("default", DAY, "0000201")).isEmpty();
        assertThat(tracker.find("default", DAY, "0000300")).map(ExecutionTracker.OrderView::symbol).contains("005930");
    }

    @Test
    void anExpiredIocRemainderIsCancelled() {
        ExecutionTracker tracker = new ExecutionTracker(() -> List.of(accepted("ioc-1", "0000200", 10)), clock);
        tracker.onFrame("default", frame(fill(row("0000200", "체결", "+매수", 10, 7, "0000000"), 3, 70000, 3, 210000)));

        OrderEvent expired = single(tracker.onFrame("default", frame(fill(row("0000200", "취소", "+매수", 10, 0, "0000000"), 3, 70000, 3, 210000))));

        assertThat(expired.type()).isEqualTo(OrderEventType.CANCELLED);
        assertThat(expired.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(expired.filledQuantity()).isEqualTo(3);
        assertThat(expired.remainingQuantity()).isZero();
    }

    @Test
    void anOrderNumberOfAnotherTradingDayIsAnotherOrder() {
        // Kiwoom numbers orders per trading day: 0000001 on the 19th and 0000001 on the 20th are two orders
        JournalEntry yesterday = accepted("day-1", "0000001", 10);
        ExecutionTracker tracker = new ExecutionTracker(() -> List.of(yesterday), clock);
        OrderEvent first = single(tracker.onFrame("default", frame(fill(row("0000001", "체결", "+매수", 10, 6, "0000000"), 4, 70000, 4, 280000))));
        assertThat(first.clientOrderId()).isEqualTo("day-1");

        clock.set(Instant.parse("2026-08-20T00:40:00Z"));
        tracker.callStarted();
        JournalEntry today = JournalEntry.submitting(ticket("day-2", 5), "test", clock.instant(),
                new RecordSource("kiwoom.order-requests", 0, 2)).accepted("0000001", null);
        assertThat(tracker.callEnded(today)).isEmpty();
        OrderEvent second = single(tracker.onFrame("default", frame(fill(row("0000001", "체결", "+매수", 5, 3, "0000000"), 2, 71000, 2, 142000))));

        assertThat(second.clientOrderId()).isEqualTo("day-2");
        assertThat(second.filledQuantity()).isEqualTo(2);
        assertThat(second.remainingQuantity()).isEqualTo(3);
        assertThat(tracker.find("default", LocalDate.parse("2026-08-19"), "0000001")).isPresent();
        assertThat(tracker.statusOf("default", LocalDate.parse("2026-08-19"), "0000001")).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(tracker.statusOf("default", LocalDate.parse("2026-08-20"), "0000001")).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(tracker.find("default", LocalDate.parse("2026-08-21"), "0000001")).isEmpty();
    }

    @Test
    void aCatchUpCountsEveryNumberOfAModifiedOrderAndInfersTheCancelOfAnOrderNoLongerOpen() {
        ExecutionTracker tracker = new ExecutionTracker(() -> List.of(accepted("buy-1", "0000100", 10)), clock);
        Set<String> before = tracker.openOrders("default", DAY);
        assertThat(before).containsExactly("0000100");
        List<OrderExecution> rows = List.of(
                listed("0000100", null, "+매수", OrderExecutionState.EXECUTED, 10, 3, 210_000L),
                listed("0000101", "0000100", "매수정정", OrderExecutionState.CONFIRMED, 7, 0, null),
                listed("0000101", "0000100", "매수정정", OrderExecutionState.EXECUTED, 7, 2, 139_800L));

        List<OrderEvent> open = tracker.caughtUp("default", DAY, rows, Set.of("0000101"), before, true, NOW);
        assertThat(open).extracting(OrderEvent::type, OrderEvent::brokerOrderId, OrderEvent::filledQuantity,
                OrderEvent::remainingQuantity).containsExactly(
                tuple(OrderEventType.FILL, "0000100", 3L, 7L),
                tuple(OrderEventType.MODIFIED, "0000101", 3L, 7L),
                tuple(OrderEventType.FILL, "0000101", 5L, 5L));
        assertThat(open.get(2).averageFillPrice()).isEqualByComparingTo("69960");
        assertThat(tracker.caughtUp("default", DAY, rows, Set.of("0000101"), before, true, NOW)).as("nothing new").isEmpty();

        OrderEvent cancelled = single(tracker.caughtUp("default", DAY, rows, Set.of(), tracker.openOrders("default", DAY),
                true, NOW));
        assertThat(cancelled.type()).isEqualTo(OrderEventType.CANCELLED);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.brokerOrderId()).isEqualTo("0000101");
        assertThat(cancelled.clientOrderId()).isEqualTo("buy-1");
        assertThat(cancelled.filledQuantity()).isEqualTo(5);
        assertThat(cancelled.remainingQuantity()).isZero();
        assertThat(cancelled.time()).isEqualTo(NOW);
        assertThat(tracker.openOrders("default", DAY)).isEmpty();
    }

    @Test
    void aCatchUpTakesUnknownNumbersForOutsideOrdersOnlyWhenNoRequestAwaitsItsOutcome() {
        ExecutionTracker tracker = new ExecutionTracker(List::of, clock);
        List<OrderExecution> rows = List.of(listed("0000300", null, "-매도", OrderExecutionState.RECEIVED, 5, 2, null),
                listed("0000300", null, "-매도", OrderExecutionState.EXECUTED, 5, 2, 140_000L));
        assertThat(tracker.caughtUp("default", DAY, rows, Set.of("0000300"), Set.of(), false, NOW)).isEmpty();
        List<OrderEvent> events = tracker.caughtUp("default", DAY, rows, Set.of("0000300"), Set.of(), true, NOW);
        assertThat(events).extracting(OrderEvent::type, OrderEvent::clientOrderId, OrderEvent::filledQuantity)
                .containsExactly(tuple(OrderEventType.ACCEPTED, null, 0L), tuple(OrderEventType.FILL, null, 2L));
        assertThat(events.get(1).topicKey()).isEqualTo("kiwoom:0000300");
    }

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-08-19T10:00:00+09:00");

    /** A ka10075/ka10076 row as the catch-up hands it over (no last-fill figures, the catch-up's time). */
    private static OrderExecution listed(String number, String original, String kind, OrderExecutionState state,
                                         long quantity, long cumulative, Long amount) {
        return new OrderExecution(null, number, original, "005930", null, "삼성전자", state, null,
                kind.contains("정정") ? OrderAction.MODIFY : kind.contains("취소") ? OrderAction.CANCEL : OrderAction.NEW,
                kind.contains("매도") ? Side.SELL : Side.BUY, kind, "보통", quantity, 70_000L, quantity - cumulative, amount,
                cumulative, null, null, null, null, null, null, null, NOW);
    }

    private static OrderEvent single(List<OrderEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static final LocalDate DAY = LocalDate.parse("2026-08-19");

    private static JournalEntry accepted(String id, String number, long quantity) {
        return JournalEntry.submitting(ticket(id, quantity), "test", Instant.parse("2026-08-19T00:40:00Z"),
                new RecordSource("kiwoom.order-requests", 0, 1)).accepted(number, null);
    }

    private static OrderTicket ticket(String id, long quantity) {
        OrderRequest request = new OrderRequest(id, OrderAction.NEW, "default", Side.BUY, "005930", quantity,
                OrderType.MARKET, null, null, OrderDestination.KRX, null, null);
        return new OrderTicket(request, "default", "005930", Side.BUY, OrderDestination.KRX, id, null);
    }

    private static Map<String, String> row(String number, String state, String kind, long quantity, long remaining,
                                           String original) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("9201", "5012345601");
        v.put("9203", number);
        v.put("9001", "005930");
        v.put("913", state);
        v.put("302", "삼성전자");
        v.put("900", Long.toString(quantity));
        v.put("901", "0");
        v.put("902", Long.toString(remaining));
        v.put("903", "0");
        v.put("904", original);
        v.put("905", kind);
        v.put("906", "보통");
        v.put("907", kind.contains("매도") ? "1" : "2");
        v.put("908", "094022");
        v.put("909", "");
        v.put("910", "");
        v.put("911", "");
        v.put("914", "");
        v.put("915", "");
        v.put("919", "0");
        v.put("2134", "1");
        return v;
    }

    private static Map<String, String> fill(Map<String, String> row, long cumulative, long price, long quantity, long amount) {
        row.put("909", "1");
        row.put("910", Long.toString(price));
        row.put("911", Long.toString(cumulative));
        row.put("914", Long.toString(price));
        row.put("915", Long.toString(quantity));
        row.put("903", Long.toString(amount));
        return row;
    }

    private String frame(Map<String, String> values) {
        try {
            return json.writeValueAsString(Map.of("trnm", "REAL", "data",
                    List.of(Map.of("type", "00", "name", "주문체결", "item", "005930", "values", values))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
