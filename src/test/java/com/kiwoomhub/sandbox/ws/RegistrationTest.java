package com.kiwoomhub.sandbox.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    private static final String REG_OK = "{\"trnm\":\"REG\",\"return_code\":0,\"return_msg\":\"\"}";
    private static final String REMOVE_OK = "{\"trnm\":\"REMOVE\",\"return_code\":0,\"return_msg\":\"\"}";

    private WebSocketTestServer sandbox;
    private KiwoomTestClient client;

    @BeforeEach
    void start() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        client = sandbox.login("token-a");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void acknowledgesRegAndRemoveWithTheDocumentedFrames() {
        client.send(reg("1", "1", "[\"005930\"]", "[\"0B\"]"));
        assertThat(client.next()).isEqualTo(REG_OK);
        assertThat(groups()).isEqualTo(Map.of("1", Set.of("0B:005930")));

        client.send("{\"trnm\":\"REMOVE\",\"grp_no\":\"1\",\"data\":[{\"item\":[\"005930\"],\"type\":[\"0B\"]}]}");
        assertThat(client.next()).isEqualTo(REMOVE_OK);
        assertThat(groups()).isEmpty();
    }

    @Test
    void registersEveryItemOfAnEntryForEveryTypeOfIt() {
        client.send(reg("1", "1", "[\"005930\",\"000660_NX\"]", "[\"0B\",\"0D\"]"));
        client.expect(REG_OK);

        assertThat(groups()).isEqualTo(Map.of("1",
                Set.of("0B:005930", "0D:005930", "0B:000660_NX", "0D:000660_NX")));
    }

    @Test
    void refreshOneAddsToTheGroupAndRefreshZeroReplacesOnlyThatGroup() {
        client.send(reg("1", "1", "[\"005930\"]", "[\"0B\"]"));
        client.expect(REG_OK);
        client.send(reg("1", "1", "[\"000660\"]", "[\"0B\"]"));
        client.expect(REG_OK);
        client.send(reg("2", "1", "[\"\"]", "[\"00\"]"));
        client.expect(REG_OK);
        assertThat(groups()).isEqualTo(Map.of("1", Set.of("0B:005930", "0B:000660"), "2", Set.of("00:")));

        client.send(reg("1", "0", "[\"035720\"]", "[\"0D\"]"));
        client.expect(REG_OK);

        assertThat(groups()).isEqualTo(Map.of("1", Set.of("0D:035720"), "2", Set.of("00:")));
    }

    @Test
    void rejectsMoreThan200ItemsInOneGroupWith105118() {
        client.send(reg("1", "1", codes(0, 201), "[\"0B\"]"));

        client.expect("""
                {"trnm":"REG","return_code":105118,
                 "return_msg":"등록 종목이 그룹번호에 등록할 수 있는 허용 개수(200)를 초과하였습니다"}""");
        assertThat(groups()).isEmpty();
    }

    @Test
    void rejectsMoreThan200ItemsOnTheConnectionWith105115() {
        client.send(reg("1", "1", codes(0, 150), "[\"0B\"]"));
        client.expect(REG_OK);

        client.send(reg("2", "1", codes(150, 51), "[\"0B\"]"));

        client.expect("""
                {"trnm":"REG","return_code":105115,"return_msg":"등록 종목이 허용 개수(200)를 초과하였습니다"}""");
        assertThat(groups().get("1")).hasSize(150);
        assertThat(groups()).doesNotContainKey("2");
    }

    @Test
    void countsItemSlotsNotTypesAndGivesAccountWideTypesNoSlot() {
        client.send(reg("1", "1", codes(0, 200), "[\"0B\",\"0D\"]"));
        client.expect(REG_OK);
        client.send(reg("2", "1", "[\"\"]", "[\"00\",\"04\",\"0s\"]"));
        client.expect(REG_OK);
        client.send(reg("3", "1", codes(0, 200), "[\"0w\"]"));
        client.expect(REG_OK);

        client.send(reg("4", "1", "[\"999999\"]", "[\"0B\"]"));
        assertThat(client.nextJson().get("return_code").asInt()).isEqualTo(105115);
    }

    @Test
    void rejectsTheSixthRegWithinOneSecondWith105110() {
        for (int i = 0; i < 5; i++) {
            client.send(reg("1", "1", "[\"00000" + i + "\"]", "[\"0B\"]"));
            client.expect(REG_OK);
        }

        client.send(reg("1", "1", "[\"000009\"]", "[\"0B\"]"));

        client.expect("""
                {"trnm":"REG","return_code":105110,"return_msg":"해당 TRNM으로 허용된 요청 건수를 초과하였습니다 (TRNM=REG)"}""");
        assertThat(groups().get("1")).doesNotContain("0B:000009");
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            client.send(reg("1", "1", "[\"000009\"]", "[\"0B\"]"));
            return client.nextJson().get("return_code").asInt() == 0;
        });
    }

    @Test
    void removeStopsDeliveryOfThatPairOnly() {
        client.send(reg("1", "1", "[\"005930\",\"000660\"]", "[\"0B\"]"));
        client.expect(REG_OK);
        client.send("{\"trnm\":\"REMOVE\",\"grp_no\":\"1\",\"data\":[{\"item\":[\"005930\"],\"type\":[\"0B\"]}]}");
        client.expect(REMOVE_OK);

        sandbox.webSocket.market("0B", "005930", Map.of("10", "+60000"));
        sandbox.webSocket.market("0B", "000660", Map.of("10", "+180000"));

        client.expect("""
                {"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"000660","values":{"10":"+180000"}}]}""");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(client.frames::isEmpty);
    }

    static String reg(String group, String refresh, String items, String types) {
        return "{\"trnm\":\"REG\",\"grp_no\":\"" + group + "\",\"refresh\":\"" + refresh
                + "\",\"data\":[{\"item\":" + items + ",\"type\":" + types + "}]}";
    }

    private static String codes(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> String.format("\"%06d\"", 100000 + i))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private Map<String, Set<String>> groups() {
        return sandbox.webSocket.sessions().get(0).groups();
    }
}
