package com.kiwoomhub.canonical;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountSnapshotTranslatorTest {

    private static final OffsetDateTime POLLED = OffsetDateTime.parse("2026-08-19T10:00:00+09:00");

    @Test
    void cashTotalsAndHoldingsOfAllPagesWithPaddingAndPrefixesRemoved() {
        AccountSnapshot snapshot = AccountSnapshotTranslator.translate("main",
                KiwoomFixtures.load("kt00001/cash-estimated.json"),
                List.of(KiwoomFixtures.load("kt00018/page-1.json"), KiwoomFixtures.load("kt00018/page-2.json")),
                POLLED);

        assertThat(snapshot.cash()).isEqualTo(new AccountSnapshot.Cash(17534L, 85341L, 85341L, 17450L, 12550L));
        assertThat(snapshot.totals()).isEqualTo(new AccountSnapshot.Totals(17598258L, 25789890L, 8138825L,
                new BigDecimal("46.25"), 1012632507L));
        assertThat(snapshot.positions()).containsExactly(
                new AccountSnapshot.Holding("005930", "삼성전자", 3, 3L, 124500L, 59000L, 373500L, 177000L, -196888L,
                        new BigDecimal("-52.71")),
                new AccountSnapshot.Holding("000660", "SK하이닉스", 1, 0L, 1447500L, 1851000L, 1447500L, 1851000L,
                        410150L, new BigDecimal("28.33")));
        assertThat(snapshot.topicKey()).isEqualTo("main");
        CanonicalSchemas.assertValid(snapshot);
    }

    @Test
    void withoutCashOrHoldingsThePartsAreLeftOutAndPositionsEmpty() {
        AccountSnapshot snapshot = AccountSnapshotTranslator.translate("main", null, List.of(), POLLED);

        var json = CanonicalSchemas.assertValid(snapshot);
        assertThat(json.has("cash")).isFalse();
        assertThat(json.has("totals")).isFalse();
        assertThat(json.get("positions").size()).isZero();
    }

    @Test
    void anUnchangedAccountPolledAgainTheSameDayKeepsItsId() {
        var kt00001 = KiwoomFixtures.load("kt00001/cash-estimated.json");
        var pages = List.of(KiwoomFixtures.load("kt00018/page-1.json"));
        AccountSnapshot first = AccountSnapshotTranslator.translate("main", kt00001, pages, POLLED);
        AccountSnapshot later = AccountSnapshotTranslator.translate("main", kt00001, pages, POLLED.plusMinutes(1));

        assertThat(CloudEvent.idOf("kiwoom.account-snapshot.v1", later))
                .isEqualTo(CloudEvent.idOf("kiwoom.account-snapshot.v1", first));
    }
}
