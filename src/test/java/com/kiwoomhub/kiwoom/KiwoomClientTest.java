package com.kiwoomhub.kiwoom;

import static com.kiwoomhub.kiwoom.ClientFixture.APP_KEY;
import static com.kiwoomhub.kiwoom.ClientFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.kiwoom.KiwoomStub.Reply;
import com.kiwoomhub.kiwoom.KiwoomStub.Seen;

class KiwoomClientTest {

    private KiwoomStub stub;
    private ClientFixture hub;

    @BeforeEach
    void start() throws Exception {
        stub = new KiwoomStub();
        hub = new ClientFixture(stub);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void postsEachTrToItsGroupPathWithKiwoomHeaders() {
        hub.client.call("default", "ka10095", Map.of("stk_cd", "005930|000660"), CallOptions.DEFAULT);
        hub.client.call((String) null, "ka10081", "{\"stk_cd\":\"005930\",\"base_dt\":\"20261120\",\"upd_stkpc_tp\":\"1\"}",
                CallOptions.DEFAULT);
        hub.client.call("default", "kt10000", Map.of("dmst_stex_tp", "KRX", "stk_cd", "005930", "ord_qty", "1",
                "trde_tp", "3"), CallOptions.DEFAULT);

        List<Seen> trs = stub.trRequests();
        assertThat(trs).extracting(Seen::path)
                .containsExactly("/api/dostk/stkinfo", "/api/dostk/chart", "/api/dostk/ordr");
        assertThat(trs).extracting(Seen::apiId).containsExactly("ka10095", "ka10081", "kt10000");
        assertThat(trs).allSatisfy(s -> {
            assertThat(s.header("authorization")).isEqualTo("Bearer " + stub.token);
            assertThat(s.header("content-type")).isEqualTo("application/json;charset=UTF-8");
            assertThat(s.header("cont-yn")).isNull();
        });
        assertThat(trs.get(0).body()).isEqualTo("{\"stk_cd\":\"005930|000660\"}");
        assertThat(trs.get(1).body()).contains("\"base_dt\":\"20261120\"");

        List<Seen> issues = stub.requests("/oauth2/token");
        assertThat(issues).as("one token for all calls of the app key").hasSize(1);
        assertThat(issues.get(0).body()).isEqualTo("{\"grant_type\":\"client_credentials\",\"appkey\":\"" + APP_KEY
                + "\",\"secretkey\":\"" + SECRET + "\"}");
    }

    @Test
    void followsContinuationHeadersAcrossPagesAndReturnsEveryRow() {
        stub.script("ka10081",
                Reply.page(chartPage("20261120", "20261119"), "NK-0001"),
                Reply.page(chartPage("20261118", "20261117"), "NK-0002"),
                Reply.page(chartPage("20261116"), null));

        TrResponse response = hub.client.call("default", "ka10081", Map.of("stk_cd", "005930"), CallOptions.pages(10));

        List<Seen> pages = stub.trRequests();
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).header("cont-yn")).isNull();
        assertThat(pages.get(1).header("cont-yn")).isEqualTo("Y");
        assertThat(pages.get(1).header("next-key")).isEqualTo("NK-0001");
        assertThat(pages.get(2).header("next-key")).isEqualTo("NK-0002");
        assertThat(pages).extracting(Seen::body).containsOnly("{\"stk_cd\":\"005930\"}");

        assertThat(response.pages()).hasSize(3);
        assertThat(response.listKey()).isEqualTo("stk_dt_pole_chart_qry");
        assertThat(response.rows()).extracting(r -> r.path("dt").asText())
                .containsExactly("20261120", "20261119", "20261118", "20261117", "20261116");
        assertThat(response.body().path("stk_cd").asText()).isEqualTo("005930");
        assertThat(response.hasMore()).isFalse();
        assertThat(response.nextKey()).isNull();
    }

    @Test
    void stopsAtThePageCapAndHandsBackTheNextKey() {
        stub.script("ka10081",
                Reply.page(chartPage("20261120"), "NK-0001"),
                Reply.page(chartPage("20261119"), "NK-0002"));

        TrResponse first = hub.client.call("default", "ka10081", Map.of("stk_cd", "005930"), CallOptions.pages(2));
        assertThat(first.hasMore()).isTrue();
        assertThat(first.nextKey()).isEqualTo("NK-0002");
        assertThat(first.rows()).hasSize(2);

        hub.client.call("default", "ka10081", Map.of("stk_cd", "005930"), CallOptions.DEFAULT.continueFrom(first.nextKey()));
        assertThat(stub.trRequests()).last().satisfies(s -> {
            assertThat(s.header("cont-yn")).isEqualTo("Y");
            assertThat(s.header("next-key")).isEqualTo("NK-0002");
        });
    }

    @Test
    void aPageWalkSeesEveryPageAndStopsTheCallWhereItSays() {
        stub.script("ka10081",
                Reply.page(chartPage("20261120", "20261119"), "NK-0001"),
                Reply.page(chartPage("20261118", "20261117"), "NK-0002"),
                Reply.page(chartPage("20261116"), "NK-0003"));
        List<String> seen = new ArrayList<>();
        PageWalk untilTheEighteenth = page -> {
            seen.add(page.number() + ":" + page.rows() + ":" + page.more());
            return !page.body().toString().contains("20261118");
        };

        TrResponse response = hub.client.call("default", "ka10081", Map.of("stk_cd", "005930"),
                CallOptions.pages(Integer.MAX_VALUE).walkedBy(untilTheEighteenth));

        assertThat(seen).containsExactly("1:2:true", "2:2:true");
        assertThat(stub.trRequests()).hasSize(2);
        assertThat(response.rows()).extracting(r -> r.path("dt").asText())
                .containsExactly("20261120", "20261119", "20261118", "20261117");
        assertThat(response.hasMore()).as("Kiwoom has more; the walk stopped").isTrue();
        assertThat(response.nextKey()).isEqualTo("NK-0002");
    }

    @Test
    void aFailedPageFailsTheWalkInsteadOfEndingIt() {
        stub.script("ka10081",
                Reply.page(chartPage("20261120"), "NK-0001"),
                Reply.of(503, ""), Reply.of(503, ""), Reply.of(503, ""));
        List<Integer> seen = new ArrayList<>();

        KiwoomException e = catchThrowableOfType(KiwoomException.class, () -> hub.client.call("default", "ka10081",
                Map.of("stk_cd", "005930"), CallOptions.pages(10).walkedBy(page -> seen.add(page.number()))));

        assertThat(e.error().code()).isEqualTo("http503");
        assertThat(seen).containsExactly(1);
    }

    @Test
    void stopsOnAPageWithoutRows() {
        stub.script("ka10081",
                Reply.page(chartPage("20261120"), "NK-0001"),
                Reply.page(chartPage(), "NK-0002"));

        TrResponse response = hub.client.call("default", "ka10081", Map.of("stk_cd", "005930"), CallOptions.pages(10));

        assertThat(stub.trRequests()).hasSize(2);
        assertThat(response.rows()).hasSize(1);
        assertThat(response.hasMore()).isFalse();
    }

    @Test
    void reissuesTheTokenOnceAndRetriesAfter8005() {
        stub.script("au10001", tokenReply("first-token-XYZ"), tokenReply("second-token-XYZ"));
        stub.script("ka10001", Reply.error(200, 3, "인증에 실패했습니다[8005:Token이 유효하지 않습니다]"));

        JsonNode body = hub.client.call("default", "ka10001", Map.of("stk_cd", "005930"), CallOptions.DEFAULT).body();

        assertThat(body.path("return_code").asInt()).isZero();
        assertThat(stub.requests("/oauth2/token")).hasSize(2);
        assertThat(stub.trRequests()).extracting(s -> s.header("authorization"))
                .containsExactly("Bearer first-token-XYZ", "Bearer second-token-XYZ");
    }

    @Test
    void givesUpWithAnAuthErrorWhenTheNewTokenIsRefusedToo() {
        stub.script("ka10001",
                Reply.error(200, 3, "인증에 실패했습니다[8005:Token이 유효하지 않습니다]"),
                Reply.error(200, 3, "인증에 실패했습니다[8005:Token이 유효하지 않습니다]"));

        KiwoomException e = catchThrowableOfType(KiwoomException.class,
                () -> hub.client.call("default", "ka10001", Map.of("stk_cd", "005930"), CallOptions.DEFAULT));

        assertThat(e.category()).isEqualTo(KiwoomErrorCategory.AUTH);
        assertThat(e.error().code()).isEqualTo("8005");
        assertThat(stub.trRequests()).hasSize(2);
        assertThat(stub.requests("/oauth2/token")).hasSize(2);
        assertNoSecret(e);
    }

    @Test
    void failsWithAConfigurationErrorOn8001AndDoesNotAskAgain() {
        stub.script("au10001", Reply.error(200, 3, "인증에 실패했습니다[8001:App Key와 Secret Key 검증에 실패했습니다]"));

        for (int i = 0; i < 3; i++) {
            KiwoomException e = catchThrowableOfType(KiwoomException.class,
                    () -> hub.client.call("default", "ka10001", Map.of("stk_cd", "005930"), CallOptions.DEFAULT));
            assertThat(e.category()).isEqualTo(KiwoomErrorCategory.CONFIGURATION);
            assertThat(e.error().code()).isEqualTo("8001");
            assertThat(e.getMessage()).contains("'default'").contains("8001");
            assertNoSecret(e);
        }
        assertThat(stub.requests("/oauth2/token")).as("no retry loop on bad credentials").hasSize(1);
        assertThat(stub.trRequests()).isEmpty();
    }

    @Test
    void retriesARateLimitedCallWithGrowingBackoff() {
        String limited = "허용된 요청 개수를 초과하였습니다[1700:허용된 API 요청 개수를 초과하였습니다. 유량=5, API ID=ka10001]";
        stub.script("ka10001", Reply.error(429, 5, limited), Reply.error(429, 5, limited));

        TrResponse response = hub.client.call("default", "ka10001", Map.of("stk_cd", "005930"), CallOptions.DEFAULT);

        assertThat(response.body().path("return_code").asInt()).isZero();
        List<Seen> tries = stub.trRequests();
        assertThat(tries).hasSize(3);
        assertThat(gapMillis(tries, 0)).isGreaterThanOrEqualTo(50);
        assertThat(gapMillis(tries, 1)).isGreaterThanOrEqualTo(100);
        assertThat(hub.meters.get("kiwoom.tr.errors").tag("code", "1700").tag("category", "RATE_LIMIT").counter().count())
                .isEqualTo(2.0);
        assertThat(hub.meters.get("kiwoom.tr.retries").tag("apiId", "ka10001").counter().count()).isEqualTo(2.0);
    }

    @Test
    void retriesAQueryAfterAServerError() {
        stub.script("ka10095", Reply.of(503, "<html>Service Unavailable</html>"), Reply.of(500, "{}"));

        hub.client.call("default", "ka10095", Map.of("stk_cd", "005930"), CallOptions.DEFAULT);

        assertThat(stub.trRequests()).hasSize(3);
    }

    @Test
    void reportsTheLastErrorWhenRetriesRunOut() {
        stub.script("ka10095", Reply.of(503, ""), Reply.of(503, ""), Reply.of(503, ""));

        KiwoomException e = catchThrowableOfType(KiwoomException.class,
                () -> hub.client.call("default", "ka10095", Map.of("stk_cd", "005930"), CallOptions.DEFAULT));

        assertThat(e.category()).isEqualTo(KiwoomErrorCategory.SERVER);
        assertThat(e.error().code()).isEqualTo("http503");
        assertThat(stub.trRequests()).hasSize(3);
    }

    @Test
    void neverResendsAnOrderAfterAServerError() {
        stub.script("kt10000", Reply.of(500, ""));

        assertThatThrownBy(() -> hub.client.call("default", "kt10000", Map.of("stk_cd", "005930"), CallOptions.DEFAULT))
                .isInstanceOf(KiwoomAmbiguousOrderException.class)
                .satisfies(e -> assertThat(((KiwoomException) e).category()).isEqualTo(KiwoomErrorCategory.AMBIGUOUS_ORDER))
                .satisfies(e -> assertThat(((KiwoomAmbiguousOrderException) e).underlying().code()).isEqualTo("http500"));
        assertThat(stub.trRequests()).hasSize(1);
    }

    @Test
    void neverResendsAnOrderWhoseConnectionWasReset() {
        stub.script("kt10001", Reply.RESET);

        assertThatThrownBy(() -> hub.client.call("default", "kt10001", Map.of("stk_cd", "005930"), CallOptions.DEFAULT))
                .isInstanceOf(KiwoomAmbiguousOrderException.class);
        assertThat(stub.trRequests()).hasSize(1);
    }

    @Test
    void neverResendsAnOrderThatTimedOut() throws Exception {
        try (KiwoomStub slow = new KiwoomStub();
             ClientFixture impatient = new ClientFixture(slow,
                     ClientFixture.properties(Duration.ofMillis(300), 3, Map.of(), 0))) {
            slow.script("kt10000", Reply.HANG);
            slow.script("ka10001", Reply.HANG);

            KiwoomException order = catchThrowableOfType(KiwoomException.class,
                    () -> impatient.client.call("default", "kt10000", Map.of("stk_cd", "005930"), CallOptions.DEFAULT));
            assertThat(order).isInstanceOf(KiwoomAmbiguousOrderException.class);
            assertThat(((KiwoomAmbiguousOrderException) order).underlying().category())
                    .isEqualTo(KiwoomErrorCategory.TRANSPORT);
            assertThat(slow.trRequests()).filteredOn(s -> "kt10000".equals(s.apiId())).hasSize(1);

            // The same timeout on a query is retried, here into a success.
            impatient.client.call("default", "ka10001", Map.of("stk_cd", "005930"), CallOptions.DEFAULT);
            assertThat(slow.trRequests()).filteredOn(s -> "ka10001".equals(s.apiId())).hasSize(2);
        }
    }

    @Test
    void retriesAnOrderRejectedByTheRateLimit() {
        stub.script("kt10000", Reply.error(429, 5, "허용된 요청 개수를 초과하였습니다[1700:허용된 API 요청 개수를 초과하였습니다. 유량=5, API ID=kt10000]"),
                Reply.ok("{\"ord_no\":\"0000123\",\"dmst_stex_tp\":\"KRX\",\"return_code\":0,\"return_msg\":\"매수주문이 완료되었습니다\"}"));

        TrResponse response = hub.client.call("default", "kt10000", Map.of("stk_cd", "005930"), CallOptions.DEFAULT);

        assertThat(response.body().path("ord_no").asText()).isEqualTo("0000123");
        assertThat(stub.trRequests()).hasSize(2);
    }

    @Test
    void treatsTooManyCodesAsPermanent() {
        stub.script("ka10095", Reply.error(200, 5, "허용된 요청 개수를 초과하였습니다[1634:요청 개수 초과]"));

        KiwoomException e = catchThrowableOfType(KiwoomException.class,
                () -> hub.client.call("default", "ka10095", Map.of("stk_cd", "005930"), CallOptions.DEFAULT));

        assertThat(e.category()).isEqualTo(KiwoomErrorCategory.TOO_MANY_ITEMS);
        assertThat(e.error().code()).isEqualTo("1634");
        assertThat(stub.trRequests()).hasSize(1);
    }

    @Test
    void mapsOrderRejectionsAndInputErrorsToTypedErrors() {
        stub.script("kt10001", Reply.error(200, 20, "[2000](800033:매도가능수량이 부족합니다. 0주 매도가능)"));
        stub.script("ka10081", Reply.error(200, 2, "입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=base_dt]"));

        KiwoomException rejected = catchThrowableOfType(KiwoomException.class,
                () -> hub.client.call("default", "kt10001", Map.of("stk_cd", "005930"), CallOptions.DEFAULT));
        KiwoomException input = catchThrowableOfType(KiwoomException.class,
                () -> hub.client.call("default", "ka10081", Map.of("stk_cd", "005930"), CallOptions.DEFAULT));

        assertThat(rejected).isNotInstanceOf(KiwoomAmbiguousOrderException.class);
        assertThat(rejected.error()).satisfies(err -> {
            assertThat(err.category()).isEqualTo(KiwoomErrorCategory.ORDER_REJECTED);
            assertThat(err.code()).isEqualTo("800033");
            assertThat(err.returnCode()).isEqualTo(20);
            assertThat(err.apiId()).isEqualTo("kt10001");
            assertThat(err.text()).contains("매도가능수량");
        });
        assertThat(input.error().category()).isEqualTo(KiwoomErrorCategory.INPUT);
        assertThat(input.error().code()).isEqualTo("1511");
        assertThat(input.getMessage()).contains("ka10081").contains("'default'").contains("base_dt");
        assertThat(stub.trRequests()).hasSize(2);
        assertNoSecret(rejected);
        assertNoSecret(input);
    }

    @Test
    void refusesAnUnknownApiIdAndABodyThatIsNotAnObjectBeforeSending() {
        assertThatThrownBy(() -> hub.client.call("default", "ka99999", Map.of(), CallOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ka99999");
        KiwoomException e = catchThrowableOfType(KiwoomException.class,
                () -> hub.client.call("default", "ka10001", "[1,2]", CallOptions.DEFAULT));
        assertThat(e.category()).isEqualTo(KiwoomErrorCategory.INVALID_REQUEST);
        assertThat(stub.seen).isEmpty();
    }

    @Test
    void metersCallsErrorsLatencyTokensAndWaitsPerApiIdAndAccount() {
        stub.script("ka10001", Reply.error(200, 7, "서비스를 처리하는 중에 오류가 발생했습니다[1903:종목 정보가 없습니다]"));
        catchThrowableOfType(KiwoomException.class,
                () -> hub.client.call("default", "ka10001", Map.of("stk_cd", "999999"), CallOptions.DEFAULT));
        hub.client.call("default", "ka10001", Map.of("stk_cd", "005930"), CallOptions.DEFAULT);
        hub.client.call("default", "ka10001", Map.of("stk_cd", "000660"), CallOptions.DEFAULT);

        var meters = hub.meters;
        assertThat(meters.get("kiwoom.tr.calls").tags("account", "default", "apiId", "ka10001", "outcome", "success")
                .counter().count()).isEqualTo(2.0);
        assertThat(meters.get("kiwoom.tr.calls").tags("account", "default", "apiId", "ka10001", "outcome", "error")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get("kiwoom.tr.errors").tags("account", "default", "apiId", "ka10001", "code", "1903",
                "category", "SERVICE").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("kiwoom.tr.latency").tags("account", "default", "apiId", "ka10001").timer().count())
                .isEqualTo(3);
        assertThat(meters.get("kiwoom.token.issued").tags("account", "default", "outcome", "success").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("kiwoom.ratelimit.wait").tags("account", "default", "apiId", "ka10001", "priority", "query")
                .timer().count()).isEqualTo(3);
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().toString())
                .doesNotContain(APP_KEY).doesNotContain(SECRET).doesNotContain(stub.token));
    }

    private void assertNoSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(APP_KEY).doesNotContain(SECRET)
                    .doesNotContain(stub.token).doesNotContain("token-XYZ");
            assertThat(t.toString()).doesNotContain(APP_KEY).doesNotContain(SECRET);
        }
    }

    private static long gapMillis(List<Seen> tries, int i) {
        return (tries.get(i + 1).atNanos() - tries.get(i).atNanos()) / 1_000_000;
    }

    static Reply tokenReply(String token) {
        return Reply.ok("{\"expires_dt\":\"20991231235959\",\"token_type\":\"bearer\",\"token\":\"" + token
                + "\",\"return_code\":0,\"return_msg\":\"" + KiwoomStub.OK + "\"}");
    }

    static String chartPage(String... dates) {
        List<String> rows = new ArrayList<>();
        for (String d : dates) {
            rows.add("{\"cur_prc\":\"239500\",\"trde_qty\":\"27825493\",\"dt\":\"" + d
                    + "\",\"open_pric\":\"240000\",\"high_pric\":\"241000\",\"low_pric\":\"238000\"}");
        }
        return "{\"stk_cd\":\"005930\",\"stk_dt_pole_chart_qry\":[" + String.join(",", rows)
                + "],\"return_code\":0,\"return_msg\":\"" + KiwoomStub.OK + "\"}";
    }
}
