package com.kiwoomhub.canonical;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiwoomValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+34950|34950",
            "-231000|231000",
            "239500|239500",
            "000000000124500|124500",
            "20,190|20190"})
    void pricesDropTheDirectionSign(String raw, long expected) {
        assertThat(KiwoomValues.price(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "+", "-", "0", "-0", " 0", "000000000000000"})
    void aPriceWithoutValueOrOfZeroIsUnknown(String raw) {
        assertThat(KiwoomValues.price(raw)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-00000163958|-163958",
            "-00000000196888|-196888",
            "-00000000000084|-84",
            "+800|800",
            "-23000|-23000",
            "--23722054|-23722054",
            "-0|0",
            "' 0'|0",
            "000000000017534|17534",
            "-00000100|-100",
            "20,190|20190"})
    void changesKeepTheirRealSign(String raw, long expected) {
        assertThat(KiwoomValues.signed(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "+", "-", "  "})
    void signOnlyAndEmptyValuesAreUnknown(String raw) {
        assertThat(KiwoomValues.signed(raw)).isNull();
        assertThat(KiwoomValues.decimal(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967295", "2147483647", "-2147483648"})
    void saturatedCapsAreUnknown(String raw) {
        assertThat(KiwoomValues.signed(raw)).isNull();
    }

    @Test
    void decimalsKeepSignAndScale() {
        assertThat(KiwoomValues.decimal("+2.34")).isEqualTo(new BigDecimal("2.34"));
        assertThat(KiwoomValues.decimal("-43.8977")).isEqualTo(new BigDecimal("-43.8977"));
        assertThat(KiwoomValues.decimal("0.00")).isEqualTo(new BigDecimal("0.00"));
        assertThat(KiwoomValues.decimal("-00000130")).isEqualTo(new BigDecimal("-130"));
    }

    @Test
    void magnitudesKeepZero() {
        assertThat(KiwoomValues.magnitude("-0")).isZero();
        assertThat(KiwoomValues.magnitude("-129")).isEqualTo(129);
    }

    @Test
    void directionIsTheLeadingSign() {
        assertThat(KiwoomValues.direction("+82")).isEqualTo(1);
        assertThat(KiwoomValues.direction("-5")).isEqualTo(-1);
        assertThat(KiwoomValues.direction("82")).isZero();
        assertThat(KiwoomValues.direction("")).isZero();
    }

    @Test
    void garbageIsAFormatErrorNamingTheValue() {
        assertThatThrownBy(() -> KiwoomValues.signed("12a4")).isInstanceOf(KiwoomFormatException.class)
                .hasMessageContaining("\"12a4\"");
        assertThatThrownBy(() -> KiwoomValues.signed("2.5")).isInstanceOf(KiwoomFormatException.class);
    }

    @Test
    void timesAreKstOnTheTradingDate() {
        assertThat(KiwoomValues.time("155950", LocalDate.of(2026, 8, 19)))
                .isEqualTo(OffsetDateTime.parse("2026-08-19T15:59:50+09:00"));
        assertThat(KiwoomValues.dateTime("20250917132000"))
                .isEqualTo(OffsetDateTime.parse("2025-09-17T13:20:00+09:00"));
        assertThat(KiwoomValues.date("20260819")).isEqualTo(LocalDate.of(2026, 8, 19));
        assertThat(KiwoomValues.date("00000000")).isNull();
        assertThat(KiwoomValues.time("", LocalDate.of(2026, 8, 19))).isNull();
        assertThatThrownBy(() -> KiwoomValues.time("2561", LocalDate.of(2026, 8, 19)))
                .isInstanceOf(KiwoomFormatException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "005930|005930|KRX",
            "A005930|005930|KRX",
            "005930_NX|005930|NXT",
            "039490_AL|039490|UNIFIED",
            "0156T0|0156T0|KRX",
            "A0156T0_NX|0156T0|NXT"})
    void symbolsLoseAPrefixAndSuffixIntoVenue(String raw, String symbol, Venue venue) {
        assertThat(KiwoomSymbol.parse(raw)).isEqualTo(new KiwoomSymbol(symbol, venue));
    }
}
