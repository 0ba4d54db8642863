package com.kiwoomhub.sandbox.ws;

import com.kiwoomhub.sandbox.RealtimeFaults;
import com.kiwoomhub.sandbox.RealtimeSink;
import com.kiwoomhub.sandbox.SandboxMarketView;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's Kiwoom real-time WebSocket ({@code /api/dostk/websocket}): LOGIN, application PING,
 * REG/REMOVE with Kiwoom's limits, REAL delivery and condition search, plus fault injection.
 *
 * <p>Plug it into a Vert.x HTTP server with {@code server.webSocketHandler(sandboxWebSocket)} (other
 * paths are then rejected with 404), or call {@link #handle} from an upgrade of {@link #PATH} only.
 * Like the real server it stays silent until the client logs in. Thread-safety: the sink and fault
 * methods may be called from any thread; each session's state lives on its own event loop.
 */
public class SandboxWebSocket implements Handler<ServerWebSocket>, RealtimeSink, RealtimeFaults {

    public static final String PATH = "/api/dostk/websocket";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxWebSocket.class);
    private static final int REG_RATE_EXCEEDED = 105110;
    private static final int FAILED = 1;
    private static final long ONE_SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Vertx vertx;
    private final SandboxMarketView market;
    private final WebSocketSettings settings;
    private final ConditionEngine conditionSearch;
    private final Map<String, RealtimeSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, RealtimeSession> sessionsByAppKey = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String> received = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<ClientFrame> frameJournal = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Eviction> evictions = new ConcurrentLinkedDeque<>();
    private final AtomicInteger receivedCount = new AtomicInteger();
    private final AtomicLong connectionIds = new AtomicLong();
    private volatile boolean pingsStopped;
    private volatile boolean echoesIgnored;
    /** Epoch ms until which new connections are refused ({@link #outage}). */
    private volatile long refusedUntil;

    public SandboxWebSocket(Vertx vertx, SandboxMarketView market, WebSocketSettings settings) {
        this.vertx = vertx;
        this.market = market;
        this.settings = settings;
        this.conditionSearch = new ConditionEngine(vertx, market, settings);
    }

    @Override
    public void handle(ServerWebSocket socket) {
        if (!PATH.equals(socket.path())) {
            socket.reject(404);
            return;
        }
        if (System.currentTimeMillis() < refusedUntil) {
            socket.reject(503);
            return;
        }
        Context context = vertx.getOrCreateContext();
        RealtimeSession session = new RealtimeSession("ws-" + connectionIds.incrementAndGet(), socket, context,
                vertx, settings);
        sessions.put(session.id, session);
        socket.textMessageHandler(text -> onText(session, text));
        socket.exceptionHandler(e -> LOG.debug("WebSocket {} failed: {}", session.id, e.toString()));
        socket.closeHandler(v -> onClosed(session));
        session.loginTimer = vertx.setTimer(settings.loginTimeout().toMillis(), t -> {
            session.loginTimer = -1;
            if (session.appKey == null) {
                session.end(ServerFrames.system(SystemNotice.LOGIN_MISSING));
            }
        });
    }

    // --- RealtimeSink ---------------------------------------------------------------------------

    @Override
    public void market(String type, String item, Map<String, String> values) {
        RealtimeRow row = new RealtimeRow(type, item, values);
        for (RealtimeSession session : sessions.values()) {
            if (session.loggedIn() && session.registrations.wantsMarket(type, item)) {
                session.enqueue(row);
            }
        }
    }

    @Override
    public void account(String appKey, String type, String item, Map<String, String> values) {
        RealtimeSession session = sessionsByAppKey.get(appKey);
        if (session != null && session.loggedIn() && session.registrations.wantsAccount(type)) {
            session.enqueue(new RealtimeRow(type, item, values));
        }
    }

    // --- RealtimeFaults and test API ------------------------------------------------------------

    @Override
    public void dropAll() {
        sessions.values().forEach(s -> s.context.runOnContext(v -> s.drop()));
    }

    @Override
    public void outage(Duration duration) {
        refusedUntil = System.currentTimeMillis() + duration.toMillis();
        dropAll();
    }

    @Override
    public void stopPings(boolean stopped) {
        pingsStopped = stopped;
    }

    @Override
    public void ignoreEchoes(boolean ignored) {
        echoesIgnored = ignored;
    }

    @Override
    public void pushRaw(String json) {
        sessions.values().stream().filter(RealtimeSession::loggedIn)
                .forEach(s -> s.enqueue(new Outbound.Raw(json)));
    }

    @Override
    public List<String> framesReceived() {
        return List.copyOf(received);
    }

    @Override
    public int openConnections() {
        return sessions.size();
    }

    /** Who sent each recorded client frame, when, in arrival order (as many as {@link #framesReceived}). */
    public List<ClientFrame> frameJournal() {
        return List.copyOf(frameJournal);
    }

    /** Every session ended with SYSTEM R10001 because its app key logged in elsewhere, in order. */
    public List<Eviction> evictions() {
        return List.copyOf(evictions);
    }

    /** Forgets the recorded client frames, so that a test can assert on its own. */
    public void clearFramesReceived() {
        received.clear();
        frameJournal.clear();
        receivedCount.set(0);
    }

    /** Every open connection with its app key, registrations and running real-time conditions. */
    public List<SessionInfo> sessions() {
        return sessions.values().stream().map(RealtimeSession::info).toList();
    }

    /**
     * Sends a condition-search 02 alert ({@code I} when entering, {@code D} when leaving) to every
     * session running real-time condition {@code seq}, regardless of prices. The next periodic scan
     * re-syncs with the market and may send the opposite alert.
     */
    public void forceConditionAlert(String seq, String code, boolean entering) {
        sessions.values().forEach(s -> s.context.runOnContext(v -> conditionSearch.force(s, seq, code, entering)));
    }

    // --- protocol -------------------------------------------------------------------------------

    private void onText(RealtimeSession session, String text) {
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            record(session, text, "");
            LOG.debug("Ignoring a non-JSON frame on {}", session.id);
            return;
        }
        String trnm = ClientFrames.field(frame, "trnm");
        record(session, text, trnm);
        switch (trnm) {
            case "LOGIN" -> login(session, frame);
            case "PING" -> {
                if (!echoesIgnored) {
                    session.missedPings = 0;
                }
            }
            // Echoing a SYSTEM frame is a protocol violation the real server answers with an immediate close.
            case "SYSTEM" -> session.end(null);
            case "REG", "REMOVE", "CNSRLST", "CNSRREQ", "CNSRCLR" -> request(session, trnm, frame);
            default -> LOG.debug("Ignoring trnm {} on {}", trnm, session.id);
        }
    }

    private void request(RealtimeSession session, String trnm, JsonObject frame) {
        if (session.appKey == null) {
            session.send(ServerFrames.error(trnm, FAILED, ServerFrames.LOGIN_REQUIRED_MESSAGE));
            return;
        }
        switch (trnm) {
            case "REG" -> register(session, frame);
            case "REMOVE" -> remove(session, frame);
            case "CNSRLST" -> conditionSearch.list(session);
            case "CNSRREQ" -> conditionSearch.request(session, frame);
            default -> conditionSearch.clear(session, frame);
        }
    }

    private void login(RealtimeSession session, JsonObject frame) {
        Object token = frame.getValue("token");
        Optional<String> appKey = token instanceof String raw && !raw.isBlank()
                ? market.appKeyOfToken(raw)
                : Optional.empty();
        if (appKey.isEmpty()) {
            session.end(ServerFrames.loginRefused(settings.loginFailureReturnCode()));
            return;
        }
        if (session.appKey != null && !session.appKey.equals(appKey.get())) {
            sessionsByAppKey.remove(session.appKey, session);
        }
        session.appKey = appKey.get();
        if (session.loginTimer >= 0) {
            vertx.cancelTimer(session.loginTimer);
            session.loginTimer = -1;
        }
        RealtimeSession previous = sessionsByAppKey.put(session.appKey, session);
        if (previous != null && previous != session) {
            evictions.add(new Eviction(Instant.now(), session.appKey, previous.id, previous.reachedAt(), session.id,
                    session.reachedAt()));
            previous.context.runOnContext(v -> previous.end(ServerFrames.system(SystemNotice.REPLACED)));
        }
        session.send(ServerFrames.LOGIN_OK);
        if (session.pingTimer < 0) {
            session.pingTimer = vertx.setPeriodic(settings.pingInterval().toMillis(), t -> ping(session));
        }
    }

    private void ping(RealtimeSession session) {
        if (pingsStopped) {
            return;
        }
        if (session.missedPings >= settings.missedPingsBeforeClose()) {
            session.end(ServerFrames.system(SystemNotice.HEARTBEAT_MISSING));
            return;
        }
        session.missedPings++;
        session.send(ServerFrames.PING);
    }

    private void register(RealtimeSession session, JsonObject frame) {
        long now = System.nanoTime();
        while (!session.regTimes.isEmpty() && now - session.regTimes.peekFirst() >= ONE_SECOND_NANOS) {
            session.regTimes.pollFirst();
        }
        if (session.regTimes.size() >= settings.regRequestsPerSecond()) {
            session.send(ServerFrames.error("REG", REG_RATE_EXCEEDED, ServerFrames.REG_RATE_EXCEEDED_MESSAGE));
            return;
        }
        session.regTimes.addLast(now);
        boolean refresh = !"0".equals(ClientFrames.field(frame, "refresh"));
        int returnCode = session.registrations.register(ClientFrames.field(frame, "grp_no"), refresh,
                ClientFrames.subscriptions(frame), settings);
        switch (returnCode) {
            case 0 -> session.send(ServerFrames.ack("REG"));
            case RegisteredItems.CONNECTION_ITEMS_EXCEEDED -> session.send(ServerFrames.error("REG", returnCode,
                    "등록 종목이 허용 개수(" + settings.maxItemsPerConnection() + ")를 초과하였습니다"));
            default -> session.send(ServerFrames.error("REG", returnCode,
                    "등록 종목이 그룹번호에 등록할 수 있는 허용 개수(" + settings.maxItemsPerGroup() + ")를 초과하였습니다"));
        }
    }

    private void remove(RealtimeSession session, JsonObject frame) {
        session.registrations.remove(ClientFrames.field(frame, "grp_no"), ClientFrames.subscriptions(frame));
        session.send(ServerFrames.ack("REMOVE"));
    }

    private void record(RealtimeSession session, String text, String trnm) {
        received.addLast(text);
        frameJournal.addLast(new ClientFrame(Instant.now(), session.id, session.reachedAt(), session.appKey, trnm));
        if (receivedCount.incrementAndGet() > settings.framesRecorded()) {
            received.pollFirst();
            frameJournal.pollFirst();
            receivedCount.decrementAndGet();
        }
    }

    private void onClosed(RealtimeSession session) {
        session.cancelTimers();
        sessions.remove(session.id);
        if (session.appKey != null) {
            sessionsByAppKey.remove(session.appKey, session);
        }
    }
}
