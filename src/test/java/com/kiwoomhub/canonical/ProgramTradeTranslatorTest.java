package com.kiwoomhub.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgramTradeTranslatorTest {

    private static final LocalDate TRADING_DAY = LocalDate.of(2026, 7, 20);

    @Test
    void netBuyingWithAmountsFromMillionsOfWon() {
        assertThat(rows().get(0)).isEqualTo(new ProgramTrade("005930", Venue.KRX,
                OffsetDateTime.parse("2026-07-20T15:30:00+09:00"), 60_500L, 200L, new BigDecimal("0.33"), 768_293L,
                120_345, 7_281_000_000L, 154_002, 9_317_000_000L, 33_657, 2_036_000_000L));
        CanonicalSchemas.assertValid(rows().get(0));
    }

    @Test
    void netSellingFromZeroPaddedNegativeValues() {
        ProgramTrade sk = rows().get(1);

        assertThat(sk).isEqualTo(new ProgramTrade("000660", Venue.KRX, OffsetDateTime.parse("2026-07-20T10:05:01+09:00"),
                198_000L, -2_000L, new BigDecimal("-1.00"), 301_234L, 45_000, 8_910_000_000L, 12_000, 2_376_000_000L,
                -33_000, -6_534_000_000L));
        assertThat(sk.netBuyQuantity()).isEqualTo(sk.buyQuantity() - sk.sellQuantity());
        assertThat(sk.netBuyAmount()).isEqualTo(sk.buyAmount() - sk.sellAmount());
        CanonicalSchemas.assertValid(sk);
    }

    @Test
    void aRowWithoutProgramQuantitiesIsRefused() {
        assertThatThrownBy(() -> ProgramTradeTranslator.fromRow(KiwoomRealRow.parse(IndexTickTranslatorTest.json("""
                {"type":"0w","item":"005930","values":{"20":"153000","202":"","204":"0","206":"0","208":"0",
                 "210":"0","212":"0"}}""")), TRADING_DAY))
                .isInstanceOf(KiwoomFormatException.class).hasMessageContaining("ws/0w 202");
    }

    private static List<ProgramTrade> rows() {
        return KiwoomRealRow.of(KiwoomFixtures.load("0w/net-buy-and-net-sell.json"), "0w").stream()
                .map(row -> ProgramTradeTranslator.fromRow(row, TRADING_DAY)).toList();
    }
}
