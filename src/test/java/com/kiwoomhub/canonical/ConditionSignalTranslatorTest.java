package com.kiwoomhub.canonical;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionSignalTranslatorTest {

    private static final OffsetDateTime SEARCHED = OffsetDateTime.parse("2026-08-19T15:20:00+09:00");
    private static final Map<String, String> NAMES = Map.of("2", "거래량급증", "4", "골든크로스");

    @Test
    void normalSearchRowsAreMatchesWithTheTrimmedSeqAndBareSymbols() {
        List<ConditionSignal> signals = ConditionSignalTranslator.fromSearch(
                KiwoomFixtures.load("cnsrreq/search-type-0.json"), NAMES, SEARCHED);

        assertThat(signals).containsExactly(
                new ConditionSignal("2", "거래량급증", "005930", ConditionEvent.MATCH, SEARCHED),
                new ConditionSignal("2", "거래량급증", "035420", ConditionEvent.MATCH, SEARCHED));
        CanonicalSchemas.assertAllValid(signals);
    }

    @Test
    void realtimeSearchInitialListIsDeduplicated() {
        List<ConditionSignal> signals = ConditionSignalTranslator.fromSearch(
                KiwoomFixtures.load("cnsrreq/search-type-1-initial.json"), NAMES, SEARCHED);

        assertThat(signals).extracting(ConditionSignal::symbol).containsExactly("005930", "000660");
        assertThat(signals).allMatch(s -> s.event() == ConditionEvent.MATCH && s.conditionSeq().equals("4"));
    }

    @Test
    void insertAndDeleteAlertsAreEnterAndExit() {
        List<ConditionSignal> signals = ConditionSignalTranslator.fromFrame(
                KiwoomFixtures.load("02/enter-and-exit.json"), NAMES, LocalDate.of(2026, 8, 19));

        assertThat(signals).containsExactly(
                new ConditionSignal("4", "골든크로스", "005930", ConditionEvent.ENTER,
                        OffsetDateTime.parse("2026-08-19T15:20:28+09:00")),
                new ConditionSignal("4", "골든크로스", "000660", ConditionEvent.EXIT,
                        OffsetDateTime.parse("2026-08-19T15:20:31+09:00")));
        assertThat(signals.get(0).topicKey()).isEqualTo("005930");
        CanonicalSchemas.assertAllValid(signals);
    }

    @Test
    void anUnknownConditionHasNoName() {
        List<ConditionSignal> signals = ConditionSignalTranslator.fromFrame(
                KiwoomFixtures.load("02/enter-and-exit.json"), Map.of(), LocalDate.of(2026, 8, 19));

        assertThat(signals.get(0).conditionName()).isNull();
        assertThat(CanonicalSchemas.assertValid(signals.get(0)).has("conditionName")).isFalse();
    }
}
