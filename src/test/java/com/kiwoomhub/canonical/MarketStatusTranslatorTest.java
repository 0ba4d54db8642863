package com.kiwoomhub.canonical;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarketStatusTranslatorTest {

    @Test
    void phaseCodesKeepTheirCaseAndNextradeCodesAreKeyedByNxt() {
        List<MarketStatus> statuses = MarketStatusTranslator.fromFrame(
                KiwoomFixtures.load("0s/closing-price-session-ended-and-nxt-main.json"), LocalDate.of(2026, 8, 19));

        assertThat(statuses).containsExactly(
                new MarketStatus("b", "시간외 종가매매 종료", OffsetDateTime.parse("2026-08-19T16:00:00+09:00"), Venue.KRX),
                new MarketStatus("R", "NXT 메인마켓 시작", OffsetDateTime.parse("2026-08-19T09:00:00+09:00"), Venue.NXT));
        assertThat(statuses.get(1).topicKey()).isEqualTo("NXT");
        CanonicalSchemas.assertAllValid(statuses);
    }
}
