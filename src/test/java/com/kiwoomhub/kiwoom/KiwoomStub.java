package com.kiwoomhub.kiwoom;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Kiwoom REST stand-in on 127.0.0.1 answering in Kiwoom's formats: au10001/au10002 and any
 * {@code /api/dostk/*} TR. It records every request; replies are scripted per api-id and fall back
 * to a plain success. Only what the client tests need; the sandbox simulator replaces it later.
 */
class KiwoomStub implements AutoCloseable {

    static final String OK = "정상적으로 처리되었습니다";

    /** A request as the server saw it; header names lowercased. */
    record Seen(String path, Map<String, String> headers, String body, long atNanos) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String apiId() {
            return header("api-id");
        }
    }

    /** A scripted answer. {@code HANG} never answers (until close); {@code RESET} closes the connection unanswered. */
    record Reply(int status, Map<String, String> headers, String body) {
        static final Reply HANG = new Reply(-1, Map.of(), "");
        static final Reply RESET = new Reply(-2, Map.of(), "");

        static Reply ok(String json) {
            return new Reply(200, Map.of(), json);
        }

        static Reply page(String json, String nextKey) {
            return new Reply(200, nextKey == null ? Map.of("cont-yn", "N") : Map.of("cont-yn", "Y", "next-key", nextKey), json);
        }

        static Reply of(int status, String json) {
            return new Reply(status, Map.of(), json);
        }

        static Reply error(int status, int returnCode, String returnMsg) {
            return new Reply(status, Map.of(), "{\"return_code\":" + returnCode + ",\"return_msg\":\"" + returnMsg + "\"}");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** What au10001 hands out when nothing is scripted. */
    volatile String token = "stub-token-AAAA1111";
    volatile String expiresDt = "20991231235959";

    KiwoomStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues replies for an api-id ({@code au10001}/{@code au10002} for the token paths). */
    void script(String apiId, Reply... replies) {
        Deque<Reply> queue = scripted.computeIfAbsent(apiId, k -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(replies));
        }
    }

    List<Seen> requests(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    List<Seen> trRequests() {
        return seen.stream().filter(s -> s.path().startsWith("/api/")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen request = new Seen(path, headers, body, System.nanoTime());
        seen.add(request);
        String apiId = switch (path) {
            case "/oauth2/token" -> "au10001";
            case "/oauth2/revoke" -> "au10002";
            default -> request.apiId();
        };
        try {
            beforeReply(apiId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reply reply = next(apiId);
        if (reply == null) {
            reply = switch (apiId) {
                case "au10001" -> Reply.ok("{\"expires_dt\":\"" + expiresDt + "\",\"token_type\":\"bearer\",\"token\":\""
                        + token + "\",\"return_code\":0,\"return_msg\":\"" + OK + "\"}");
                default -> Reply.ok("{\"return_code\":0,\"return_msg\":\"" + OK + "\"}");
            };
        }
        if (reply == Reply.HANG) {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (reply == Reply.RESET) {
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        if (apiId != null) {
            exchange.getResponseHeaders().set("api-id", apiId);
        }
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A hook for tests that must hold an answer back until they are ready. */
    void beforeReply(String apiId) throws InterruptedException {
    }

    private Reply next(String apiId) {
        Deque<Reply> queue = apiId == null ? null : scripted.get(apiId);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
