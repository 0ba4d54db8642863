package com.kiwoomhub.sandbox.ws;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Vert.x plus an HTTP server on 127.0.0.1:0 serving only the sandbox WebSocket, for one test. */
final class WebSocketTestServer implements AutoCloseable {

    static final String LOGIN_OK = "{\"trnm\":\"LOGIN\",\"return_code\":0,\"return_msg\":\"\",\"sor_yn\":\"Y\"}";

    final FakeMarketView market = new FakeMarketView()
            .token("token-a", "app-a")
            .token("token-a2", "app-a")
            .token("token-b", "app-b");
    final Vertx vertx = Vertx.vertx();
    final SandboxWebSocket webSocket;
    private final HttpServer server;
    private final List<KiwoomTestClient> clients = new ArrayList<>();

    WebSocketTestServer(WebSocketSettings settings) {
        webSocket = new SandboxWebSocket(vertx, market, settings);
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setMaxWebSocketMessageSize(4 * 1024 * 1024))
                .webSocketHandler(webSocket)
                .listen()
                .toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Settings with the real limits but PINGs slow enough not to interleave with the frames under test. */
    static WebSocketSettings quietSettings() {
        return WebSocketSettings.defaults().withTimings(Duration.ofSeconds(10),
                Duration.ofSeconds(30), 5);
    }

    KiwoomTestClient connect() {
        KiwoomTestClient client = KiwoomTestClient.connect(server.actualPort(), true);
        clients.add(client);
        return client;
    }

    KiwoomTestClient connectWithoutEcho() {
        KiwoomTestClient client = KiwoomTestClient.connect(server.actualPort(), false);
        clients.add(client);
        return client;
    }

    /** Connects and logs in with {@code token}, consuming the LOGIN ack. */
    KiwoomTestClient login(String token) {
        KiwoomTestClient client = connect();
        client.send("{\"trnm\":\"LOGIN\",\"token\":\"" + token + "\"}");
        client.expect(LOGIN_OK);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(KiwoomTestClient::close);
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
    }
}
