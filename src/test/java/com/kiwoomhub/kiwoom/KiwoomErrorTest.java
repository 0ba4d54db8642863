package com.kiwoomhub.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KiwoomErrorTest {

    @Test
    void readsTheDetailCodeOutOfEachKiwoomMessageShape() {
        assertThat(KiwoomError.of("ka10081", 200, 2,
                "입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=qry_tp]"))
                .extracting(KiwoomError::category, KiwoomError::code)
                .containsExactly(KiwoomErrorCategory.INPUT, "1511");
        assertThat(KiwoomError.of("kt10000", 200, 20, "[2000](RC4058:모의투자 장종료)"))
                .extracting(KiwoomError::category, KiwoomError::code)
                .containsExactly(KiwoomErrorCategory.ORDER_REJECTED, "RC4058");
        assertThat(KiwoomError.of("kt10001", 200, 20, "[2000](800033:매도가능수량이 부족합니다. 0주 매도가능)").code())
                .isEqualTo("800033");
        assertThat(KiwoomError.of("ka10001", 200, 3, "LOGIN 실패 [CODE=8031, MESSAGE=모의투자 미신청]"))
                .satisfies(e -> assertThat(e.code()).isEqualTo("8031"))
                .satisfies(e -> assertThat(e.reissuesToken()).isTrue());
        assertThat(KiwoomError.of("ka10095", 200, 1,
                "잘못된 요청입니다[1504:해당 URI에서는 지원하는 API ID가 아닙니다. API ID=ka10095, URI=/api/dostk/chart]"))
                .extracting(KiwoomError::category, KiwoomError::code)
                .containsExactly(KiwoomErrorCategory.INVALID_REQUEST, "1504");
    }

    @Test
    void tellsRateLimitFromTooManyItemsAndCredentialsFromTokens() {
        assertThat(KiwoomError.of("ka10080", 429, 5,
                "허용된 요청 개수를 초과하였습니다[1700:허용된 API 요청 개수를 초과하였습니다. 유량=5, API ID=ka10080]").category())
                .isEqualTo(KiwoomErrorCategory.RATE_LIMIT);
        assertThat(KiwoomError.of("ka10095", 200, 5, "허용된 요청 개수를 초과하였습니다[1634:...]").category())
                .isEqualTo(KiwoomErrorCategory.TOO_MANY_ITEMS);
        for (String code : new String[] {"8001", "8002", "8011", "8012", "8020", "8030"}) {
            assertThat(KiwoomError.of("au10001", 200, 3, "인증에 실패했습니다[" + code + ":...]").category())
                    .isEqualTo(KiwoomErrorCategory.CONFIGURATION);
        }
        assertThat(KiwoomError.of("ka10001", 200, 3, "인증에 실패했습니다[8050:지정단말기 인증에 실패했습니다]"))
                .satisfies(e -> assertThat(e.category()).isEqualTo(KiwoomErrorCategory.AUTH))
                .satisfies(e -> assertThat(e.reissuesToken()).isFalse());
        assertThat(KiwoomError.of("ka10001", 401, null, "").reissuesToken()).isTrue();
        assertThat(KiwoomError.of("ka10001", 502, null, "").code()).isEqualTo("http502");
        assertThat(KiwoomError.of("ka10001", 200, 99, "무엇").code()).isEqualTo("rc99");
    }

    @Test
    void knowsThePathOfEveryTrGroupAndWhichOnesPlaceOrders() {
        assertThat(TrGroup.of("ka10095").path()).isEqualTo("/api/dostk/stkinfo");
        assertThat(TrGroup.of("ka10004").path()).isEqualTo("/api/dostk/mrkcond");
        assertThat(TrGroup.of("ka10081").path()).isEqualTo("/api/dostk/chart");
        assertThat(TrGroup.of("kt00018").path()).isEqualTo("/api/dostk/acnt");
        assertThat(TrGroup.of("ka00001").path()).isEqualTo("/api/dostk/acnt");
        assertThat(TrGroup.of("kt10000").path()).isEqualTo("/api/dostk/ordr");
        assertThat(TrGroup.of("kt10008").path()).isEqualTo("/api/dostk/crdordr");
        assertThat(TrGroup.of("ka30012").path()).isEqualTo("/api/dostk/elw");
        assertThat(TrGroup.of("ka40010").path()).isEqualTo("/api/dostk/etf");
        assertThat(TrGroup.of("ka90002").path()).isEqualTo("/api/dostk/thme");
        assertThat(TrGroup.of("kt10003").placesOrders()).isTrue();
        assertThat(TrGroup.of("kt00018").placesOrders()).isFalse();
    }
}
