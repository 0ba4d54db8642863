package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteTranslatorTest {

    private static final OffsetDateTime POLLED = OffsetDateTime.parse("2026-08-19T16:28:03+09:00");

    @Test
    void ka10095RowBecomesAQuoteWithDirectionSignsRemovedAndTurnoverInKrw() {
        List<Quote> quotes = QuoteTranslator.fromKa10095(KiwoomFixtures.load("ka10095/two-symbols-after-close.json"), POLLED);

        assertThat(quotes).hasSize(2);
        assertThat(quotes.get(0)).isEqualTo(new Quote("006360", Venue.KRX, "GS건설", 34950, 34150, 800,
                new BigDecimal("2.34"), 33050L, 35900L, 32100L, 44350L, 23950L, 2837598,
                98_036_000_000L, 35000L, 34950L, OffsetDateTime.parse("2026-08-19T15:59:50+09:00"), POLLED,
                "ka10095"));
        CanonicalSchemas.assertAllValid(quotes);
    }

    @Test
    void nxtSuffixGivesTheVenueAndEmptyOrZeroPricesAreLeftOut() {
        Quote nxt = QuoteTranslator.fromKa10095(KiwoomFixtures.load("ka10095/two-symbols-after-close.json"), POLLED).get(1);

        assertThat(nxt.symbol()).isEqualTo("005930");
        assertThat(nxt.venue()).isEqualTo(Venue.NXT);
        assertThat(nxt.price()).isEqualTo(70100);
        assertThat(nxt.change()).isEqualTo(-600);
        assertThat(nxt.changeRate()).isEqualByComparingTo("-0.85");
        assertThat(nxt.open()).isNull();
        assertThat(nxt.high()).isNull();
        assertThat(nxt.low()).isNull();
        assertThat(nxt.bestAsk()).isNull();
        assertThat(nxt.bestBid()).isEqualTo(70100);
        assertThat(nxt.tradeTime()).isEqualTo(OffsetDateTime.parse("2026-08-19T09:30:05+09:00"));
        assertThat(CanonicalSchemas.assertValid(nxt).has("open")).isFalse();
    }

    @Test
    void ka10001HasNoTradeTimeTurnoverOrBestPrices() {
        Quote quote = QuoteTranslator.fromKa10001(KiwoomFixtures.load("ka10001/gs-after-close.json"), POLLED);

        assertThat(quote).isEqualTo(new Quote("006360", Venue.KRX, "GS건설", 34950, 34150, 800,
                new BigDecimal("2.34"), 33050L, 35900L, 32100L, 44350L, 23950L, 2837598,
                null, null, null, null, POLLED, "ka10001"));
        CanonicalSchemas.assertValid(quote);
    }

    @Test
    void aMalformedRowIsReportedAndTheRestOfTheBatchStillTranslates() {
        var body = KiwoomFixtures.load("ka10095/two-symbols-after-close.json");
        ((ObjectNode) body.get("atn_stk_infr").get(0)).put("cur_prc", "0");
        List<KiwoomFormatException> rejected = new ArrayList<>();

        List<Quote> quotes = QuoteTranslator.fromKa10095(body, POLLED, rejected::add);

        assertThat(quotes).extracting(Quote::symbol).containsExactly("005930");
        assertThat(rejected).singleElement().extracting(Throwable::getMessage).asString()
                .contains("ka10095 cur_prc");
        assertThatThrownBy(() -> QuoteTranslator.fromKa10095(body, POLLED)).isInstanceOf(KiwoomFormatException.class);
    }

    @Test
    void aQuoteWithoutPriceIsRejectedNamingTheField() {
        var body = KiwoomFixtures.load("ka10001/gs-after-close.json");
        ((ObjectNode) body).put("cur_prc", "");

        assertThatThrownBy(() -> QuoteTranslator.fromKa10001(body, POLLED))
                .isInstanceOf(KiwoomFormatException.class)
                .hasMessageContaining("ka10001 cur_prc");
    }
}
