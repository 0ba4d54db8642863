package com.kiwoomhub.sandbox.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConditionEngineTest {

    private static final String CNSRLST = "{\"trnm\":\"CNSRLST\"}";

    private WebSocketTestServer sandbox;
    private KiwoomTestClient client;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void start(WebSocketSettings settings) {
        sandbox = new WebSocketTestServer(settings);
        sandbox.market
                .symbol("005930", 60_000, 63_000)
                .symbol("000660", 180_000, 171_000)
                .symbol("035720", 40_000, 40_000)
                .symbol("051910", 300_000, 312_000)
                .symbol("005380", 200_000, 207_000)
                .symbol("068270", 150_000, 155_000)
                .symbol("035420", 200_000, 201_000)
                .day("005930", "삼성전자", 10_386_116, 60_100, 63_600, 59_700)
                .day("051910", "LG화학", 412_345, 301_000, 313_000, 299_500)
                .day("005380", "현대차", 1_234_567, 200_500, 208_000, 199_000)
                .day("068270", "셀트리온", 987_654, 150_000, 156_000, 149_000);
        client = sandbox.login("token-a");
    }

    private static WebSocketSettings fastScans() {
        WebSocketSettings quiet = WebSocketTestServer.quietSettings();
        return quiet.withConditions(quiet.conditions(), Duration.ofMillis(50), 3);
    }

    @Test
    void listsTheConfiguredConditionsAsSeqNamePairs() {
        start(fastScans());

        client.send(CNSRLST);

        client.expect("""
                {"trnm":"CNSRLST","return_code":0,"return_msg":"",
                 "data":[["0","급등 3%"],["1","급락 3%"],["2","보합권"],["3","상승 종목"],["4","하락 종목"]]}""");
    }

    @Test
    void leavesACnsrreqBeforeCnsrlstUnansweredLikeTheRealServer() {
        start(fastScans());

        client.send(request("0", "0"));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(client.frames::isEmpty);
        client.send(CNSRLST);
        assertThat(client.nextJson().get("trnm").asText()).isEqualTo("CNSRLST");
    }

    @Test
    void rejectsACnsrreqBeforeCnsrlstWhenConfiguredTo() {
        start(fastScans().withConditionRequestBeforeListRejected(true));

        client.send(request("0", "0"));

        client.expect("""
                {"trnm":"CNSRREQ","seq":"0","return_code":1,"return_msg":"조건검색 목록조회(CNSRLST)를 먼저 요청해야 합니다"}""");
    }

    @Test
    void pagesANormalSearchWithContYnAndNextKeyInTheBody() {
        start(fastScans());
        client.send(CNSRLST);
        client.next();

        client.send(request("0", "0"));
        client.expect("""
                {"trnm":"CNSRREQ","seq":"0 ","cont_yn":"Y","next_key":"3","return_code":0,"return_msg":"",
                 "data":[
                  {"9001":"A005930","302":"삼성전자","10":"000063000","25":"2","11":"000003000","12":"000000500",
                   "13":"010386116","16":"000060100","17":"000063600","18":"000059700"},
                  {"9001":"A051910","302":"LG화학","10":"000312000","25":"2","11":"000012000","12":"000000400",
                   "13":"000412345","16":"000301000","17":"000313000","18":"000299500"},
                  {"9001":"A005380","302":"현대차","10":"000207000","25":"2","11":"000007000","12":"000000350",
                   "13":"001234567","16":"000200500","17":"000208000","18":"000199000"}]}""");

        client.send("{\"trnm\":\"CNSRREQ\",\"seq\":\"0\",\"search_type\":\"0\",\"stex_tp\":\"K\",\"cont_yn\":\"Y\",\"next_key\":\"3\"}");
        client.expect("""
                {"trnm":"CNSRREQ","seq":"0 ","cont_yn":"N","next_key":"","return_code":0,"return_msg":"",
                 "data":[
                  {"9001":"A068270","302":"셀트리온","10":"000155000","25":"2","11":"000005000","12":"000000333",
                   "13":"000987654","16":"000150000","17":"000156000","18":"000149000"}]}""");
    }

    @Test
    void padsNegativeChangesWithTheSignFirst() {
        start(fastScans());
        client.send(CNSRLST);
        client.next();

        client.send(request("1", "0"));

        JsonNode row = client.nextJson().get("data").get(0);
        assertThat(row.get("9001").asText()).isEqualTo("A000660");
        assertThat(row.get("25").asText()).isEqualTo("5");
        assertThat(row.get("11").asText()).isEqualTo("-00009000");
        assertThat(row.get("12").asText()).isEqualTo("-00000500");
    }

    @Test
    void sendsTheInitialListThenInsertAndDeleteAlertsAsPricesMove() {
        start(fastScans());
        client.send(CNSRLST);
        client.next();

        client.send(request("0", "1"));
        client.expect("""
                {"trnm":"CNSRREQ","seq":"0","return_code":0,"return_msg":"",
                 "data":[{"jmcode":"A005930"},{"jmcode":"A051910"},{"jmcode":"A005380"},{"jmcode":"A068270"}]}""");
        assertThat(sandbox.webSocket.sessions().get(0).realtimeConditions()).containsExactly("0");

        sandbox.market.setPrice("035720", 42_000);
        List<JsonNode> first = client.nextRows(1);
        sandbox.market.setPrice("005930", 60_000);
        List<JsonNode> second = client.nextRows(1);

        assertAlert(first.get(0), "0", "035720", "I");
        assertAlert(second.get(0), "0", "005930", "D");
    }

    @Test
    void forcedAlertsReachRunningConditionsAndTheNextScanResyncs() {
        start(fastScans());
        client.send(CNSRLST);
        client.next();
        client.send(request("0", "1"));
        client.next();

        sandbox.webSocket.forceConditionAlert("0", "000660", true);

        List<JsonNode> rows = client.nextRows(2);
        assertAlert(rows.get(0), "0", "000660", "I");
        assertAlert(rows.get(1), "0", "000660", "D");
    }

    @Test
    void cnsrclrStopsTheAlerts() {
        start(fastScans());
        client.send(CNSRLST);
        client.next();
        client.send(request("0", "1"));
        client.next();

        client.send("{\"trnm\":\"CNSRCLR\",\"seq\":\"0\"}");
        client.expect("{\"trnm\":\"CNSRCLR\",\"seq\":\"0\",\"return_code\":0,\"return_msg\":\"\"}");
        sandbox.market.setPrice("035720", 42_000);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(client.frames::isEmpty);
        assertThat(sandbox.webSocket.sessions().get(0).realtimeConditions()).isEmpty();
    }

    @Test
    void allowsAtMostTenRealtimeConditionsPerLogin() {
        List<ConditionDefinition> eleven = IntStream.range(0, 11)
                .mapToObj(i -> ConditionDefinition.risingAtLeast(Integer.toString(i), "조건" + i, 3.0)).toList();
        start(WebSocketTestServer.quietSettings().withConditions(eleven, Duration.ofSeconds(10), 100));
        client.send(CNSRLST);
        client.next();
        for (int i = 0; i < 10; i++) {
            client.send(request(Integer.toString(i), "1"));
            assertThat(client.nextJson().get("return_code").asInt()).isZero();
        }
        client.send(request("9", "1"));
        assertThat(client.nextJson().get("return_code").asInt()).as("a running seq again is no new slot").isZero();

        client.send(request("10", "1"));
        client.expect("""
                {"trnm":"CNSRREQ","seq":"10","return_code":1,"return_msg":"실시간 조건검색은 로그인 1개당 10건까지 가능합니다"}""");

        client.send("{\"trnm\":\"CNSRCLR\",\"seq\":\"0\"}");
        client.next();
        client.send(request("10", "1"));
        assertThat(client.nextJson().get("return_code").asInt()).isZero();
    }

    private static String request(String seq, String searchType) {
        return "{\"trnm\":\"CNSRREQ\",\"seq\":\"" + seq + "\",\"search_type\":\"" + searchType
                + "\",\"stex_tp\":\"K\",\"cont_yn\":\"N\",\"next_key\":\"\"}";
    }

    private static void assertAlert(JsonNode row, String seq, String code, String insertOrDelete) {
        assertThat(row.get("type").asText()).isEqualTo("02");
        assertThat(row.get("name").asText()).isEqualTo("조건검색");
        assertThat(row.get("item").asText()).isEqualTo(code);
        JsonNode values = row.get("values");
        assertThat(values.get("841").asText()).isEqualTo(seq);
        assertThat(values.get("9001").asText()).isEqualTo(code);
        assertThat(values.get("843").asText()).isEqualTo(insertOrDelete);
        assertThat(values.get("20").asText()).matches("\\d{6}");
        assertThat(values.get("907").asText()).isEqualTo("2");
        assertThat(values.get("9081").asText()).isEqualTo("KRX");
    }
}
