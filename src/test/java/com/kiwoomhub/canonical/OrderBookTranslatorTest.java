package com.kiwoomhub.canonical;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderBookTranslatorTest {

    private static final LocalDate TRADING_DAY = LocalDate.of(2026, 8, 19);

    @Test
    void tenLevelsEachSideBestFirstWithTotalsAndAuctionExpectation() {
        OrderBook book = OrderBookTranslator.fromFrame(KiwoomFixtures.load("0D/krx-session-and-nxt-after-hours.json"),
                TRADING_DAY).get(0);

        assertThat(book.symbol()).isEqualTo("005930");
        assertThat(book.venue()).isEqualTo(Venue.KRX);
        assertThat(book.time()).isEqualTo(OffsetDateTime.parse("2026-08-19T16:52:07+09:00"));
        assertThat(book.asks()).hasSize(10);
        assertThat(book.asks().get(0)).isEqualTo(new PriceLevel(20800, 82));
        assertThat(book.asks().get(9)).isEqualTo(new PriceLevel(21300, 6105));
        assertThat(book.bids()).hasSize(10);
        assertThat(book.bids().get(0)).isEqualTo(new PriceLevel(20700, 23847));
        assertThat(book.bids().get(9)).isEqualTo(new PriceLevel(20250, 2004));
        assertThat(book.totalAskQuantity()).isEqualTo(12622527);
        assertThat(book.totalBidQuantity()).isEqualTo(14453430);
        assertThat(book.expectedPrice()).isEqualTo(20850);
        assertThat(book.expectedQuantity()).isEqualTo(332941);
        CanonicalSchemas.assertValid(book);
    }

    @Test
    void negativeZeroLevelsAreDroppedAndNoAuctionMeansNoExpectedPrice() {
        OrderBook book = OrderBookTranslator.fromFrame(KiwoomFixtures.load("0D/krx-session-and-nxt-after-hours.json"),
                TRADING_DAY).get(1);

        assertThat(book.venue()).isEqualTo(Venue.NXT);
        assertThat(book.asks()).containsExactly(new PriceLevel(70400, 120), new PriceLevel(70500, 80),
                new PriceLevel(70600, 15));
        assertThat(book.bids()).containsExactly(new PriceLevel(70300, 245), new PriceLevel(70200, 61),
                new PriceLevel(70100, 300));
        assertThat(book.expectedPrice()).isNull();
        assertThat(book.expectedQuantity()).isNull();
        assertThat(CanonicalSchemas.assertValid(book).has("expectedPrice")).isFalse();
    }

    @Test
    void ka10004FirstLevelIsTheFprFieldAndDeeperLevelsTheNthPreFields() {
        OrderBook book = OrderBookTranslator.fromKa10004(KiwoomFixtures.load("ka10004/samsung-session.json"),
                "005930", TRADING_DAY);

        assertThat(book.time()).isEqualTo(OffsetDateTime.parse("2026-08-19T10:15:12+09:00"));
        assertThat(book.asks()).extracting(PriceLevel::price).containsExactly(70500L, 70600L, 70700L, 70800L, 70900L,
                71000L, 71100L, 71200L, 71300L, 71400L);
        assertThat(book.asks().get(0).quantity()).isEqualTo(15230);
        assertThat(book.bids()).extracting(PriceLevel::price).containsExactly(70400L, 70300L, 70200L, 70100L, 70000L,
                69900L, 69800L, 69700L, 69600L, 69500L);
        assertThat(book.bids().get(9).quantity()).isEqualTo(51000);
        assertThat(book.totalAskQuantity()).isEqualTo(396116);
        assertThat(book.totalBidQuantity()).isEqualTo(646115);
        CanonicalSchemas.assertValid(book);
    }

    @Test
    void ka10004AfterHoursAllZeroIsAnEmptyBook() {
        OrderBook book = OrderBookTranslator.fromKa10004(KiwoomFixtures.load("ka10004/after-hours-all-zero.json"),
                "005930_AL", TRADING_DAY);

        assertThat(book.venue()).isEqualTo(Venue.UNIFIED);
        assertThat(book.asks()).isEmpty();
        assertThat(book.bids()).isEmpty();
        assertThat(book.totalAskQuantity()).isZero();
        assertThat(CanonicalSchemas.assertValid(book).get("asks").isArray()).isTrue();
    }

    @Test
    void theSameBookHasTheSameIdAndADifferentBookAnother() {
        List<OrderBook> books = OrderBookTranslator.fromFrame(
                KiwoomFixtures.load("0D/krx-session-and-nxt-after-hours.json"), TRADING_DAY);
        List<OrderBook> again = OrderBookTranslator.fromFrame(
                KiwoomFixtures.load("0D/krx-session-and-nxt-after-hours.json"), TRADING_DAY);

        assertThat(CloudEvent.idOf("kiwoom.orderbook.v1", books.get(0)))
                .isEqualTo(CloudEvent.idOf("kiwoom.orderbook.v1", again.get(0)))
                .isNotEqualTo(CloudEvent.idOf("kiwoom.orderbook.v1", books.get(1)));
    }
}
