package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kiwoomhub.sandbox.RestTestClient.Answer;

/** kiwoom.sandbox.mock=true behaves as mockapi.kiwoom.com (docs/kiwoom-protocol.md §2.2, §4.4). */
class MockModeTest {

    private final MutableClock clock = MutableClock.fridayMorning();
    private Sandbox sandbox;
    private RestTestClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "mock", "true", "always-open", "false")), clock);
        client = new RestTestClient(sandbox).login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void acceptsKrxOrdersWithMockMessages() {
        Answer answer = buy("KRX", "005930");

        assertThat(answer.returnCode()).isZero();
        assertThat(answer.returnMessage()).isEqualTo("모의투자 매수주문완료");
        assertThat(answer.text("ord_no")).matches("[0-9]{7}");
    }

    @Test
    void refusesNxtAndSorOrders() {
        assertThat(buy("NXT", "005930").returnMessage()).isEqualTo("[2000](RC9000:모의투자에서는 해당업무가 제공되지 않습니다.)");
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(buy("SOR", "005930").returnCode()).isEqualTo(20);
    }

    @Test
    void refusesRestrictedSymbols() {
        assertThat(buy("KRX", "252670").returnMessage()).isEqualTo("[2000](RC4007:모의투자 매매제한 종목입니다.)");
    }

    @Test
    void refusesOrdersAfterTheClose() {
        clock.set(Instant.parse("2026-11-20T06:31:00Z"));

        Answer answer = buy("KRX", "005930");

        assertThat(answer.returnCode()).isEqualTo(20);
        assertThat(answer.returnMessage()).isEqualTo("[2000](RC4058:모의투자 장종료)");
    }

    @Test
    void allowsOneQueryPerSecond() {
        assertThat(client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930")).status()).isEqualTo(200);

        Answer second = client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930"));

        assertThat(second.status()).isEqualTo(429);
        assertThat(second.returnMessage()).contains("유량=1, API ID=ka10001");
    }

    @Test
    void ordersKeepFivePerSecond() {
        for (int i = 0; i < 5; i++) {
            assertThat(buy("KRX", "005930").returnCode()).isZero();
        }
        assertThat(buy("KRX", "005930").status()).isEqualTo(429);
    }

    @Test
    void trsMockDoesNotProvideGetRc9000() {
        Answer answer = client.call("/api/dostk/acnt", "kt00017", Map.of());

        assertThat(answer.returnCode()).isEqualTo(20);
        assertThat(answer.returnMessage()).isEqualTo("[2000](RC9000:모의투자에서는 해당업무가 제공되지 않습니다.)");
    }

    @Test
    void freshMockAccountsHaveNoNames() {
        Answer answer = client.call("/api/dostk/acnt", "kt00004", body("qry_tp", "0", "dmst_stex_tp", "KRX"));

        assertThat(answer.text("acnt_nm")).isEmpty();
        assertThat(answer.text("brch_nm")).isEmpty();
        assertThat(answer.body().path("stk_acnt_evlt_prst").size()).isZero();
    }

    private Answer buy(String exchange, String code) {
        return client.call("/api/dostk/ordr", "kt10000", body("dmst_stex_tp", exchange, "stk_cd", code, "ord_qty", "1",
                "ord_uv", "", "trde_tp", "3", "cond_uv", ""));
    }
}
