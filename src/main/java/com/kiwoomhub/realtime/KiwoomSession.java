package com.kiwoomhub.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.canonical.StreamStatus;
import com.kiwoomhub.kiwoom.AccountOwnership;
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
 * <p>Parts, each guarding its own state: {@link KiwoomSocket} is one connection (LOGIN, PING echo,
 * SYSTEM, chained sends); {@link FrameHandOff} moves frames from the socket's reader to the
 * {@link SessionListener}s on one consumer thread through a bounded queue, so a slow route never
 * delays a PING echo and frame order is kept; {@link RegistrationPump} paces REG/REMOVE and matches
 * their acks; {@link ReconnectBackoff} says how long to wait before the next attempt. This class
 * owns the current socket, the state and the scheduler thread (connection attempts, the stall
 * watchdog, the REG pacer); every state change passes through {@link #setState}.
 *
 * <p>Recovery: at most one connection exists at a time; a lost connection is aborted before the
 * single scheduled attempt that replaces it (exponential back-off with jitter). The token is
 * invalidated and re-fetched when LOGIN is refused for authentication; an eviction (R10001, the
 * app key logged in elsewhere) waits the long eviction back-off instead of fighting the other session.
 *
 * <p>Gaps: {@link StreamGaps} turns the start, each loss (with its reason) and each login into
 * GAP_START / GAP_END transitions, which reach {@link SessionListener#onGap} through the hand-off.
 */
public final class KiwoomSession {

    private static final Logger LOG = LoggerFactory.getLogger(KiwoomSession.class);

    /** The group used by {@link #register(Collection, Collection)}. */
    public static final String DEFAULT_GROUP = "1";
    /** LOGIN return codes meaning "token refused" (docs/kiwoom-protocol.md §9.2): 805004 and 3 as observed, the detail codes as the official client checks. */
    private static final Set<String> AUTH_RETURN_CODES = Set.of("805004", "3", "8005", "8031", "8103");
    /** Embedded codes that warrant a fresh token: expired/invalid, wrong environment, token or device auth. */
    private static final Set<String> AUTH_CODES = Set.of("8005", "8031", "8103");
    private static final Pattern EMBEDDED_CODE = Pattern.compile("CODE=(\\d{3,6})|\\[(\\d{3,5}):");

    private final KiwoomAccount account;
    private final SessionTokens tokens;
    private final RealtimeProperties settings;
    private final SessionMeters meters;
    private final ReconnectBackoff backoff;
    private final Registrations registrations;
    private final HttpClient http;
    private final FrameHandOff handOff;
    private final RegistrationPump registrationPump;
    private final StreamGaps gaps;
    private final AccountOwnership ownership;

    private final SocketEvents events = new SocketEvents();

    private final Object lock = new Object();
    // Guarded by lock.
    private boolean running;
    private KiwoomSocket current;
    private ScheduledExecutorService scheduler;

    private volatile SessionStatus status = new SessionStatus(SessionState.DISCONNECTED, Instant.now(), null, Instant.now());

    public KiwoomSession(KiwoomAccount account, SessionTokens tokens, RealtimeProperties settings, MeterRegistry registry) {
        this(account, tokens, settings, registry, AccountOwnership.ALL);
    }

    /** A session that connects (token, LOGIN) only while {@code ownership} says the account is this instance's. */
    public KiwoomSession(KiwoomAccount account, SessionTokens tokens, RealtimeProperties settings, MeterRegistry registry,
                         AccountOwnership ownership) {
        this.account = account;
        this.ownership = ownership;
        this.tokens = tokens;
        this.settings = settings;
        this.registrations = new Registrations(settings.maxItems(), settings.itemsPerReg());
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.backoff = new ReconnectBackoff(settings.reconnect());
        this.meters = new SessionMeters(registry, account.alias(), () -> status.state() == SessionState.LOGGED_IN);
        this.registrationPump = new RegistrationPump(account.alias(), settings.regPerSecond(), meters);
        this.handOff = new FrameHandOff(account.alias(), settings.queueCapacity(), meters, this,
                () -> status.state() == SessionState.LOGGED_IN);
        this.gaps = new StreamGaps(account.alias(), this::handOffGap);
        handOff.reportGapsTo(gaps);
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
            handOff.start();
            gaps.started();
            registrationPump.start(scheduler);
            long tick = Math.max(50, Math.min(1000, settings.stallTimeout().toMillis() / 4));
            scheduler.scheduleWithFixedDelay(this::watch, tick, tick, TimeUnit.MILLISECONDS);
            scheduler.execute(this::connect);
        }
        LOG.info("Kiwoom realtime session '{}' starting against {}", account.alias(), account.wsUrl());
    }

    /** Closes the socket with 1000 and stops reconnecting. */
    public void stop() {
        KiwoomSocket last;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            last = current;
            current = null;
            registrationPump.stop();
            scheduler.shutdownNow();
            handOff.stop();
            setState(SessionState.DISCONNECTED, status.lastErrorCode());
        }
        if (last != null) {
            last.close();
        }
        LOG.info("Kiwoom realtime session '{}' stopped", account.alias());
    }

    /** Adds a listener; frames from now on reach it on the consumer thread. */
    public void addListener(SessionListener listener) {
        handOff.addListener(listener);
    }

    public void removeListener(SessionListener listener) {
        handOff.removeListener(listener);
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
        registrationPump.queue(messages);
    }

    public void unregister(Collection<String> types, Collection<String> items) {
        unregister(DEFAULT_GROUP, types, items);
    }

    /** Stops wanting the pairs and sends REMOVE for those that were registered. */
    public void unregister(String group, Collection<String> types, Collection<String> items) {
        registrationPump.queue(registrations.remove(group, types, items));
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
        String trnm = Frame.trnmOf(json);
        if (Set.of("LOGIN", "REG", "REMOVE", "PING").contains(trnm)) {
            throw new IllegalArgumentException(trnm + " is sent by the session itself; use register/unregister for REG and REMOVE");
        }
        synchronized (lock) {
            KiwoomSocket c = current;
            if (c == null || !c.isLoggedIn()) {
                throw new IllegalStateException("Kiwoom realtime session '" + account.alias() + "' is not logged in ("
                        + status.state() + "); control frames are re-sent from SessionListener.onLoggedIn");
            }
            return c.sendControl(trnm, json);
        }
    }

    // ---- connection management (scheduler thread) ----

    private void connect() {
        KiwoomSocket c;
        synchronized (lock) {
            if (!running || current != null) {
                return;
            }
            if (!ownership.owns(account.alias())) {
                // Fenced: the lease may have lapsed; the session is stopped on the loss, or connects once owned again.
                scheduler.schedule(this::connect, 1, TimeUnit.SECONDS);
                return;
            }
            c = new KiwoomSocket(account.alias(), settings.evictionBackoff(), meters, handOff, registrationPump, events);
            current = c;
            setState(SessionState.CONNECTING, status.lastErrorCode());
        }
        String token;
        try {
            token = tokens.token(account);
        } catch (RuntimeException e) {
            LOG.warn("Kiwoom realtime '{}': no access token ({}); will retry", account.alias(), e.toString());
            lost(c, "token", null, StreamStatus.Reason.LOGIN_FAILED);
            return;
        }
        c.open(http, URI.create(account.wsUrl()), settings.connectTimeout(), token)
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        LOG.warn("Kiwoom realtime '{}': connecting to {} failed: {}", account.alias(), account.wsUrl(),
                                rootMessage(error));
                        lost(c, "connect", null, StreamStatus.Reason.DISCONNECTED);
                    }
                });
    }

    /**
     * Replaces a lost connection: aborts it and schedules the one next attempt. Only the first
     * report for the current connection acts; late callbacks of old sockets are ignored.
     *
     * @param delay null for the exponential back-off
     * @param reason what opens the gap, if none is open yet
     */
    private void lost(KiwoomSocket c, String errorCode, Duration delay, StreamStatus.Reason reason) {
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
            registrationPump.close(c);
            gaps.lost(reason, c.isLoggedIn() ? c.lastFrameAt() : null);
            backoff.connectionEnded(c.loggedInNanos(), System.nanoTime());
            long wait = delay != null ? delay.toMillis() : backoff.nextDelayMillis();
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

    /** Watchdog: a socket with no frame at all (not even PING) for stall-timeout is dead. */
    private void watch() {
        KiwoomSocket c;
        synchronized (lock) {
            c = current;
        }
        if (c != null && c.silentFor(settings.stallTimeout(), System.nanoTime())) {
            LOG.warn("Kiwoom realtime '{}': no frame for {} ms, replacing the socket", account.alias(),
                    settings.stallTimeout().toMillis());
            lost(c, "stalled", null, StreamStatus.Reason.STALLED);
        }
    }

    // ---- helpers ----

    private void handOffGap(StreamStatus transition) {
        handOff.offerGap(transition);
    }

    /** The one place where the session's state changes. */
    private void setState(SessionState state, String lastErrorCode) {
        synchronized (lock) {
            Instant now = Instant.now();
            Instant downSince = state == SessionState.LOGGED_IN ? null
                    : status.downSince() != null ? status.downSince() : now;
            status = new SessionStatus(state, now, lastErrorCode, downSince);
        }
    }

    /** The bracketed detail code in a Kiwoom message: {@code [CODE=8005, ...]} (WS) or {@code [8005:...]} (REST). */
    static String embeddedCode(String message) {
        Matcher m = EMBEDDED_CODE.matcher(message);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    static String rootMessage(Throwable t) {
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

    /** The session's side of its sockets; a socket that is no longer current changes nothing. */
    private final class SocketEvents implements KiwoomSocket.Owner {

        @Override
        public boolean isCurrent(KiwoomSocket socket) {
            synchronized (lock) {
                return current == socket;
            }
        }

        @Override
        public void loggingIn(KiwoomSocket socket) {
            setState(SessionState.LOGGING_IN, status.lastErrorCode());
        }

        @Override
        public boolean loggedIn(KiwoomSocket socket) {
            int restoring;
            synchronized (lock) {
                if (current != socket) {
                    return false;
                }
                socket.markLoggedIn();
                setState(SessionState.LOGGED_IN, status.lastErrorCode());
                List<String> restore = registrations.restore();
                registrationPump.open(socket, restore);
                gaps.loggedIn();
                restoring = restore.size();
            }
            LOG.info("Kiwoom realtime '{}': logged in; restoring {} registration message(s)", account.alias(), restoring);
            return true;
        }

        @Override
        public void loginRefused(KiwoomSocket socket, String token, String code, String message) {
            String detail = embeddedCode(message);
            boolean auth = AUTH_RETURN_CODES.contains(code) || (detail != null && AUTH_CODES.contains(detail));
            if (auth) {
                LOG.warn("Kiwoom realtime '{}': LOGIN refused ({} / {}): the token is invalidated and a fresh one used",
                        account.alias(), code, detail);
                invalidate(token);
            } else {
                LOG.error("Kiwoom realtime '{}': LOGIN refused with {}: {}", account.alias(), code, message);
            }
            KiwoomSession.this.lost(socket, detail != null ? detail : code, null, StreamStatus.Reason.LOGIN_FAILED);
        }

        @Override
        public void lost(KiwoomSocket socket, String reason, Duration delay) {
            KiwoomSession.this.lost(socket, reason, delay,
                    delay != null ? StreamStatus.Reason.EVICTED : StreamStatus.Reason.DISCONNECTED);
        }
    }
}
