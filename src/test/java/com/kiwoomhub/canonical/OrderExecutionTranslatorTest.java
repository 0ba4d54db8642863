package com.kiwoomhub.canonical;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderExecutionTranslatorTest {

    private static final LocalDate TRADING_DAY = LocalDate.of(2026, 8, 19);

    @Test
    void anAcceptedMarketBuyHasNoPriceAndNoFillYet() {
        OrderExecution received = OrderExecutionTranslator.fromFrame(
                KiwoomFixtures.load("00/market-buy-received-then-filled.json"), TRADING_DAY).get(0);

        assertThat(received).isEqualTo(new OrderExecution("1111111111", "0000018", null, "005930", Venue.KRX,
                "삼성전자", OrderExecutionState.RECEIVED, "접수", OrderAction.NEW, Side.BUY, "+매수", "시장가",
                1L, null, 1L, 0L, null, null, null, null, null, null, 0L, 0L,
                OffsetDateTime.parse("2026-08-19T09:40:22+09:00")));
        assertThat(received.averageFillPrice()).isNull();
    }

    @Test
    void aFillCarriesExecutionNumberThisFillAndCumulativeFigures() {
        OrderExecution fill = OrderExecutionTranslator.fromFrame(
                KiwoomFixtures.load("00/market-buy-received-then-filled.json"), TRADING_DAY).get(1);

        assertThat(fill.state()).isEqualTo(OrderExecutionState.EXECUTED);
        assertThat(fill.executionNumber()).isEqualTo("0001203");
        assertThat(fill.lastFillPrice()).isEqualTo(60700);
        assertThat(fill.lastFillQuantity()).isEqualTo(1);
        assertThat(fill.cumulativeFilledQuantity()).isEqualTo(1);
        assertThat(fill.cumulativeFilledAmount()).isEqualTo(60700);
        assertThat(fill.remainingQuantity()).isZero();
        assertThat(fill.fee()).isEqualTo(10);
        assertThat(fill.averageFillPrice()).isEqualByComparingTo(new BigDecimal("60700"));
        assertThat(fill.time()).isEqualTo(OffsetDateTime.parse("2026-08-19T09:40:23+09:00"));
    }

    @Test
    void modifyConfirmationAndRefusedCancelKeepOrderChainVenueAndReason() {
        List<OrderExecution> rows = OrderExecutionTranslator.fromFrame(
                KiwoomFixtures.load("00/sell-modify-and-cancel.json"), TRADING_DAY);

        OrderExecution modify = rows.get(0);
        assertThat(modify.orderNumber()).isEqualTo("0000140");
        assertThat(modify.originalOrderNumber()).isEqualTo("0000139");
        assertThat(modify.symbol()).isEqualTo("005930");
        assertThat(modify.venue()).isEqualTo(Venue.NXT);
        assertThat(modify.state()).isEqualTo(OrderExecutionState.CONFIRMED);
        assertThat(modify.action()).isEqualTo(OrderAction.MODIFY);
        assertThat(modify.side()).isEqualTo(Side.SELL);
        assertThat(modify.orderPrice()).isEqualTo(199700);
        assertThat(modify.rejectReason()).isNull();

        OrderExecution cancel = rows.get(1);
        assertThat(cancel.state()).isEqualTo(OrderExecutionState.REFUSED);
        assertThat(cancel.action()).isEqualTo(OrderAction.CANCEL);
        assertThat(cancel.side()).as("from 905 when 907 is empty").isEqualTo(Side.SELL);
        assertThat(cancel.venue()).isEqualTo(Venue.UNIFIED);
        assertThat(cancel.rejectReason()).isEqualTo("원주문 잔량 없음");
    }

    @Test
    void openOrdersFromKa10075CarryCumulativeAndLastFill() {
        List<OrderExecution> open = OrderExecutionTranslator.fromKa10075(
                KiwoomFixtures.load("ka10075/open-market-buy.json"), TRADING_DAY);

        assertThat(open.get(0)).isEqualTo(new OrderExecution("1234567890", "0000069", null, "005930", Venue.KRX,
                "삼성전자", OrderExecutionState.RECEIVED, "접수", OrderAction.NEW, Side.BUY, "+매수", "시장가",
                1L, null, 1L, 0L, 0L, null, null, null, null, null, 0L, 0L,
                OffsetDateTime.parse("2026-08-19T15:41:13+09:00")));
        OrderExecution partial = open.get(1);
        assertThat(partial.symbol()).isEqualTo("000660");
        assertThat(partial.venue()).isEqualTo(Venue.NXT);
        assertThat(partial.action()).isEqualTo(OrderAction.MODIFY);
        assertThat(partial.side()).isEqualTo(Side.SELL);
        assertThat(partial.originalOrderNumber()).isEqualTo("0000071");
        assertThat(partial.cumulativeFilledQuantity()).isEqualTo(4);
        assertThat(partial.remainingQuantity()).isEqualTo(6);
        assertThat(partial.lastFillQuantity()).isEqualTo(3);
        assertThat(partial.averageFillPrice()).isEqualByComparingTo("1850000");
    }

    @Test
    void filledOrdersFromKa10076WithSorAsUnified() {
        List<OrderExecution> filled = OrderExecutionTranslator.fromKa10076(
                KiwoomFixtures.load("ka10076/filled-sell.json"), TRADING_DAY);

        assertThat(filled).containsExactly(new OrderExecution(null, "0000037", null, "005930", Venue.UNIFIED,
                "삼성전자", OrderExecutionState.EXECUTED, "체결", OrderAction.NEW, Side.SELL, "-매도", "보통",
                1L, 158200L, 0L, null, 1L, 158200L, null, null, null, null, 310L, 284L,
                OffsetDateTime.parse("2026-08-19T15:38:15+09:00")));
        assertThat(OrderExecutionTranslator.fromKa10076(KiwoomFixtures.load("ka10076/empty-mock.json"), TRADING_DAY))
                .isEmpty();
    }
}
