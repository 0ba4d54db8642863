package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;

/** The admin endpoint, the WebSocket plug and the market timer. */
class AdminAndRealtimeTest {

    private final MutableClock clock = MutableClock.fridayMorning();
    private final HttpClient http = HttpClient.newHttpClient();
    private Sandbox sandbox;
    private RestTestClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "rate-limit", "0")), clock);
        client = new RestTestClient(sandbox).login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void adminArmsHttpErrorsAndListsRequests() throws Exception {
        HttpResponse<String> armed = admin("faults/http-error", "{\"apiId\":\"ka10001\",\"count\":1,\"status\":502}");
        int failed = client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930")).status();
        int served = client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930")).status();
        JsonNode listed = json(admin("requests", "{\"apiId\":\"ka10001\"}"));

        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(failed).isEqualTo(502);
        assertThat(served).isEqualTo(200);
        assertThat(listed.path("requests").size()).isEqualTo(2);
        assertThat(listed.path("requests").get(0).path("fields").path("stk_cd").asText()).isEqualTo("005930");
        assertThat(listed.path("requests").get(0).path("headers").path("authorization").asText()).isEqualTo("Bearer ***");
    }

    @Test
    void adminSetsPricesAndExpiresTokens() throws Exception {
        JsonNode quote = json(admin("market/price", "{\"code\":\"005930\",\"previousClose\":70000,\"price\":71000}"));
        admin("tokens/expire", "");

        assertThat(quote.path("quote").path("price").asLong()).isEqualTo(71_000);
        assertThat(sandbox.market().quote("005930").previousClose()).isEqualTo(70_000);
        assertThat(client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930")).returnMessage()).contains("[8005:");
        assertThat(admin("nothing/here", "").statusCode()).isEqualTo(404);
        assertThat(admin("market/price", "{\"code\":\"005930\",\"price\":70050}").statusCode()).isEqualTo(400);
    }

    @Test
    void realtimeFaultsAreDelegatedToThePluggedWebSocketSide() throws Exception {
        StubRealtimeServer server = new StubRealtimeServer();
        sandbox.realtime(server);

        admin("realtime/drop", "");
        admin("realtime/outage", "{\"seconds\":3}");
        admin("realtime/pings", "{\"stopped\":true}");
        admin("realtime/echoes", "{\"ignored\":false}");
        admin("realtime/push", "{\"trnm\":\"REAL\",\"data\":[]}");
        admin("realtime/push", "{\"frame\":\"{}\"}");

        assertThat(server.calls).containsExactly("drop", "outage PT3S", "pings true", "echoes false", "push {\"trnm\":\"REAL\",\"data\":[]}",
                "push {}");
    }

    @Test
    void thePluggedServerReceivesAccountRowsForTheTokensAppKey() {
        StubRealtimeServer server = new StubRealtimeServer();
        sandbox.realtime(server);

        client.call("/api/dostk/ordr", "kt10000", body("dmst_stex_tp", "KRX", "stk_cd", "005930", "ord_qty", "1",
                "ord_uv", "", "trde_tp", "3", "cond_uv", ""));

        assertThat(server.calls).contains("account " + SandboxSettings.DEMO.appKey() + " 00 005930",
                "account " + SandboxSettings.DEMO.appKey() + " 04 005930");
    }

    @Test
    void webSocketUpgradesGoToThePluggedHandler() {
        sandbox.realtime(new StubRealtimeServer());
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(sandbox.wsUrl()), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                received.add(data.toString());
                webSocket.request(1);
                return null;
            }
        }).join();

        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("{\"trnm\":\"PING\"}"));
        socket.abort();
    }

    @Test
    void theTimerMovesTheMarketAndFillsRestingOrders() {
        RecordingSink sink = new RecordingSink();
        try (Sandbox live = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "20ms", "rate-limit", "0")), Clock.systemUTC())
                .realtimeSink(sink)) {
            RestTestClient liveClient = new RestTestClient(live).login();
            String code = "005930";
            long upper = live.market().quote(code).upperLimit();
            liveClient.call("/api/dostk/ordr", "kt10000", body("dmst_stex_tp", "KRX", "stk_cd", code, "ord_qty", "1",
                    "ord_uv", Long.toString(upper), "trde_tp", "0", "cond_uv", ""));

            await().atMost(Duration.ofSeconds(5)).until(() -> sink.ofType("0B").size() > 3 * live.market().codes().size());
            await().atMost(Duration.ofSeconds(5)).until(() -> live.account().holding(code).isPresent());
            assertThat(live.market().quote(code).volume()).isPositive();
        }
    }

    @Test
    void marketViewAnswersTheWebSocketSide() {
        SandboxMarketView view = sandbox;

        assertThat(view.appKeyOfToken(client.token())).contains(SandboxSettings.DEMO.appKey());
        assertThat(view.appKeyOfToken("nope")).isEmpty();
        assertThat(view.symbols()).contains("005930", "000660", "035420", "035720", "005380", "051910", "006400", "068270",
                "105560", "055550");
        assertThat(view.price("005930")).contains(sandbox.market().quote("005930").price());
        assertThat(view.previousClose("000000")).isEmpty();
    }

    /** What the sandbox.ws server is to the sandbox: upgrade handler, sink and faults in one. */
    private static final class StubRealtimeServer implements Handler<ServerWebSocket>, RealtimeSink, RealtimeFaults {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void handle(ServerWebSocket socket) {
            socket.writeTextMessage("{\"trnm\":\"PING\"}");
        }

        @Override
        public void market(String type, String item, Map<String, String> values) {
        }

        @Override
        public void account(String appKey, String type, String item, Map<String, String> values) {
            calls.add("account " + appKey + " " + type + " " + item);
        }

        @Override
        public void dropAll() {
            calls.add("drop");
        }

        @Override
        public void outage(Duration duration) {
            calls.add("outage " + duration);
        }

        @Override
        public void stopPings(boolean stopped) {
            calls.add("pings " + stopped);
        }

        @Override
        public void ignoreEchoes(boolean ignored) {
            calls.add("echoes " + ignored);
        }

        @Override
        public void pushRaw(String json) {
            calls.add("push " + json);
        }

        @Override
        public List<String> framesReceived() {
            return List.of();
        }

        @Override
        public int openConnections() {
            return 0;
        }
    }

    private HttpResponse<String> admin(String action, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/admin/" + action))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return RestTestClient.JSON.readTree(response.body());
    }
}
