package com.kiwoomhub.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

/**
 * The loopback HTTP server of the sandbox: Kiwoom REST on the Kiwoom paths, the WebSocket upgrade on
 * {@value #WEBSOCKET_PATH} (handed to whatever handler is plugged in), and the admin endpoint under
 * {@value #ADMIN_PREFIX}. Every REST request is written to the journal before it is judged.
 */
final class SandboxServer {

    static final String WEBSOCKET_PATH = "/api/dostk/websocket";
    static final String ADMIN_PREFIX = "/sandbox/admin/";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() { };

    private final Vertx vertx;
    private final RestGateway gateway;
    private final FaultPlan faults;
    private final RequestJournal journal;
    private final Clock clock;
    private final ToIntFunction<String> rateLimitOf;
    private final ObjectMapper json;
    private final Function<String, Optional<String>> appKeyOfToken;
    private SandboxAdmin admin;
    private volatile Handler<ServerWebSocket> webSockets;
    private HttpServer server;

    SandboxServer(Vertx vertx, RestGateway gateway, FaultPlan faults, RequestJournal journal, Clock clock,
                  ToIntFunction<String> rateLimitOf, ObjectMapper json, Function<String, Optional<String>> appKeyOfToken) {
        this.vertx = vertx;
        this.gateway = gateway;
        this.faults = faults;
        this.journal = journal;
        this.clock = clock;
        this.rateLimitOf = rateLimitOf;
        this.json = json;
        this.appKeyOfToken = appKeyOfToken;
    }

    void admin(SandboxAdmin admin) {
        this.admin = admin;
    }

    void webSockets(Handler<ServerWebSocket> handler) {
        this.webSockets = handler;
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) and returns the port. */
    int listen(int port) {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                .setMaxWebSocketFrameSize(1 << 20));
        server.webSocketHandler(this::onWebSocket);
        server.requestHandler(this::onRequest);
        try {
            return server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("The Kiwoom sandbox could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    void close() {
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("Closing the sandbox server: {}", e.toString());
            }
        }
    }

    private void onWebSocket(ServerWebSocket socket) {
        Handler<ServerWebSocket> handler = webSockets;
        if (!WEBSOCKET_PATH.equals(socket.path()) || handler == null) {
            socket.reject(404);
            return;
        }
        handler.handle(socket);
    }

    private void onRequest(HttpServerRequest request) {
        request.body()
                .onSuccess(buffer -> {
                    try {
                        route(request, buffer.toString(StandardCharsets.UTF_8));
                    } catch (RuntimeException e) {
                        LOG.warn("Sandbox request {} {} failed", request.method(), request.path(), e);
                        if (!request.response().ended()) {
                            request.response().setStatusCode(500).end();
                        }
                    }
                })
                .onFailure(e -> request.response().setStatusCode(400).end());
    }

    private void route(HttpServerRequest request, String text) {
        String path = request.path();
        if (path.startsWith(ADMIN_PREFIX)) {
            admin.handle(request, path.substring(ADMIN_PREFIX.length()), text);
            return;
        }
        Map<String, Object> fields = parseObject(text);
        String apiId = request.getHeader("api-id");
        journal.add(new RequestJournal.ReceivedRequest(clock.instant(), request.method().name(), path, apiId,
                headersOf(request), text, fields == null ? Map.of() : Map.copyOf(withoutNulls(fields)), appKeyOf(request)));
        if (request.method() != HttpMethod.POST) {
            request.response().setStatusCode(405).putHeader("Allow", "POST").end();
            return;
        }
        if (!TrCatalog.knownPath(path)) {
            request.response().setStatusCode(404).end();
            return;
        }
        String effective = RestGateway.effectiveApiId(path, apiId);
        if (fields == null) {
            write(request, effective, TrFailure.invalid("body", "JSON 객체가 아닙니다").reply());
            return;
        }
        String contYn = request.getHeader("cont-yn");
        String nextKey = request.getHeader("next-key");
        boolean continuation = "Y".equalsIgnoreCase(contYn) && nextKey != null && !nextKey.isBlank();
        RestGateway.RestRequest rest = new RestGateway.RestRequest(path, apiId, request.getHeader("authorization"),
                continuation, nextKey == null ? "" : nextKey.trim(), fields);
        Optional<FaultPlan.CallFault> fault = faults.takeCallFault(effective);
        if (fault.isEmpty()) {
            write(request, effective, gateway.serve(rest));
            return;
        }
        FaultPlan.CallFault armed = fault.get();
        if (armed instanceof FaultPlan.HttpError error) {
            request.response().setStatusCode(error.status())
                    .putHeader("Content-Type", "text/plain;charset=UTF-8")
                    .end("sandbox fault: HTTP " + error.status());
        } else if (armed instanceof FaultPlan.Delay delay) {
            // served now, answered late: an order is executed even if the client has given up waiting
            TrReply reply = gateway.serve(rest);
            vertx.setTimer(Math.max(1, delay.delay().toMillis()), id -> {
                if (!request.response().closed()) {
                    write(request, effective, reply);
                }
            });
        } else {
            int limit = rateLimitOf.applyAsInt(effective);
            write(request, effective, TrReply.rateLimited(effective, limit > 0 ? limit : 5));
        }
    }

    private void write(HttpServerRequest request, String apiId, TrReply reply) {
        String body;
        try {
            body = json.writeValueAsString(reply.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> HTTP {} return_code {} cont-yn {}", apiId, request.path(), reply.status(),
                    reply.body().get("return_code"), reply.contYn());
        }
        request.response().setStatusCode(reply.status())
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("api-id", apiId)
                .putHeader("cont-yn", reply.contYn())
                .putHeader("next-key", reply.nextKey())
                .end(body);
    }

    /** The body as a JSON object; an empty body is {@code {}}; null when it is not a JSON object. */
    private Map<String, Object> parseObject(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return copy;
    }

    /** The app key whose token the request carries; null without one the sandbox issued. */
    private String appKeyOf(HttpServerRequest request) {
        String authorization = request.getHeader("authorization");
        int space = authorization == null ? -1 : authorization.trim().indexOf(' ');
        return space < 0 ? null : appKeyOfToken.apply(authorization.trim().substring(space + 1).trim()).orElse(null);
    }

    /** Request headers with lower-case names; the token in authorization is masked. */
    private static Map<String, String> headersOf(HttpServerRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> {
            String name = h.getKey().toLowerCase();
            String value = h.getValue();
            if (name.equals("authorization")) {
                int space = value.indexOf(' ');
                value = space > 0 ? value.substring(0, space) + " ***" : "***";
            }
            headers.put(name, value);
        });
        return headers;
    }
}
