package com.kiwoomhub.realtimeflows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.CanonicalJson;

/** A dashboard on the JDK WebSocket client: keeps every text frame the feed sends it. */
final class FeedTestClient implements WebSocket.Listener, AutoCloseable {

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;

    /** Connects with the feed token of the shared test context. */
    FeedTestClient(int port) throws Exception {
        this(port, "?token=" + RealtimeFlowsTest.FEED_TOKEN, null);
    }

    /** Connects with this query (e.g. {@code ?token=x}, or "") and, unless null, this Authorization header. */
    FeedTestClient(int port, String query, String authorization) throws Exception {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/realtime" + query), this).get(10, TimeUnit.SECONDS);
    }

    /** "code reason" once the feed closed the connection. */
    CompletableFuture<String> closed() {
        return closed;
    }

    /** Drops the TCP connection without a close handshake, as a client that vanishes. */
    void abort() {
        socket.abort();
    }

    void send(String json) throws Exception {
        socket.sendText(json, true).get(5, TimeUnit.SECONDS);
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** Records received, each {"channel": ..., "data": ...}. */
    List<JsonNode> records() {
        return frames.stream().filter(f -> f.has("channel")).toList();
    }

    List<JsonNode> replies(String type) {
        return frames.stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(CanonicalJson.mapper().readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("feed sent a frame that is not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
