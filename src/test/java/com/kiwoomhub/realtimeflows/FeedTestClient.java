package com.kiwoomhub.realtimeflows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.CanonicalJson;

/** A dashboard on the JDK WebSocket client: keeps every text frame the feed sends it. */
final class FeedTestClient implements WebSocket.Listener, AutoCloseable {

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    FeedTestClient(int port) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/realtime"), this).get(10, TimeUnit.SECONDS);
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
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
