package com.kiwoomhub.sandbox.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginAndHeartbeatTest {

    private static final String PING = "{\"trnm\":\"PING\"}";

    private WebSocketTestServer sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void acknowledgesLoginWithTheDocumentedFrame() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient client = sandbox.connect();

        client.send("{\"trnm\":\"LOGIN\",\"token\":\"token-a\"}");

        assertThat(client.next()).isEqualTo("{\"trnm\":\"LOGIN\",\"return_code\":0,\"return_msg\":\"\",\"sor_yn\":\"Y\"}");
        assertThat(sandbox.webSocket.sessions()).singleElement()
                .satisfies(s -> assertThat(s.appKey()).isEqualTo("app-a"));
    }

    @Test
    void staysSilentUntilLogin() {
        sandbox = new WebSocketTestServer(WebSocketSettings.defaults()
                .withTimings(Duration.ofSeconds(10), Duration.ofMillis(50), 5));
        KiwoomTestClient client = sandbox.connectWithoutEcho();

        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(client.frames::isEmpty);

        client.send("{\"trnm\":\"LOGIN\",\"token\":\"token-a\"}");
        client.expect(WebSocketTestServer.LOGIN_OK);
        client.expect(PING);
    }

    @Test
    void refusesAnUnknownTokenWith805004AndCloses() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient client = sandbox.connect();

        client.send("{\"trnm\":\"LOGIN\",\"token\":\"expired\"}");

        client.expect("""
                {"trnm":"LOGIN","return_code":805004,
                 "return_msg":"토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]"}""");
        assertThat(client.awaitClose()).isEqualTo(new KiwoomTestClient.Closing(1000, "Bye"));
        await().atMost(Duration.ofSeconds(2)).until(() -> sandbox.webSocket.openConnections() == 0);
    }

    @Test
    void closesWithR10004WhenNoLoginArrivesInTime() {
        sandbox = new WebSocketTestServer(WebSocketSettings.defaults()
                .withTimings(Duration.ofMillis(300), Duration.ofSeconds(30), 5));
        KiwoomTestClient client = sandbox.connect();

        client.expect("{\"trnm\":\"SYSTEM\",\"code\":\"R10004\",\"message\":\"접속허용요청(토큰)이 들어오지 않았습니다\"}");
        assertThat(client.awaitClose().status()).isEqualTo(1000);
    }

    @Test
    void rejectsRegistrationBeforeLoginButKeepsTheConnection() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient client = sandbox.connect();

        client.send("{\"trnm\":\"REG\",\"grp_no\":\"1\",\"refresh\":\"1\",\"data\":[{\"item\":[\"005930\"],\"type\":[\"0B\"]}]}");

        client.expect("{\"trnm\":\"REG\",\"return_code\":1,\"return_msg\":\"접속허용요청(LOGIN)이 처리되지 않았습니다\"}");
        client.send("{\"trnm\":\"LOGIN\",\"token\":\"token-a\"}");
        client.expect(WebSocketTestServer.LOGIN_OK);
    }

    @Test
    void keepsAnEchoingSessionAliveAcrossManyPings() {
        sandbox = new WebSocketTestServer(WebSocketSettings.defaults()
                .withTimings(Duration.ofSeconds(10), Duration.ofMillis(80), 3));
        KiwoomTestClient client = sandbox.login("token-a");

        await().atMost(Duration.ofSeconds(5)).until(() -> client.pingsEchoed.get() >= 6);

        assertThat(client.closed).isNotDone();
        assertThat(client.frames).isEmpty();
        assertThat(sandbox.webSocket.framesReceived()).filteredOn(PING::equals).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void endsWithR10002AfterTheConfiguredNumberOfMissedEchoes() {
        sandbox = new WebSocketTestServer(WebSocketSettings.defaults()
                .withTimings(Duration.ofSeconds(10), Duration.ofMillis(60), 3));
        KiwoomTestClient client = sandbox.connectWithoutEcho();
        client.send("{\"trnm\":\"LOGIN\",\"token\":\"token-a\"}");
        client.expect(WebSocketTestServer.LOGIN_OK);

        client.expect(PING);
        client.expect(PING);
        client.expect(PING);
        client.expect("""
                {"trnm":"SYSTEM","code":"R10002",
                 "message":"사용자 프로그램으로부터 Heartbeat(연결유지) 메시지가 오지않아서 접속을 종료합니다"}""");
        assertThat(client.awaitClose()).isEqualTo(new KiwoomTestClient.Closing(1000, "Bye"));
    }

    @Test
    void ignoredEchoesEndTheSessionLikeMissingOnes() {
        sandbox = new WebSocketTestServer(WebSocketSettings.defaults()
                .withTimings(Duration.ofSeconds(10), Duration.ofMillis(60), 2));
        KiwoomTestClient client = sandbox.login("token-a");

        sandbox.webSocket.ignoreEchoes(true);

        assertThat(client.nextJson().get("code").asText()).isEqualTo("R10002");
        assertThat(client.awaitClose().status()).isEqualTo(1000);
    }

    @Test
    void stoppedPingsLeaveTheSocketSilentAndOpen() {
        sandbox = new WebSocketTestServer(WebSocketSettings.defaults()
                .withTimings(Duration.ofSeconds(10), Duration.ofMillis(50), 2));
        KiwoomTestClient client = sandbox.connectWithoutEcho();
        sandbox.webSocket.stopPings(true);
        client.send("{\"trnm\":\"LOGIN\",\"token\":\"token-a\"}");
        client.expect(WebSocketTestServer.LOGIN_OK);

        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(client.frames::isEmpty);
        assertThat(client.closed).isNotDone();

        sandbox.webSocket.stopPings(false);
        client.expect(PING);
    }

    @Test
    void closesAClientThatEchoesASystemFrame() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient client = sandbox.login("token-a");

        client.send("{\"trnm\":\"SYSTEM\",\"code\":\"R10001\",\"message\":\"x\"}");

        assertThat(client.awaitClose().status()).isEqualTo(1000);
    }

    @Test
    void evictsTheOlderSessionOfTheSameAppKeyWithR10001AndBye() {
        sandbox = new WebSocketTestServer(WebSocketTestServer.quietSettings());
        KiwoomTestClient first = sandbox.login("token-a");
        KiwoomTestClient other = sandbox.login("token-b");

        KiwoomTestClient second = sandbox.login("token-a2");

        first.expect("""
                {"trnm":"SYSTEM","code":"R10001","message":"동일한 App key로 접속이 되었습니다. 기존 세션은 종료가 됩니다"}""");
        assertThat(first.awaitClose()).isEqualTo(new KiwoomTestClient.Closing(1000, "Bye"));
        await().atMost(Duration.ofSeconds(2)).until(() -> sandbox.webSocket.openConnections() == 2);
        assertThat(second.closed).isNotDone();
        assertThat(other.closed).isNotDone();
        assertThat(sandbox.webSocket.sessions()).extracting(SessionInfo::appKey)
                .containsExactlyInAnyOrder("app-a", "app-b");
        assertThat(sandbox.webSocket.evictions()).singleElement().satisfies(e -> {
            assertThat(e.appKey()).isEqualTo("app-a");
            assertThat(e.evictedReachedAt()).isEqualTo("127.0.0.1");
            assertThat(e.byConnectionId()).isNotEqualTo(e.evictedConnectionId());
        });
        assertThat(sandbox.webSocket.frameJournal()).filteredOn(f -> f.trnm().equals("LOGIN"))
                .extracting(ClientFrame::reachedAt).containsExactly("127.0.0.1", "127.0.0.1", "127.0.0.1");
    }
}
