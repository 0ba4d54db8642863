package com.kiwoomhub.canonical;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositionTranslatorTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-08-19T09:40:23+09:00");

    @Test
    void holdingFramesBecomePositionsOfTheAccountAlias() {
        List<Position> positions = PositionTranslator.fromFrame(KiwoomFixtures.load("04/holding-after-fill.json"),
                "main", RECEIVED);

        assertThat(positions).containsExactly(
                new Position("main", "005930", "삼성전자", 102, 102L, 154116L, 60150L, RECEIVED),
                new Position("main", "000660", "SK하이닉스", 0, 0L, null, 1851000L, RECEIVED));
        assertThat(positions.get(0).topicKey()).isEqualTo("main");
        CanonicalSchemas.assertAllValid(positions);
    }
}
