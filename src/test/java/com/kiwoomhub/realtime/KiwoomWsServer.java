package com.kiwoomhub.realtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;

/**
 * A minimal Kiwoom WebSocket server on 127.0.0.1 (docs/kiwoom-protocol.md §9): silent until LOGIN, LOGIN
 * ack or 805004 for an unknown token, a PING every {@code pingMillis} that must come back identical
 * within {@code echoDeadlineMillis} (else R10002 and close), REG/REMOVE acks, REAL frames, R10001
 * eviction with close 1000 "Bye". It records what clients send and how many sockets are open.
 */
final class KiwoomWsServer implements AutoCloseable {

    static final String PING = "{\"trnm\":\"PING\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One frame a client sent. */
    record Received(int connection, long nanos, String text, JsonNode json) {
        String trnm() {
            return json.path("trnm").asText();
        }
    }

    /** One client connection as the server sees it. */
    final class Conn {
        final int id;
        final ServerWebSocket ws;
        final List<Received> frames = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedDeque<Long> pingsAwaitingEcho = new ConcurrentLinkedDeque<>();
        volatile boolean open = true;
        volatile boolean loggedIn;
        volatile boolean silenced;
        volatile long loginAckNanos;
        volatile long closedNanos;
        volatile short closeCode = -1;

        Conn(int id, ServerWebSocket ws) {
            this.id = id;
            this.ws = ws;
        }

        void write(String text) {
            if (open && !silenced) {
                ws.writeTextMessage(text);
            }
        }

        List<Received> frames(String trnm) {
            return frames.stream().filter(f -> f.trnm().equals(trnm)).toList();
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    final List<Conn> connections = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger openNow = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    final AtomicInteger pingsSent = new AtomicInteger();
    final AtomicInteger echoes = new AtomicInteger();
    volatile long maxEchoNanos;

    volatile Set<String> validTokens = Set.of("token-1");
    volatile long pingMillis = 200;
    volatile long echoDeadlineMillis = 1000;
    /** The answer to LOGIN with an unknown token (then the server closes). */
    volatile String loginRefusal = "{\"trnm\":\"LOGIN\",\"return_code\":805004,\"return_msg\":\"토큰 인증에 실패했습니다. "
            + "접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]\"}";
    /** How long the server thinks before acknowledging LOGIN: frames sent meanwhile are violations. */
    volatile long loginAckDelayMillis;
    /** Connections numbered up to this one are closed right after their LOGIN ack (a flapping server). */
    volatile int dropAfterLoginUpTo;
    /** REG number (1-based, across connections) answered with 105110 once. */
    volatile int rateLimitRegNumber;
    private final AtomicInteger regCount = new AtomicInteger();

    KiwoomWsServer() throws Exception {
        server = vertx.createHttpServer().webSocketHandler(this::accept).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.setPeriodic(20, t -> checkEchoes());
    }

    String url() {
        return "ws://127.0.0.1:" + server.actualPort() + "/api/dostk/websocket";
    }

    int maxOpenAtOnce() {
        return maxOpen.get();
    }

    int openNow() {
        return openNow.get();
    }

    Conn connection(int number) {
        return connections.get(number - 1);
    }

    Conn last() {
        return connections.get(connections.size() - 1);
    }

    /** Every frame clients sent, across connections, in arrival order per connection. */
    List<Received> all(Predicate<Received> filter) {
        List<Received> out = new ArrayList<>();
        connections.forEach(c -> c.frames.stream().filter(filter).forEach(out::add));
        return out;
    }

    void dropAll() {
        connections.stream().filter(c -> c.open).forEach(c -> c.ws.close());
    }

    /** The connection stops sending anything, PINGs included: a stalled socket. */
    void silence(Conn c) {
        c.silenced = true;
    }

    /** Another session logged in with the same app key: R10001, then close 1000 "Bye". */
    void evict(Conn c) {
        c.write("{\"trnm\":\"SYSTEM\",\"code\":\"R10001\",\"message\":\"동일한 App key로 접속이 되었습니다. 기존 세션은 종료가 됩니다\"}");
        c.ws.close((short) 1000, "Bye");
    }

    /** Sends a frame from the connection's event loop, after anything written before it. */
    void push(Conn c, String text) {
        c.write(text);
    }

    /** Sends the frames from the event loop, {@code perTick} every 2 ms, so server PINGs interleave with them. */
    void burst(Conn c, List<String> frames, int perTick) {
        AtomicInteger next = new AtomicInteger();
        vertx.setPeriodic(2, t -> {
            for (int i = 0; i < perTick && next.get() < frames.size(); i++) {
                c.write(frames.get(next.getAndIncrement()));
            }
            if (next.get() >= frames.size()) {
                vertx.cancelTimer(t);
            }
        });
    }

    /** A REAL frame with one row per item of the given type, carrying the sequence number in FID 13. */
    static String real(String type, Collection<String> items, int seq) {
        StringBuilder b = new StringBuilder("{\"trnm\":\"REAL\",\"data\":[");
        int i = 0;
        for (String item : items) {
            if (i++ > 0) {
                b.append(',');
            }
            b.append("{\"type\":\"").append(type).append("\",\"name\":\"주식체결\",\"item\":\"").append(item)
                    .append("\",\"values\":{\"20\":\"102755\",\"10\":\"+1851000\",\"13\":\"").append(seq).append("\"}}");
        }
        return b.append("]}").toString();
    }

    private void accept(ServerWebSocket ws) {
        Conn c = new Conn(connections.size() + 1, ws);
        connections.add(c);
        maxOpen.accumulateAndGet(openNow.incrementAndGet(), Math::max);
        long timer = vertx.setPeriodic(pingMillis, t -> {
            if (c.loggedIn && c.open && !c.silenced) {
                c.pingsAwaitingEcho.add(System.nanoTime());
                pingsSent.incrementAndGet();
                c.write(PING);
            }
        });
        ws.closeHandler(v -> {
            if (c.open) {
                c.open = false;
                c.closedNanos = System.nanoTime();
                c.closeCode = ws.closeStatusCode() == null ? -1 : ws.closeStatusCode();
                openNow.decrementAndGet();
            }
            vertx.cancelTimer(timer);
        });
        ws.textMessageHandler(text -> received(c, text));
    }

    private void received(Conn c, String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (Exception e) {
            violations.add("conn " + c.id + ": not JSON: " + text);
            return;
        }
        Received r = new Received(c.id, System.nanoTime(), text, json);
        c.frames.add(r);
        String trnm = r.trnm();
        if (!c.loggedIn && !trnm.equals("LOGIN")) {
            violations.add("conn " + c.id + ": " + trnm + " before the LOGIN ack");
        }
        switch (trnm) {
            case "LOGIN" -> login(c, json);
            case "PING" -> {
                Long sent = c.pingsAwaitingEcho.poll();
                if (!text.equals(PING)) {
                    violations.add("conn " + c.id + ": PING echo changed: " + text);
                }
                if (sent != null) {
                    maxEchoNanos = Math.max(maxEchoNanos, System.nanoTime() - sent);
                    echoes.incrementAndGet();
                }
            }
            case "SYSTEM" -> {
                violations.add("conn " + c.id + ": SYSTEM echoed");
                c.ws.close();
            }
            case "REG", "REMOVE" -> {
                boolean limited = trnm.equals("REG") && regCount.incrementAndGet() == rateLimitRegNumber;
                c.write(limited
                        ? "{\"trnm\":\"REG\",\"return_code\":105110,\"return_msg\":\"해당 TRNM으로 허용된 요청 건수를 초과하였습니다 (TRNM=REG)\"}"
                        : "{\"trnm\":\"" + trnm + "\",\"return_code\":0,\"return_msg\":\"\"}");
            }
            case "CNSRLST" -> c.write("{\"trnm\":\"CNSRLST\",\"return_code\":0,\"return_msg\":\"\",\"data\":[[\"0\",\"조건1\"],[\"1\",\"조건2\"]]}");
            default -> c.write("{\"trnm\":\"" + trnm + "\",\"return_code\":0,\"return_msg\":\"\",\"data\":[]}");
        }
    }

    private void login(Conn c, JsonNode json) {
        if (c.loggedIn) {
            violations.add("conn " + c.id + ": second LOGIN");
            return;
        }
        if (!validTokens.contains(json.path("token").asText())) {
            c.write(loginRefusal);
            c.ws.close();
            return;
        }
        if (loginAckDelayMillis > 0) {
            vertx.setTimer(loginAckDelayMillis, t -> acknowledgeLogin(c));
        } else {
            acknowledgeLogin(c);
        }
    }

    private void acknowledgeLogin(Conn c) {
        c.loggedIn = true;
        c.loginAckNanos = System.nanoTime();
        c.write("{\"trnm\":\"LOGIN\",\"return_code\":0,\"return_msg\":\"\",\"sor_yn\":\"Y\"}");
        if (c.id <= dropAfterLoginUpTo) {
            c.ws.close();
        }
    }

    private void checkEchoes() {
        long deadline = TimeUnit.MILLISECONDS.toNanos(echoDeadlineMillis);
        for (Conn c : connections) {
            Long oldest = c.pingsAwaitingEcho.peek();
            if (c.open && oldest != null && System.nanoTime() - oldest > deadline) {
                violations.add("conn " + c.id + ": PING not echoed within " + echoDeadlineMillis + " ms");
                c.write("{\"trnm\":\"SYSTEM\",\"code\":\"R10002\",\"message\":\"사용자 프로그램으로부터 Heartbeat(연결유지) 메시지가 오지않아서 접속을 종료합니다\"}");
                c.ws.close();
            }
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
