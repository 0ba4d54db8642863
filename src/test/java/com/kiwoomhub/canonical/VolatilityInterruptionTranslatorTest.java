package com.kiwoomhub.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kiwoomhub.canonical.VolatilityInterruption.ViKind;
import com.kiwoomhub.canonical.VolatilityInterruption.ViStatus;

class VolatilityInterruptionTranslatorTest {

    private static final LocalDate TRADING_DAY = LocalDate.of(2026, 7, 20);

    @Test
    void staticViTriggeredWithTheOfficialExampleValues() {
        VolatilityInterruption vi = rows().get(0);

        assertThat(vi).isEqualTo(new VolatilityInterruption("900110", "이스트아시아홀딩스", ViStatus.TRIGGERED,
                ViKind.STATIC, OffsetDateTime.parse("2026-07-20T11:14:54+09:00"), 4125L, new BigDecimal("7.14"),
                3750L, null, new BigDecimal("10.00"), null, 1, OffsetDateTime.parse("2026-07-20T11:14:54+09:00"),
                OffsetDateTime.parse("2026-07-20T11:17:03+09:00"), 1_834_211L));
        CanonicalSchemas.assertValid(vi);
    }

    @Test
    void dynamicViReleasedWithPrefixedCodeSignedPriceAndPaddedCount() {
        VolatilityInterruption vi = rows().get(1);

        assertThat(vi).isEqualTo(new VolatilityInterruption("005930", "삼성전자", ViStatus.RELEASED, ViKind.DYNAMIC,
                OffsetDateTime.parse("2026-07-20T13:17:21+09:00"), 74_100L, new BigDecimal("-1.20"), null, 76_500L,
                null, new BigDecimal("-3.14"), 2, OffsetDateTime.parse("2026-07-20T13:15:02+09:00"),
                OffsetDateTime.parse("2026-07-20T13:17:21+09:00"), 10_386_116L));
        CanonicalSchemas.assertValid(vi);
    }

    @Test
    void bothKindsAtOnceAndAnUnknownStatusCode() {
        assertThat(translate("""
                {"9001":"005930","9068":"1","1225":"동적+정적","1223":"090512","1224":"000000"}""").kind())
                .isEqualTo(ViKind.STATIC_AND_DYNAMIC);
        assertThat(translate("""
                {"9001":"005930","9068":"1","1225":"동적+정적","1223":"090512","1224":"000000"}""").releasedAt()).isNull();
        assertThatThrownBy(() -> translate("""
                {"9001":"005930","9068":"7","1225":"정적","1223":"090512"}"""))
                .isInstanceOf(KiwoomFormatException.class).hasMessageContaining("9068").hasMessageContaining("\"7\"");
        assertThatThrownBy(() -> translate("""
                {"9001":"005930","9068":"2","1225":"정적","1223":"090512","1224":""}"""))
                .isInstanceOf(KiwoomFormatException.class).hasMessageContaining("1224");
    }

    private static VolatilityInterruption translate(String values) {
        return VolatilityInterruptionTranslator.fromRow(KiwoomRealRow.parse(IndexTickTranslatorTest.json(
                "{\"type\":\"1h\",\"item\":\"\",\"values\":" + values + "}")), TRADING_DAY);
    }

    private static List<VolatilityInterruption> rows() {
        return KiwoomRealRow.of(KiwoomFixtures.load("1h/static-triggered-dynamic-released.json"), "1h").stream()
                .map(row -> VolatilityInterruptionTranslator.fromRow(row, TRADING_DAY)).toList();
    }
}
