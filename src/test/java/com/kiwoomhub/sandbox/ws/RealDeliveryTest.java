package com.kiwoomhub.sandbox.ws;

import static com.kiwoomhub.sandbox.ws.RegistrationTest.reg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RealDeliveryTest {

    private static final String REG_OK = "{\"trnm\":\"REG\",\"return_code\":0,\"return_msg\":\"\"}";

    private WebSocketTestServer sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void batchesQueuedRowsIntoOneRealFrameAndSkipsUnregisteredItems() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings().withRealBatchWindow(Duration.ofMillis(100)));
        KiwoomTestClient client = sandbox.login("token-a");
        client.send(reg("1", "1", "[\"005930\",\"000660\"]", "[\"0B\"]"));
        client.expect(REG_OK);
        client.send(reg("2", "1", "[\"005930\"]", "[\"0D\"]"));
        client.expect(REG_OK);

        sandbox.webSocket.market("0B", "005930", trade("090001", "+60000"));
        sandbox.webSocket.market("0B", "035720", trade("090001", "-40000"));
        sandbox.webSocket.market("0D", "005930", Map.of("21", "090001", "41", "+60100", "51", "+60000"));
        sandbox.webSocket.market("0D", "000660", Map.of("21", "090001", "41", "+180100", "51", "+180000"));
        sandbox.webSocket.market("0B", "000660", trade("090002", "+180000"));

        client.expect("""
                {"trnm":"REAL","data":[
                  {"type":"0B","name":"주식체결","item":"005930","values":{"20":"090001","10":"+60000"}},
                  {"type":"0D","name":"주식호가잔량","item":"005930","values":{"21":"090001","41":"+60100","51":"+60000"}},
                  {"type":"0B","name":"주식체결","item":"000660","values":{"20":"090002","10":"+180000"}}]}""");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(client.frames::isEmpty);
    }

    @Test
    void deliversMarketWideRowsToAnEmptyItemRegistration() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient client = sandbox.login("token-a");
        client.send(reg("1", "1", "[\"\"]", "[\"0s\"]"));
        client.expect(REG_OK);

        sandbox.webSocket.market("0s", "", Map.of("215", "3", "20", "090000", "214", "000000"));

        client.expect("""
                {"trnm":"REAL","data":[{"type":"0s","name":"장시작시간","item":"",
                  "values":{"215":"3","20":"090000","214":"000000"}}]}""");
    }

    @Test
    void deliversAccountRowsOnlyToTheSessionOfThatAppKeyThatRegisteredTheType() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient a = sandbox.login("token-a");
        KiwoomTestClient b = sandbox.login("token-b");
        a.send(reg("1", "1", "[\"\"]", "[\"00\",\"04\"]"));
        a.expect(REG_OK);
        b.send(reg("1", "1", "[\"\"]", "[\"00\"]"));
        b.expect(REG_OK);

        sandbox.webSocket.account("app-a", "00", "005930", Map.of("9203", "0000018", "913", "접수"));
        sandbox.webSocket.account("app-b", "04", "005930", Map.of("930", "10"));
        sandbox.webSocket.account("app-b", "00", "000660", Map.of("9203", "0000019", "913", "체결"));

        a.expect("""
                {"trnm":"REAL","data":[{"type":"00","name":"주문체결","item":"005930",
                  "values":{"9203":"0000018","913":"접수"}}]}""");
        b.expect("""
                {"trnm":"REAL","data":[{"type":"00","name":"주문체결","item":"000660",
                  "values":{"9203":"0000019","913":"체결"}}]}""");
        sandbox.webSocket.account("app-a", "04", "005930", Map.of("930", "1"));
        a.expect("""
                {"trnm":"REAL","data":[{"type":"04","name":"현물잔고","item":"005930","values":{"930":"1"}}]}""");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                .until(() -> a.frames.isEmpty() && b.frames.isEmpty());
    }

    @Test
    void keepsTheOrderOfRowsPushedFromAnotherThread() throws Exception {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient client = sandbox.login("token-a");
        client.send(reg("1", "1", "[\"005930\"]", "[\"0B\"]"));
        client.expect(REG_OK);
        int rows = 2000;

        Thread producer = new Thread(() -> {
            for (int i = 0; i < rows; i++) {
                sandbox.webSocket.market("0B", "005930", Map.of("13", Integer.toString(i)));
            }
        });
        producer.start();
        producer.join();

        List<Integer> volumes = new ArrayList<>();
        int frames = 0;
        while (volumes.size() < rows) {
            JsonNode frame = client.nextJson();
            assertThat(frame.get("trnm").asText()).isEqualTo("REAL");
            frame.get("data").forEach(row -> volumes.add(row.get("values").get("13").asInt()));
            frames++;
        }
        assertThat(volumes).isSorted().hasSize(rows).startsWith(0).endsWith(rows - 1);
        assertThat(frames).as("rows share frames").isLessThan(rows);
    }

    @Test
    void pushRawReachesLoggedInSessionsOnly() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient loggedIn = sandbox.login("token-a");
        KiwoomTestClient anonymous = sandbox.connect();
        await().atMost(Duration.ofSeconds(2)).until(() -> sandbox.webSocket.openConnections() == 2);

        sandbox.webSocket.pushRaw("{\"trnm\":\"SYSTEM\",\"code\":\"R19999\",\"message\":\"test\"}");

        assertThat(loggedIn.next()).isEqualTo("{\"trnm\":\"SYSTEM\",\"code\":\"R19999\",\"message\":\"test\"}");
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(anonymous.frames::isEmpty);
    }

    @Test
    void dropAllCutsEveryConnection() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient first = sandbox.login("token-a");
        KiwoomTestClient second = sandbox.connect();
        await().atMost(Duration.ofSeconds(2)).until(() -> sandbox.webSocket.openConnections() == 2);

        sandbox.webSocket.dropAll();

        first.awaitClose();
        second.awaitClose();
        await().atMost(Duration.ofSeconds(2)).until(() -> sandbox.webSocket.openConnections() == 0);
        assertThat(sandbox.webSocket.sessions()).isEmpty();
    }

    @Test
    void anOutageCutsEveryConnectionAndRefusesReconnectsUntilItEnds() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient first = sandbox.login("token-a");

        sandbox.webSocket.outage(Duration.ofSeconds(2));

        first.awaitClose();
        assertThatThrownBy(sandbox::connect).as("refused during the outage")
                .hasStackTraceContaining("status code 503");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> sandbox.login("token-a"), c -> c != null);
        assertThat(sandbox.webSocket.openConnections()).as("logged in again once the outage is over").isEqualTo(1);
    }

    @Test
    void recordsEveryClientFrameInArrivalOrder() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient client = sandbox.login("token-a");
        client.send(reg("1", "1", "[\"005930\"]", "[\"0B\"]"));
        client.expect(REG_OK);

        assertThat(sandbox.webSocket.framesReceived()).containsExactly(
                "{\"trnm\":\"LOGIN\",\"token\":\"token-a\"}",
                reg("1", "1", "[\"005930\"]", "[\"0B\"]"));
    }

    private static Map<String, String> trade(String time, String price) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("20", time);
        values.put("10", price);
        return values;
    }
}
