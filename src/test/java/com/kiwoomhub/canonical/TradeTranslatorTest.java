package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeTranslatorTest {

    private static final LocalDate TRADING_DAY = LocalDate.of(2026, 7, 20);

    @Test
    void everyTradeRowOfAFrameBecomesATradeAndOtherTypesAreSkipped() {
        List<Trade> trades = TradeTranslator.fromFrame(KiwoomFixtures.load("0B/three-trades-and-a-book-row.json"), TRADING_DAY);

        assertThat(trades).extracting(Trade::symbol).containsExactly("005930", "000660", "005930");
        CanonicalSchemas.assertAllValid(trades);
    }

    @Test
    void buyerInitiatedTradeWithTurnoverFromMillionsOfWon() {
        Trade trade = TradeTranslator.fromFrame(KiwoomFixtures.load("0B/three-trades-and-a-book-row.json"), TRADING_DAY).get(0);

        assertThat(trade).isEqualTo(new Trade("005930", Venue.KRX, OffsetDateTime.parse("2026-07-20T16:52:08+09:00"),
                20800, -50, new BigDecimal("-0.24"), 82, Side.BUY, 30379732, 632_640_000_000L,
                20850L, 21150L, 20450L, 20800L, 20700L, TradingSession.REGULAR));
    }

    @Test
    void sellerInitiatedNxtPreMarketTrade() {
        Trade trade = TradeTranslator.fromFrame(KiwoomFixtures.load("0B/three-trades-and-a-book-row.json"), TRADING_DAY).get(2);

        assertThat(trade.venue()).isEqualTo(Venue.NXT);
        assertThat(trade.side()).isEqualTo(Side.SELL);
        assertThat(trade.size()).isEqualTo(35);
        assertThat(trade.session()).isEqualTo(TradingSession.PRE);
        assertThat(trade.time()).isEqualTo(OffsetDateTime.parse("2026-07-20T08:15:02+09:00"));
        assertThat(trade.cumulativeTurnover()).isEqualTo(2_897_000_000L);
    }

    @Test
    void aTradeSizeWithoutBuySellSignIsRejected() {
        var frame = KiwoomFixtures.load("0B/three-trades-and-a-book-row.json");
        ((ObjectNode) frame.get("data").get(0).get("values")).put("15", "82");

        assertThatThrownBy(() -> TradeTranslator.fromFrame(frame, TRADING_DAY))
                .isInstanceOf(KiwoomFormatException.class).hasMessageContaining("ws/0B 15");
    }

    @Test
    void aReplayedFrameGivesTheSameCloudEventId() {
        var frame = KiwoomFixtures.load("0B/three-trades-and-a-book-row.json");
        Trade first = TradeTranslator.fromFrame(frame, TRADING_DAY).get(1);
        Trade replay = TradeTranslator.fromFrame(frame, TRADING_DAY).get(1);

        CloudEvent event = CloudEvent.of(first, "ws/0B", first.time());
        assertThat(event.id()).isEqualTo(CloudEvent.of(replay, "ws/0B", replay.time()).id());
        assertThat(event.key()).isEqualTo("000660");
        assertThat(event.headers()).containsEntry("ce_source", "kiwoom-hub/ws/0B")
                .containsEntry("ce_type", "kiwoom.trade.v1")
                .containsEntry("ce_time", "2026-07-20T10:27:55+09:00");
    }
}
