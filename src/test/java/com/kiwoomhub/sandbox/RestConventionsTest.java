package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kiwoomhub.sandbox.RestTestClient.Answer;

/** Tokens, headers, paths and the error envelopes of docs/kiwoom-protocol.md §3, §4 and §5. */
class RestConventionsTest {

    private final MutableClock clock = MutableClock.fridayMorning();
    private Sandbox sandbox;
    private RestTestClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "rate-limit", "0", "token-lifetime", "10m",
                "credentials[0].app-key", "key-a", "credentials[0].secret-key", "secret-a", "credentials[0].account-number", "5012345601",
                "credentials[1].app-key", "key-b", "credentials[1].secret-key", "secret-b", "credentials[1].account-number", "5099999901")),
                clock);
        client = new RestTestClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void issuesTheSameTokenUntilItExpiresWithAKstExpiry() {
        Answer first = issue("key-a", "secret-a", null);
        clock.advance(Duration.ofMinutes(3));
        Answer second = issue("key-a", "secret-a", "au10001");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("return_code").isInt()).isTrue();
        assertThat(first.returnCode()).isZero();
        assertThat(first.returnMessage()).isEqualTo("정상적으로 처리되었습니다");
        assertThat(first.text("token_type")).isEqualTo("bearer");
        assertThat(first.text("expires_dt")).isEqualTo("20261120104000");
        assertThat(second.text("token")).isEqualTo(first.text("token"));
        assertThat(second.text("expires_dt")).isEqualTo(first.text("expires_dt"));
        assertThat(issue("key-b", "secret-b", null).text("token")).isNotEqualTo(first.text("token"));
    }

    @Test
    void expiredTokensAreRejectedAndReplaced() {
        String token = client.login("key-a", "secret-a").token();
        clock.advance(Duration.ofMinutes(10));

        Answer rejected = client.call("/api/dostk/acnt", "kt00001", body("qry_tp", "3"));
        String renewed = client.login("key-a", "secret-a").token();

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.returnCode()).isEqualTo(3);
        assertThat(rejected.returnMessage()).isEqualTo("인증에 실패했습니다[8005:Token이 유효하지 않습니다]");
        assertThat(renewed).isNotEqualTo(token);
        assertThat(issue("key-a", "secret-a", null).text("expires_dt"))
                .isEqualTo(LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Seoul"))).plusMinutes(10)
                        .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
    }

    @Test
    void revokedAndExpiredByFaultTokensGet8005() {
        String token = client.login("key-a", "secret-a").token();
        Answer revoked = client.post("/oauth2/revoke", null, body("appkey", "key-a", "secretkey", "secret-a", "token", token), Map.of());
        assertThat(revoked.returnCode()).isZero();
        assertThat(client.call("/api/dostk/acnt", "kt00001", body("qry_tp", "3")).returnMessage()).contains("[8005:");

        client.login("key-a", "secret-a");
        sandbox.tokens().expireAll();
        assertThat(client.call("/api/dostk/acnt", "kt00001", body("qry_tp", "3")).returnCode()).isEqualTo(3);
    }

    @Test
    void wrongKeysGet8001WithoutAToken() {
        Answer answer = issue("key-a", "wrong", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.returnCode()).isEqualTo(3);
        assertThat(answer.returnMessage()).isEqualTo("인증에 실패했습니다[8001:App Key와 Secret Key 검증에 실패했습니다]");
        assertThat(answer.body().has("token")).isFalse();
    }

    @Test
    void aTrOnTheWrongPathGets1504() {
        client.login("key-a", "secret-a");

        Answer answer = client.call("/api/dostk/chart", "ka10001", body("stk_cd", "005930"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.returnCode()).isEqualTo(1);
        assertThat(answer.returnMessage())
                .isEqualTo("잘못된 요청입니다[1504:해당 URI에서는 지원하는 API ID가 아닙니다. API ID=ka10001, URI=/api/dostk/chart]");
    }

    @Test
    void missingOrMalformedAuthorizationGets1513And1514() {
        Answer missing = client.post("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930"), Map.of());
        Answer malformed = client.post("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930"), Map.of("authorization", "abc"));
        Answer garbage = client.post("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930"), Map.of("authorization", "Bearer abc"));

        assertThat(missing.returnCode()).isEqualTo(2);
        assertThat(missing.returnMessage()).isEqualTo("입력 값 오류입니다[1513:Http Header에 authorization 필드가 설정되어 있어야 합니다]");
        assertThat(malformed.returnCode()).isEqualTo(2);
        assertThat(malformed.returnMessage()).contains("[1514:");
        assertThat(garbage.returnCode()).isEqualTo(3);
        assertThat(garbage.returnMessage()).isEqualTo("인증에 실패했습니다[8005:Token이 유효하지 않습니다]");
    }

    @Test
    void missingRequiredFieldGets1511NamingIt() {
        client.login("key-a", "secret-a");

        Answer answer = client.call("/api/dostk/acnt", "kt00001", Map.of());

        assertThat(answer.returnCode()).isEqualTo(2);
        assertThat(answer.returnMessage())
                .isEqualTo("입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=qry_tp]");
    }

    @Test
    void everyAnswerCarriesTheResponseHeaders() {
        client.login("key-a", "secret-a");

        Answer answer = client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930"));

        assertThat(answer.apiId()).isEqualTo("ka10001");
        assertThat(answer.contYn()).isEqualTo("N");
        assertThat(answer.nextKey()).isEmpty();
    }

    @Test
    void eachTokenTradesItsOwnAccount() {
        client.login("key-b", "secret-b");

        Answer answer = client.call("/api/dostk/acnt", "ka00001", Map.of());

        assertThat(answer.text("acctNo")).isEqualTo("5099999901");
    }

    @Test
    void aTakenPortFailsTheStartWithAClearMessage() {
        Map<String, String> taken = Map.of("port", Integer.toString(sandbox.port()));

        assertThatThrownBy(() -> Sandbox.start(SandboxSettings.of(taken), clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("127.0.0.1:" + sandbox.port());
    }

    @Test
    void onlyPostIsServed() throws Exception {
        HttpResponse<String> get = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/dostk/stkinfo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
    }

    private Answer issue(String appKey, String secretKey, String apiId) {
        return client.post("/oauth2/token", apiId, body("grant_type", "client_credentials", "appkey", appKey,
                "secretkey", secretKey), Map.of());
    }
}
