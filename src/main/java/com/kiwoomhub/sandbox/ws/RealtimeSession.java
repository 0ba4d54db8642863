package com.kiwoomhub.sandbox.ws;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketImplBase;
import io.vertx.core.json.JsonArray;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection. Its state is touched only on its own event-loop context, except the
 * outbox, which any thread may fill: rows queue there and are written in order, several per REAL frame.
 */
final class RealtimeSession {

    private static final short NORMAL_CLOSURE = 1000;
    private static final String BYE = "Bye";

    final String id;
    final ServerWebSocket socket;
    final Context context;
    final RegisteredItems registrations = new RegisteredItems();
    final Deque<Long> regTimes = new ArrayDeque<>();
    final Map<String, Set<String>> liveConditions = new LinkedHashMap<>();

    volatile String appKey;
    volatile Set<String> liveConditionView = Set.of();
    boolean conditionsListed;
    int missedPings;
    long loginTimer = -1;
    long pingTimer = -1;
    long conditionTimer = -1;

    private final Vertx vertx;
    private final WebSocketSettings settings;
    private final ConcurrentLinkedQueue<Outbound> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile boolean ending;

    RealtimeSession(String id, ServerWebSocket socket, Context context, Vertx vertx, WebSocketSettings settings) {
        this.id = id;
        this.socket = socket;
        this.context = context;
        this.vertx = vertx;
        this.settings = settings;
    }

    boolean loggedIn() {
        return appKey != null && !ending;
    }

    /** Writes a frame now; on the session's context only, so PINGs and acks never wait behind REAL rows. */
    void send(String frame) {
        if (!ending) {
            socket.writeTextMessage(frame);
        }
    }

    /** Queues a row or raw frame from any thread and makes sure a flush follows within the batch window. */
    void enqueue(Outbound outbound) {
        if (ending) {
            return;
        }
        outbox.add(outbound);
        if (flushScheduled.compareAndSet(false, true)) {
            if (settings.realBatchWindow().isZero()) {
                context.runOnContext(v -> flush());
            } else {
                context.runOnContext(v -> vertx.setTimer(settings.realBatchWindow().toMillis(), t -> flush()));
            }
        }
    }

    private void flush() {
        flushScheduled.set(false);
        JsonArray rows = new JsonArray();
        Outbound next;
        while ((next = outbox.poll()) != null) {
            if (next instanceof RealtimeRow row) {
                rows.add(row.toJson());
                if (rows.size() >= settings.maxRowsPerFrame()) {
                    send(ServerFrames.real(rows));
                    rows = new JsonArray();
                }
            } else if (next instanceof Outbound.Raw raw) {
                if (!rows.isEmpty()) {
                    send(ServerFrames.real(rows));
                    rows = new JsonArray();
                }
                send(raw.text());
            }
        }
        if (!rows.isEmpty()) {
            send(ServerFrames.real(rows));
        }
    }

    /** Ends the session the way Kiwoom does: an optional last frame, then close 1000 "Bye". */
    void end(String lastFrame) {
        if (ending) {
            return;
        }
        if (lastFrame != null) {
            socket.writeTextMessage(lastFrame);
        }
        ending = true;
        outbox.clear();
        socket.close(NORMAL_CLOSURE, BYE);
    }

    /** Cuts the TCP connection without a close frame, as a network drop would. */
    void drop() {
        ending = true;
        outbox.clear();
        if (socket instanceof WebSocketImplBase<?> base) {
            base.connection().close();
        } else {
            socket.close();
        }
    }

    void publishConditions() {
        liveConditionView = Set.copyOf(liveConditions.keySet());
    }

    void cancelTimers() {
        for (long timer : new long[] {loginTimer, pingTimer, conditionTimer}) {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
        loginTimer = pingTimer = conditionTimer = -1;
    }

    SessionInfo info() {
        return new SessionInfo(id, appKey, registrations.view(), liveConditionView, reachedAt());
    }

    /** The loopback address the client connected to. */
    String reachedAt() {
        return socket.localAddress() == null ? null : socket.localAddress().hostAddress();
    }
}
