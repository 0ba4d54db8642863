package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kiwoomhub.sandbox.RestTestClient.Answer;
import com.kiwoomhub.sandbox.RequestJournal.ReceivedRequest;

/** Rate limits (docs/kiwoom-protocol.md §8), injected faults and the request journal. */
class FaultsTest {

    private static final String STKINFO = "/api/dostk/stkinfo";

    private final MutableClock clock = MutableClock.fridayMorning();
    private Sandbox sandbox;
    private RestTestClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0",
                "credentials[0].app-key", "key-a", "credentials[0].secret-key", "secret-a", "credentials[0].account-number", "5012345601",
                "credentials[1].app-key", "key-b", "credentials[1].secret-key", "secret-b", "credentials[1].account-number", "5099999901")),
                clock);
        client = new RestTestClient(sandbox).login("key-a", "secret-a");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void sixthCallInOneSecondGets429PerAppKeyAndTr() {
        for (int i = 0; i < 5; i++) {
            assertThat(info().status()).isEqualTo(200);
        }

        Answer rejected = info();

        assertThat(rejected.status()).isEqualTo(429);
        assertThat(rejected.body().get("return_code").isInt()).isTrue();
        assertThat(rejected.returnCode()).isEqualTo(5);
        assertThat(rejected.returnMessage())
                .isEqualTo("허용된 요청 개수를 초과하였습니다[1700:허용된 API 요청 개수를 초과하였습니다. 유량=5, API ID=ka10001]");
        assertThat(client.call("/api/dostk/mrkcond", "ka10004", body("stk_cd", "005930")).status()).isEqualTo(200);
        assertThat(new RestTestClient(sandbox).login("key-b", "secret-b")
                .call(STKINFO, "ka10001", body("stk_cd", "005930")).status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(200));
        assertThat(info().status()).isEqualTo(200);
        assertThat(info().status()).isEqualTo(429);
    }

    @Test
    void armedFaultsHitTheNextCallsOfTheirTrOnly() {
        sandbox.faults().failNext("ka10001", 2, 503);
        sandbox.faults().rateLimitNext("ka10004", 1);

        assertThat(info().status()).isEqualTo(503);
        assertThat(client.call("/api/dostk/mrkcond", "ka10004", body("stk_cd", "005930")).status()).isEqualTo(429);
        assertThat(info().status()).isEqualTo(503);
        assertThat(info().returnCode()).isZero();
        assertThat(client.call("/api/dostk/mrkcond", "ka10004", body("stk_cd", "005930")).returnCode()).isZero();
    }

    @Test
    void delayedOrderIsPlacedButAnsweredAfterTheClientHasGivenUp() {
        sandbox.faults().delayNext("kt10000", 1, Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.send("/api/dostk/ordr", "kt10000", body("dmst_stex_tp", "KRX", "stk_cd", "005930",
                "ord_qty", "1", "ord_uv", "", "trde_tp", "3", "cond_uv", ""),
                Map.of("authorization", "Bearer " + client.token()), Duration.ofMillis(300)))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(HttpTimeoutException.class);

        assertThat(sandbox.account("key-a").orders()).singleElement()
                .satisfies(o -> assertThat(o.orderNumber()).isEqualTo("0000001"));
        assertThat(info().returnCode()).isZero();
    }

    @Test
    void journalKeepsEveryRequestWithoutTheToken() {
        client.call("/api/dostk/ordr", "kt10000", body("dmst_stex_tp", "KRX", "stk_cd", "005930", "ord_qty", "3",
                "ord_uv", "", "trde_tp", "3", "cond_uv", ""));

        List<ReceivedRequest> orders = sandbox.requests().withApiId("kt10000");
        assertThat(orders).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/api/dostk/ordr");
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.fields()).containsEntry("stk_cd", "005930").containsEntry("ord_qty", "3").containsEntry("trde_tp", "3");
            assertThat(r.headers()).containsEntry("authorization", "Bearer ***").containsEntry("api-id", "kt10000");
            assertThat(r.headers().values()).noneMatch(v -> v.contains(client.token()));
            assertThat(r.body()).doesNotContain(client.token());
        });
        assertThat(sandbox.requests().all()).extracting(ReceivedRequest::path).containsExactly("/oauth2/token", "/api/dostk/ordr");
    }

    private Answer info() {
        return client.call(STKINFO, "ka10001", body("stk_cd", "005930"));
    }
}
