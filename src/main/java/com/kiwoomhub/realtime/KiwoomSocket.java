package com.kiwoomhub.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.kiwoomhub.canonical.CanonicalJson;

/**
 * One WebSocket connection of a session and what belongs to it: LOGIN, the PING echo, SYSTEM
 * notices, chained sends (the JDK client forbids overlapping sendText) and the close. Frames after
 * the LOGIN ack go to the {@link FrameHandOff}, REG/REMOVE acks also to the {@link RegistrationPump}.
 * What the socket cannot decide alone (is it still current, a login, a refusal, a loss) it reports
 * to its {@link Owner}, the session; callbacks of a socket that is no longer current are ignored there.
 */
final class KiwoomSocket implements WebSocket.Listener, RegistrationPump.Link {

    /** The session's side of a socket; every call names the socket, so a stale one can be told apart. */
    interface Owner {
        boolean isCurrent(KiwoomSocket socket);

        /** The socket is open and sends LOGIN. */
        void loggingIn(KiwoomSocket socket);

        /** LOGIN was acknowledged; false if the socket is no longer current. */
        boolean loggedIn(KiwoomSocket socket);

        /** LOGIN was refused with {@code code}; the owner decides about the token and the reconnect. */
        void loginRefused(KiwoomSocket socket, String token, String code, String message);

        /** The socket is gone or must be replaced; {@code delay} null for the exponential back-off. */
        void lost(KiwoomSocket socket, String reason, Duration delay);
    }

    private static final Logger LOG = LoggerFactory.getLogger(KiwoomSocket.class);
    private static final ObjectMapper JSON = CanonicalJson.mapper();

    private final String alias;
    private final Duration evictionBackoff;
    private final SessionMeters meters;
    private final FrameHandOff handOff;
    private final RegistrationPump pump;
    private final Owner owner;

    private volatile String token;
    private volatile long openedNanos;
    private volatile Instant openedAt;
    private volatile long lastFrameNanos;
    private volatile boolean loggedIn;
    private volatile long loggedInNanos;
    // Guarded by this.
    private WebSocket ws;
    private boolean aborted;
    /** CNSRLST went out on this connection. */
    private boolean conditionsListed;
    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Reader thread only: a text frame that arrives in parts. */
    private final StringBuilder partial = new StringBuilder();

    KiwoomSocket(String alias, Duration evictionBackoff, SessionMeters meters, FrameHandOff handOff,
                 RegistrationPump pump, Owner owner) {
        this.alias = alias;
        this.evictionBackoff = evictionBackoff;
        this.meters = meters;
        this.handOff = handOff;
        this.pump = pump;
        this.owner = owner;
    }

    /** Opens the socket; LOGIN with {@code accessToken} goes out once it is open. */
    CompletableFuture<WebSocket> open(HttpClient http, URI url, Duration connectTimeout, String accessToken) {
        this.token = accessToken;
        return http.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(url, this);
    }

    boolean isLoggedIn() {
        return loggedIn;
    }

    /** {@link System#nanoTime()} of the LOGIN ack, or 0 if the socket never logged in. */
    long loggedInNanos() {
        return loggedInNanos;
    }

    /** Called by the owner, under its lock, when it accepts the LOGIN ack. */
    void markLoggedIn() {
        loggedInNanos = System.nanoTime();
        loggedIn = true;
    }

    /** True if the socket is open and has received no frame at all (not even PING) for {@code timeout}. */
    boolean silentFor(Duration timeout, long nowNanos) {
        return openedNanos != 0 && nowNanos - lastFrameNanos > timeout.toNanos();
    }

    /** Wall-clock receipt of the last frame (PING included), or null if the socket never opened. */
    Instant lastFrameAt() {
        Instant opened = openedAt;
        return opened == null ? null : opened.plusNanos(lastFrameNanos - openedNanos);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        synchronized (this) {
            if (aborted) {
                webSocket.abort();
                return;
            }
            ws = webSocket;
        }
        long now = System.nanoTime();
        lastFrameNanos = now;
        openedAt = Instant.now();
        openedNanos = now;
        meters.connected();
        owner.loggingIn(this);
        send(JSON.createObjectNode().put("trnm", "LOGIN").put("token", token).toString());
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            partial.append(data);
        } else if (partial.isEmpty()) {
            received(data.toString());
        } else {
            received(partial.append(data).toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
        closed.complete(null);
        if (owner.isCurrent(this)) {
            LOG.warn("Kiwoom realtime '{}': server closed the socket ({} {})", alias, code, reason);
        }
        owner.lost(this, "close " + code, null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(null);
        if (owner.isCurrent(this)) {
            LOG.warn("Kiwoom realtime '{}': socket error: {}", alias, KiwoomSession.rootMessage(error));
        }
        owner.lost(this, "error", null);
    }

    private void received(String text) {
        long nanos = System.nanoTime();
        lastFrameNanos = nanos;
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (Exception e) {
            LOG.warn("Kiwoom realtime '{}': ignoring a frame that is not JSON ({} chars)", alias, text.length());
            return;
        }
        String trnm = Frame.text(frame, "trnm");
        meters.frame(trnm);
        switch (trnm) {
            case "PING" -> send(text); // the identical frame, at once
            case "SYSTEM" -> system(frame, text, nanos);
            case "LOGIN" -> login(frame, text, nanos);
            default -> {
                if (!loggedIn) {
                    LOG.debug("Kiwoom realtime '{}': skipping {} before the LOGIN ack", alias, trnm);
                    return;
                }
                if (trnm.equals("REG") || trnm.equals("REMOVE")) {
                    pump.acknowledged(this, trnm, Frame.text(frame, "return_code"), Frame.text(frame, "return_msg"));
                }
                handOff.offer(new Frame(trnm, text, Instant.now(), nanos, frame));
            }
        }
    }

    private void login(JsonNode frame, String text, long nanos) {
        if (loggedIn || !owner.isCurrent(this)) {
            return;
        }
        String code = Frame.text(frame, "return_code");
        if (!code.isEmpty() && !code.equals("0")) {
            owner.loginRefused(this, token, code, Frame.text(frame, "return_msg"));
        } else if (owner.loggedIn(this)) {
            handOff.offerLogin(new Frame("LOGIN", text, Instant.now(), nanos, frame));
        }
    }

    private void system(JsonNode frame, String text, long nanos) {
        String code = Frame.text(frame, "code");
        if (code.isEmpty()) {
            code = Frame.text(frame, "return_code");
        }
        String message = frame.has("message") ? Frame.text(frame, "message") : Frame.text(frame, "return_msg");
        switch (code) {
            case "R10001" -> {
                LOG.error("Kiwoom realtime '{}': EVICTED (R10001) — the same app key logged in elsewhere: {}. "
                                + "Backing off {} instead of taking the session back; stop the other client.",
                        alias, message, evictionBackoff);
                owner.lost(this, code, evictionBackoff);
            }
            case "R10002", "R10004" -> {
                LOG.warn("Kiwoom realtime '{}': server ends the session ({}): {}", alias, code, message);
                owner.lost(this, code, null);
            }
            default -> LOG.info("Kiwoom realtime '{}': SYSTEM {}: {}", alias, code, message);
        }
        if (loggedIn) {
            handOff.offer(new Frame("SYSTEM", text, Instant.now(), nanos, frame));
        }
    }

    /** Chains the send after the previous one of this socket. */
    @Override
    public synchronized CompletableFuture<Void> send(String text) {
        WebSocket socket = ws;
        CompletableFuture<Void> next = sends.handle((r, e) -> null)
                .thenCompose(x -> socket.sendText(text, true))
                .thenApply(x -> null);
        sends = next;
        return next;
    }

    /**
     * Sends a control frame; Kiwoom leaves a CNSRREQ unanswered unless CNSRLST came first on the
     * same connection, so a CNSRREQ on a socket without one is preceded by a CNSRLST.
     */
    synchronized CompletableFuture<Void> sendControl(String trnm, String json) {
        if (trnm.equals("CNSRREQ") && !conditionsListed) {
            LOG.info("Kiwoom realtime '{}': sending CNSRLST first, as Kiwoom requires before CNSRREQ", alias);
            send("{\"trnm\":\"CNSRLST\"}");
        }
        conditionsListed |= trnm.equals("CNSRLST") || trnm.equals("CNSRREQ");
        return send(json);
    }

    /** Gone at once: callbacks that still come are ignored, and a socket still opening is aborted on open. */
    synchronized void abort() {
        aborted = true;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Normal close (1000), then abort if the server does not answer within half a second. */
    void close() {
        WebSocket socket;
        CompletableFuture<?> pending;
        synchronized (this) {
            socket = ws;
            pending = sends;
            aborted = true;
        }
        if (socket == null) {
            return;
        }
        pending.handle((r, e) -> null)
                .thenCompose(x -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                .thenCompose(x -> closed)
                .orTimeout(500, TimeUnit.MILLISECONDS)
                .whenComplete((x, e) -> socket.abort());
    }
}
