package com.kiwoomhub.sandbox.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain JDK WebSocket client, independent of the hub: it queues every text frame, optionally
 * echoes PINGs the way Kiwoom's sample does (the same text back), and records how the socket ended.
 */
final class KiwoomTestClient implements WebSocket.Listener, AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration FRAME_TIMEOUT = Duration.ofSeconds(5);

    record Closing(int status, String reason) {
    }

    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Closing> closed = new CompletableFuture<>();
    final AtomicInteger pingsEchoed = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private final boolean echoPings;
    private WebSocket socket;

    private KiwoomTestClient(boolean echoPings) {
        this.echoPings = echoPings;
    }

    static KiwoomTestClient connect(int port, boolean echoPings) {
        KiwoomTestClient client = new KiwoomTestClient(echoPings);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + SandboxWebSocket.PATH), client)
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        return client;
    }

    synchronized void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** The next frame, failing the test if none arrives in time. */
    String next() {
        try {
            String frame = frames.poll(FRAME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame).as("a frame within %s", FRAME_TIMEOUT).isNotNull();
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode nextJson() {
        return parse(next());
    }

    /** The rows of the next REAL frames, at least {@code count}, however the server batched them. */
    List<JsonNode> nextRows(int count) {
        List<JsonNode> rows = new ArrayList<>();
        while (rows.size() < count) {
            JsonNode frame = nextJson();
            assertThat(frame.path("trnm").asText()).isEqualTo("REAL");
            frame.path("data").forEach(rows::add);
        }
        return rows;
    }

    /** Asserts the next frame equals {@code expected} as JSON (key order ignored, values exact). */
    void expect(String expected) {
        assertThat(nextJson()).isEqualTo(parse(expected));
    }

    Closing awaitClose() {
        return closed.orTimeout(FRAME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (echoPings && "PING".equals(parse(frame).path("trnm").asText())) {
                pingsEchoed.incrementAndGet();
                send(frame);
            } else {
                frames.add(frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closing(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closing(-1, String.valueOf(error)));
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.abort();
        }
    }
}
