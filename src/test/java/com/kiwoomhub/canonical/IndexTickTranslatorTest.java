package com.kiwoomhub.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class IndexTickTranslatorTest {

    private static final LocalDate TRADING_DAY = LocalDate.of(2026, 7, 20);

    @Test
    void kospiRowKeepsItsDecimalsAndScalesVolumeAndTurnover() {
        IndexTick kospi = rows().get(0);

        assertThat(kospi).isEqualTo(new IndexTick("001", OffsetDateTime.parse("2026-07-20T14:30:00+09:00"),
                new BigDecimal("2394.49"), new BigDecimal("-278.47"), new BigDecimal("-10.42"), 890_000L,
                41_867_000_000L, new BigDecimal("2669.53"), new BigDecimal("2669.53"), new BigDecimal("2375.21"), "0J"));
        JsonNode json = CanonicalSchemas.assertValid(kospi);
        assertThat(json.path("value").toString()).isEqualTo("2394.49");
        assertThat(json.path("change").toString()).isEqualTo("-278.47");
    }

    @Test
    void minusZeroChangeIsZeroAndEmptyOrZeroLevelsAreAbsent() {
        IndexTick kosdaq = rows().get(1);

        assertThat(kosdaq).isEqualTo(new IndexTick("101", OffsetDateTime.parse("2026-07-20T09:00:01+09:00"),
                new BigDecimal("812.34"), BigDecimal.ZERO, new BigDecimal("0.00"), 12_000L, 345_000_000L,
                null, new BigDecimal("812.34"), null, "0J"));
        assertThat(kosdaq.change().signum()).isZero();
        CanonicalSchemas.assertValid(kosdaq);
    }

    @Test
    void ka20001OfficialExampleIsThePolledTwin() {
        OffsetDateTime asOf = OffsetDateTime.parse("2026-07-20T05:30:07Z");
        IndexTick polled = IndexTickTranslator.fromKa20001("001", KiwoomFixtures.load("ka20001/official-example.json"), asOf);

        assertThat(polled).isEqualTo(new IndexTick("001", OffsetDateTime.parse("2026-07-20T14:30:00+09:00"),
                new BigDecimal("2394.49"), new BigDecimal("-278.47"), new BigDecimal("-10.42"), 890_000L,
                41_867_000_000L, new BigDecimal("2669.53"), new BigDecimal("2669.53"), new BigDecimal("2375.21"),
                "ka20001"));
        assertThat(polled.value()).isEqualTo(rows().get(0).value());
        CanonicalSchemas.assertValid(polled);
    }

    @Test
    void ka20001WithoutTimeRowsTakesThePollTime() {
        JsonNode answer = KiwoomFixtures.load("ka20001/official-example.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove("inds_cur_prc_tm");
        OffsetDateTime asOf = OffsetDateTime.parse("2026-07-20T14:30:07+09:00");

        assertThat(IndexTickTranslator.fromKa20001("001", answer, asOf).time()).isEqualTo(asOf);
    }

    @Test
    void aRowWithoutIndexCodeOrValueIsRefused() {
        JsonNode noItem = json("""
                {"type":"0J","item":"","values":{"20":"090000","10":"+812.34","11":"0","12":"0"}}""");
        JsonNode noValue = json("""
                {"type":"0J","item":"001","values":{"20":"090000","10":"","11":"0","12":"0"}}""");
        assertThatThrownBy(() -> IndexTickTranslator.fromRow(KiwoomRealRow.parse(noItem), TRADING_DAY))
                .isInstanceOf(KiwoomFormatException.class).hasMessageContaining("index code");
        assertThatThrownBy(() -> IndexTickTranslator.fromRow(KiwoomRealRow.parse(noValue), TRADING_DAY))
                .isInstanceOf(KiwoomFormatException.class).hasMessageContaining("ws/0J 10");
    }

    private static List<IndexTick> rows() {
        return KiwoomRealRow.of(KiwoomFixtures.load("0J/kospi-and-kosdaq.json"), "0J").stream()
                .map(row -> IndexTickTranslator.fromRow(row, TRADING_DAY)).toList();
    }

    static JsonNode json(String text) {
        try {
            return CanonicalJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
