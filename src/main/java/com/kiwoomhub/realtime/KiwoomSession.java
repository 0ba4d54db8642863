package com.kiwoomhub.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.SessionTokens;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The hub's real-time WebSocket session for one Kiwoom account (one app key): LOGIN, PING echo,
 * registrations and recovery, on the JDK {@link java.net.http.WebSocket} client.
 *
 * <p>Why the JDK client: {@code request(1)} flow control delivers frames strictly one after
 * another, so the reader sees them in wire order without an event loop or a Vertx instance to
 * own, and it needs nothing beyond the JDK. camel-vertx-websocket's client, measured against this
 * protocol before, ran frames unordered on worker threads (a PING echo waited behind a burst of
 * REAL frames until the server hung up), had no hook to LOGIN again after its own reconnect, and
 * could race into two connections.
 *
 * <p>Threads: the socket's reader parses each frame, echoes PINGs at once, handles LOGIN/SYSTEM
 * and REG acks, and puts everything else on a bounded queue; one consumer thread drains that
 * queue into the {@link SessionListener}s, so a slow route never delays a PING echo and frame
 * order is kept. A scheduler thread runs connection attempts, the stall watchdog and the REG pacer.
 * All sends of a connection are chained, because the JDK client forbids overlapping sendText.
 *
 * <p>Recovery: at most one connection exists at a time; a lost connection is aborted before the
 * single scheduled attempt that replaces it (exponential back-off with jitter). The token is
 * invalidated and re-fetched when LOGIN is refused for authentication; an eviction (R10001, the
 * app key logged in elsewhere) waits the long eviction back-off instead of fighting the other session.
 */
public final class KiwoomSession {

    private static final Logger LOG = LoggerFactory.getLogger(KiwoomSession.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The group used by {@link #register(Collection, Collection)}. */
    public static final String DEFAULT_GROUP = "1";
    /** A connection logged in for this long counts as healthy: the back-off starts over after it. */
    private static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** LOGIN return codes meaning "token refused" (docs/kiwoom-protocol.md §9.2): 805004 and 3 as observed, the detail codes as the official client checks. */
    private static final Set<String> AUTH_RETURN_CODES = Set.of("805004", "3", "8005", "8031", "8103");
    /** Embedded codes that warrant a fresh token: expired/invalid, wrong environment, token or device auth. */
    private static final Set<String> AUTH_CODES = Set.of("8005", "8031", "8103");
    private static final Pattern EMBEDDED_CODE = Pattern.compile("CODE=(\\d{3,6})|\\[(\\d{3,5}):");
    private static final String RATE_LIMITED = "105110";

    private final KiwoomAccount account;
    private final SessionTokens tokens;
    private final RealtimeProperties settings;
    private final SessionMeters meters;
    private final Registrations registrations;
    private final HttpClient http;
    private final BlockingQueue<Delivery> deliveries;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final long regIntervalNanos;

    private final Object lock = new Object();
    // Guarded by lock.
    private boolean running;
    private Connection current;
    private ScheduledExecutorService scheduler;
    private Thread consumer;
    private int failures;
    private final Deque<String> outbox = new ArrayDeque<>();
    private ScheduledFuture<?> pump;
    private long nextRegNanos = System.nanoTime();

    private volatile SessionStatus status = new SessionStatus(SessionState.DISCONNECTED, Instant.now(), null, Instant.now());
    private volatile long droppedSinceLog;
    /** A LOGIN ack that found the queue full; handed off as soon as the consumer frees a slot. */
    private final AtomicReference<Frame> loginWithoutRoom = new AtomicReference<>();

    public KiwoomSession(KiwoomAccount account, SessionTokens tokens, RealtimeProperties settings, MeterRegistry registry) {
        this.account = account;
        this.tokens = tokens;
        this.settings = settings;
        this.registrations = new Registrations(settings.maxItems(), settings.itemsPerReg());
        this.deliveries = new ArrayBlockingQueue<>(settings.queueCapacity());
        // 10 % under the configured rate, so network jitter cannot squeeze N+1 REGs into one second at the server.
        this.regIntervalNanos = (long) (1_000_000_000L / settings.regPerSecond() * 1.1);
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.meters = new SessionMeters(registry, account.alias(), () -> status.state() == SessionState.LOGGED_IN);
    }

    public KiwoomAccount account() {
        return account;
    }

    public SessionStatus status() {
        return status;
    }

    public SessionState state() {
        return status.state();
    }

    /** Connects and keeps the session up until {@link #stop()}. */
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kiwoom-ws-" + account.alias() + "-timer"));
            consumer = daemon(this::consume, "kiwoom-ws-" + account.alias() + "-consumer");
            consumer.start();
            long tick = Math.max(50, Math.min(1000, settings.stallTimeout().toMillis() / 4));
            scheduler.scheduleWithFixedDelay(this::watch, tick, tick, TimeUnit.MILLISECONDS);
            scheduler.execute(this::connect);
        }
        LOG.info("Kiwoom realtime session '{}' starting against {}", account.alias(), account.wsUrl());
    }

    /** Closes the socket with 1000 and stops reconnecting. */
    public void stop() {
        Connection last;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            last = current;
            current = null;
            outbox.clear();
            pump = null;
            scheduler.shutdownNow();
            consumer.interrupt();
            deliveries.clear();
            setState(SessionState.DISCONNECTED, status.lastErrorCode());
        }
        if (last != null) {
            last.close();
        }
        LOG.info("Kiwoom realtime session '{}' stopped", account.alias());
    }

    /** Adds a listener; frames from now on reach it on the consumer thread. */
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /** Registers every item for every type in {@link #DEFAULT_GROUP}; see {@link #register(String, Collection, Collection)}. */
    public void register(Collection<String> types, Collection<String> items) {
        register(DEFAULT_GROUP, types, items);
    }

    /**
     * Wants every item registered for every type in group {@code group}, now and after every
     * reconnect. REGs go out paced (≤ reg-per-second) with at most items-per-reg items each.
     *
     * @throws RegistrationLimitException if the connection would carry more than max-items items
     */
    public void register(String group, Collection<String> types, Collection<String> items) {
        List<String> messages = registrations.add(group, types, items);
        queue(messages);
    }

    public void unregister(Collection<String> types, Collection<String> items) {
        unregister(DEFAULT_GROUP, types, items);
    }

    /** Stops wanting the pairs and sends REMOVE for those that were registered. */
    public void unregister(String group, Collection<String> types, Collection<String> items) {
        queue(registrations.remove(group, types, items));
    }

    /** Items currently counted against the per-connection cap. */
    public int registeredItems() {
        return registrations.itemCount();
    }

    /**
     * Sends a control frame (CNSRLST, CNSRREQ, CNSRCLR ...) on the logged-in connection; its
     * response reaches the listeners like any frame. Registrations go through {@link #register}.
     * Kiwoom leaves a CNSRREQ unanswered unless CNSRLST came first on the same connection, so a
     * CNSRREQ on a connection without one is preceded by a CNSRLST.
     *
     * @throws IllegalStateException if the session is not logged in
     */
    public CompletableFuture<Void> send(String json) {
        String trnm = trnmOf(json);
        if (Set.of("LOGIN", "REG", "REMOVE", "PING").contains(trnm)) {
            throw new IllegalArgumentException(trnm + " is sent by the session itself; use register/unregister for REG and REMOVE");
        }
        synchronized (lock) {
            Connection c = current;
            if (c == null || !c.loggedIn) {
                throw new IllegalStateException("Kiwoom realtime session '" + account.alias() + "' is not logged in ("
                        + status.state() + "); control frames are re-sent from SessionListener.onLoggedIn");
            }
            if (trnm.equals("CNSRREQ") && !c.conditionsListed) {
                LOG.info("Kiwoom realtime '{}': sending CNSRLST first, as Kiwoom requires before CNSRREQ", account.alias());
                c.send("{\"trnm\":\"CNSRLST\"}");
            }
            c.conditionsListed |= trnm.equals("CNSRLST") || trnm.equals("CNSRREQ");
            return c.send(json);
        }
    }

    // ---- connection management (scheduler thread) ----

    private void connect() {
        Connection c;
        synchronized (lock) {
            if (!running || current != null) {
                return;
            }
            c = new Connection();
            current = c;
            setState(SessionState.CONNECTING, status.lastErrorCode());
        }
        try {
            c.token = tokens.token(account);
        } catch (RuntimeException e) {
            LOG.warn("Kiwoom realtime '{}': no access token ({}); will retry", account.alias(), e.toString());
            lost(c, "token", null);
            return;
        }
        http.newWebSocketBuilder()
                .connectTimeout(settings.connectTimeout())
                .buildAsync(URI.create(account.wsUrl()), c)
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        LOG.warn("Kiwoom realtime '{}': connecting to {} failed: {}", account.alias(), account.wsUrl(),
                                rootMessage(error));
                        lost(c, "connect", null);
                    }
                });
    }

    /**
     * Replaces a lost connection: aborts it and schedules the one next attempt. Only the first
     * report for the current connection acts; late callbacks of old sockets are ignored.
     *
     * @param delay null for the exponential back-off
     */
    private void lost(Connection c, String errorCode, Duration delay) {
        synchronized (lock) {
            if (!running || c != current) {
                return;
            }
            current = null;
            if (delay != null) {
                c.close(); // the server is ending an evicted session anyway; the long back-off leaves time for a clean 1000
            } else {
                c.abort(); // gone at once, so the next attempt never overlaps it
            }
            outbox.clear();
            if (c.loggedInNanos != 0 && System.nanoTime() - c.loggedInNanos >= STABLE_NANOS) {
                failures = 0;
            }
            long wait = delay != null ? delay.toMillis() : backoffMillis();
            setState(delay != null ? SessionState.EVICTED : SessionState.BACKING_OFF, errorCode);
            meters.reconnectScheduled();
            scheduler.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
            LOG.info("Kiwoom realtime '{}': reconnecting in {} ms ({})", account.alias(), wait, errorCode);
        }
    }

    /**
     * Invalidates a refused token on the scheduler thread, not on the socket's reader: the token
     * manager may re-issue right away. It runs before the reconnect, which is scheduled later.
     */
    private void invalidate(String token) {
        synchronized (lock) {
            if (running) {
                scheduler.execute(() -> tokens.invalidate(account, token));
            }
        }
    }

    private long backoffMillis() {
        RealtimeProperties.Reconnect r = settings.reconnect();
        double full = Math.min(r.maxDelay().toMillis(), r.initialDelay().toMillis() * Math.pow(r.multiplier(), failures));
        failures = Math.min(failures + 1, 64);
        return (long) (full / 2 + ThreadLocalRandom.current().nextDouble() * full / 2);
    }

    /** Watchdog: a socket with no frame at all (not even PING) for stall-timeout is dead. */
    private void watch() {
        Connection c;
        synchronized (lock) {
            c = current;
        }
        if (c != null && c.openedNanos != 0
                && System.nanoTime() - c.lastFrameNanos > settings.stallTimeout().toNanos()) {
            LOG.warn("Kiwoom realtime '{}': no frame for {} ms, replacing the socket", account.alias(),
                    settings.stallTimeout().toMillis());
            lost(c, "stalled", null);
        }
    }

    // ---- registrations pacing ----

    private void queue(List<String> messages) {
        if (messages.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (current != null && current.loggedIn) {
                outbox.addAll(messages);
                schedulePump(0);
            }
        }
    }

    /** Holds lock. */
    private void schedulePump(long delayNanos) {
        if (pump == null && running) {
            pump = scheduler.schedule(this::pump, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Sends the next REG/REMOVE when the pacing allows. */
    private void pump() {
        synchronized (lock) {
            pump = null;
            Connection c = current;
            if (c == null || !c.loggedIn || outbox.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (now < nextRegNanos) {
                schedulePump(nextRegNanos - now);
                return;
            }
            String message = outbox.poll();
            c.sendPaced(message);
            nextRegNanos = now + regIntervalNanos;
            if (!outbox.isEmpty()) {
                schedulePump(regIntervalNanos);
            }
        }
    }

    /** A REG/REMOVE ack (reader thread): non-zero codes are logged and metered; 105110 is sent again later. */
    private void acknowledged(Connection c, String trnm, JsonNode frame) {
        String code = text(frame, "return_code");
        synchronized (lock) {
            Deque<String> awaiting = trnm.equals("REG") ? c.awaitingReg : c.awaitingRemove;
            String request = awaiting.poll();
            if (code.isEmpty() || code.equals("0")) {
                return;
            }
            meters.regError(code);
            String message = text(frame, "return_msg");
            if (code.equals(RATE_LIMITED) && request != null && c == current) {
                LOG.warn("Kiwoom realtime '{}': {} refused {} (rate) — resending in 1 s: {}", account.alias(), trnm, code, message);
                outbox.addLast(request);
                nextRegNanos = Math.max(nextRegNanos, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
                schedulePump(nextRegNanos - System.nanoTime());
            } else {
                LOG.error("Kiwoom realtime '{}': {} refused with {}: {}", account.alias(), trnm, code, message);
            }
        }
    }

    // ---- consumer thread ----

    private void consume() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                handOff(deliveries.take());
                Frame login = loginWithoutRoom.getAndSet(null);
                if (login != null) {
                    handOff(new Delivery(login, true)); // a LOGIN signal is never lost
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOff(Delivery d) {
        if (d.login() && status.state() != SessionState.LOGGED_IN) {
            return; // that login is already lost; the next one brings its own signal
        }
        meters.handedOff(d.frame().receivedNanos());
        for (SessionListener listener : listeners) {
            try {
                if (d.login()) {
                    listener.onLoggedIn(this);
                }
                listener.onFrame(d.frame());
            } catch (RuntimeException e) {
                LOG.error("Kiwoom realtime '{}': listener {} failed", account.alias(), listener, e);
            }
        }
    }

    private void deliver(Delivery d) {
        if (!deliveries.offer(d)) {
            meters.dropped();
            if (droppedSinceLog++ % 1000 == 0) {
                LOG.error("Kiwoom realtime '{}': consumer queue full ({}), dropping frames; the route is too slow",
                        account.alias(), settings.queueCapacity());
            }
        }
    }

    // ---- helpers ----

    private void setState(SessionState state, String lastErrorCode) {
        synchronized (lock) {
            Instant now = Instant.now();
            Instant downSince = state == SessionState.LOGGED_IN ? null
                    : status.downSince() != null ? status.downSince() : now;
            status = new SessionStatus(state, now, lastErrorCode, downSince);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    private static String trnmOf(String json) {
        try {
            return text(JSON.readTree(json), "trnm");
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON frame with a trnm: " + e.getMessage());
        }
    }

    /** The bracketed detail code in a Kiwoom message: {@code [CODE=8005, ...]} (WS) or {@code [8005:...]} (REST). */
    static String embeddedCode(String message) {
        Matcher m = EMBEDDED_CODE.matcher(message);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A frame for the listeners; {@code login} marks the successful LOGIN ack, which also calls onLoggedIn. */
    private record Delivery(Frame frame, boolean login) {
    }

    /** One socket and what belongs to it; callbacks from a socket that is no longer current are ignored. */
    private final class Connection implements WebSocket.Listener {

        private String token;
        private WebSocket ws;
        private boolean aborted;
        private volatile long openedNanos;
        private volatile long lastFrameNanos;
        private volatile boolean loggedIn;
        private volatile long loggedInNanos;
        /** Guarded by the session lock: CNSRLST went out on this connection. */
        private boolean conditionsListed;
        private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        // Guarded by the session lock.
        private final Deque<String> awaitingReg = new ArrayDeque<>();
        private final Deque<String> awaitingRemove = new ArrayDeque<>();

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
            openedNanos = now;
            meters.connected();
            setState(SessionState.LOGGING_IN, status.lastErrorCode());
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
            if (isCurrent()) {
                LOG.warn("Kiwoom realtime '{}': server closed the socket ({} {})", account.alias(), code, reason);
            }
            lost(this, "close " + code, null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
            if (isCurrent()) {
                LOG.warn("Kiwoom realtime '{}': socket error: {}", account.alias(), rootMessage(error));
            }
            lost(this, "error", null);
        }

        private void received(String text) {
            long nanos = System.nanoTime();
            lastFrameNanos = nanos;
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (Exception e) {
                LOG.warn("Kiwoom realtime '{}': ignoring a frame that is not JSON ({} chars)", account.alias(), text.length());
                return;
            }
            String trnm = text(frame, "trnm");
            meters.frame(trnm);
            switch (trnm) {
                case "PING" -> send(text); // the identical frame, at once
                case "SYSTEM" -> system(frame, text, nanos);
                case "LOGIN" -> login(frame, text, nanos);
                default -> {
                    if (!loggedIn) {
                        LOG.debug("Kiwoom realtime '{}': skipping {} before the LOGIN ack", account.alias(), trnm);
                        return;
                    }
                    if (trnm.equals("REG") || trnm.equals("REMOVE")) {
                        acknowledged(this, trnm, frame);
                    }
                    deliver(new Delivery(new Frame(trnm, text, Instant.now(), nanos, frame), false));
                }
            }
        }

        private void login(JsonNode frame, String text, long nanos) {
            if (loggedIn || !isCurrent()) {
                return;
            }
            String code = text(frame, "return_code");
            String message = text(frame, "return_msg");
            if (code.isEmpty() || code.equals("0")) {
                int restoring;
                synchronized (lock) {
                    if (current != this) {
                        return;
                    }
                    loggedIn = true;
                    loggedInNanos = System.nanoTime();
                    setState(SessionState.LOGGED_IN, status.lastErrorCode());
                    outbox.clear();
                    outbox.addAll(registrations.restore());
                    restoring = outbox.size();
                    schedulePump(0);
                }
                LOG.info("Kiwoom realtime '{}': logged in; restoring {} registration message(s)", account.alias(), restoring);
                Frame ack = new Frame("LOGIN", text, Instant.now(), nanos, frame);
                if (!deliveries.offer(new Delivery(ack, true))) {
                    loginWithoutRoom.set(ack);
                }
                return;
            }
            String detail = embeddedCode(message);
            boolean auth = AUTH_RETURN_CODES.contains(code) || (detail != null && AUTH_CODES.contains(detail));
            if (auth) {
                LOG.warn("Kiwoom realtime '{}': LOGIN refused ({} / {}): the token is invalidated and a fresh one used",
                        account.alias(), code, detail);
                invalidate(token);
            } else {
                LOG.error("Kiwoom realtime '{}': LOGIN refused with {}: {}", account.alias(), code, message);
            }
            lost(this, detail != null ? detail : code, null);
        }

        private void system(JsonNode frame, String text, long nanos) {
            String code = text(frame, "code");
            if (code.isEmpty()) {
                code = text(frame, "return_code");
            }
            String message = frame.has("message") ? text(frame, "message") : text(frame, "return_msg");
            switch (code) {
                case "R10001" -> {
                    LOG.error("Kiwoom realtime '{}': EVICTED (R10001) — the same app key logged in elsewhere: {}. "
                                    + "Backing off {} instead of taking the session back; stop the other client.",
                            account.alias(), message, settings.evictionBackoff());
                    lost(this, code, settings.evictionBackoff());
                }
                case "R10002", "R10004" -> {
                    LOG.warn("Kiwoom realtime '{}': server ends the session ({}): {}", account.alias(), code, message);
                    lost(this, code, null);
                }
                default -> LOG.info("Kiwoom realtime '{}': SYSTEM {}: {}", account.alias(), code, message);
            }
            if (loggedIn) {
                deliver(new Delivery(new Frame("SYSTEM", text, Instant.now(), nanos, frame), false));
            }
        }

        /** Chains the send after the previous one of this socket. */
        synchronized CompletableFuture<Void> send(String text) {
            WebSocket socket = ws;
            CompletableFuture<Void> next = sends.handle((r, e) -> null)
                    .thenCompose(x -> socket.sendText(text, true))
                    .thenApply(x -> null);
            sends = next;
            return next;
        }

        /** A paced REG/REMOVE: remembered until its ack (acks carry no id, only trnm and order). Holds the session lock. */
        void sendPaced(String message) {
            (trnmOf(message).equals("REG") ? awaitingReg : awaitingRemove).add(message);
            send(message);
        }

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

        private boolean isCurrent() {
            synchronized (lock) {
                return current == this;
            }
        }
    }
}
