package com.kiwoomhub.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExpectedTradeTranslatorTest {

    private static final LocalDate TRADING_DAY = LocalDate.of(2026, 7, 20);

    @Test
    void officialExampleExpectedPriceAndQuantity() {
        assertThat(rows().get(0)).isEqualTo(new ExpectedTrade("005930", Venue.KRX,
                OffsetDateTime.parse("2026-07-20T11:02:06+09:00"), 60_500L, 200, new BigDecimal("0.33"), 7805, 768_293L));
        CanonicalSchemas.assertValid(rows().get(0));
    }

    @Test
    void nothingMatchedYetOnNextradeHasNoPriceAndZeroQuantity() {
        ExpectedTrade none = rows().get(1);

        assertThat(none).isEqualTo(new ExpectedTrade("000660", Venue.NXT,
                OffsetDateTime.parse("2026-07-20T08:45:00+09:00"), null, 0, new BigDecimal("0.00"), 0, null));
        assertThat(CanonicalSchemas.assertValid(none).has("price")).isFalse();
    }

    private static List<ExpectedTrade> rows() {
        return KiwoomRealRow.of(KiwoomFixtures.load("0H/auction-and-nothing-matched.json"), "0H").stream()
                .map(row -> ExpectedTradeTranslator.fromRow(row, TRADING_DAY)).toList();
    }
}
