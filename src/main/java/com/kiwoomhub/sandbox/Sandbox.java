package com.kiwoomhub.sandbox;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.WebSocketSettings;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

/**
 * The built-in Kiwoom sandbox: a simulator of the Kiwoom REST API (and, once a WebSocket handler is
 * plugged in, of its real-time socket) on 127.0.0.1, with a simulated market, accounts and a matching
 * engine behind it.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxSettings.of(Map.of("seed", "7")), clock)) {
 *     sandbox.market().setPreviousClose("005930", 70_000);
 *     sandbox.faults().failNext("ka10081", 1, 503);
 *     // point a client at sandbox.baseUrl() with app key SandboxSettings.DEMO.appKey()
 * }
 * }</pre>
 *
 * <p>The WebSocket side (package {@code sandbox.ws}) plugs in with {@link #webSocketHandler},
 * {@link #realtimeSink} and {@link #realtimeFaults}, and reads the market and tokens through this
 * object as a {@link SandboxMarketView}.
 */
public final class Sandbox implements SandboxMarketView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private final SandboxSettings settings;
    private final Clock clock;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final TokenStore tokens;
    private final FaultPlan faults = new FaultPlan();
    private final RequestJournal requests = new RequestJournal();
    private final MarketSimulator market;
    private final MatchingEngine engine;
    private final Map<String, SandboxAccount> accounts = new LinkedHashMap<>();
    private final SandboxServer server;
    private final RestGateway gateway;
    private final int port;
    private final long timerId;
    private volatile RealtimeSink sink = RealtimeSink.NONE;
    private volatile RealtimeFaults realtimeFaults;

    private Sandbox(SandboxSettings settings, Clock clock, Vertx vertx, boolean ownsVertx) {
        this.settings = settings;
        this.clock = clock;
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.tokens = new TokenStore(clock, settings.tokenLifetime());
        RealtimeOutbox outbox = new RealtimeOutbox(() -> sink);
        MarketHours session = new MarketHours(clock, settings.alwaysOpen());
        this.market = new MarketSimulator(settings.symbols(), settings.seed(), settings.historyDays(), settings.venues(),
                settings.nxtVolumePercent(), session, outbox);
        for (SandboxSettings.Credential credential : settings.credentials()) {
            accounts.put(credential.appKey(),
                    new SandboxAccount(market, credential.appKey(), credential.accountNumber(), settings.initialCash()));
        }
        this.engine = new MatchingEngine(market, outbox, settings, faults, List.copyOf(accounts.values()));
        market.afterChange(() -> {
            engine.matchAll();
            outbox.flush();
        });
        RequestBudget rateLimiter = new RequestBudget(clock, settings::rateLimitFor);
        this.gateway = new RestGateway(tokens, rateLimiter, appKey -> Optional.ofNullable(accounts.get(appKey)),
                new OAuthTr(tokens, settings), new QuoteTr(market), new IndexTr(market),
                new CandleTr(market, settings.minuteBarLabel(), settings.pastHistory()),
                new AccountTr(market, engine, settings), new OrderTr(engine, settings.mock()), outbox, settings.mock());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.server = new SandboxServer(vertx, gateway, faults, requests, clock, settings::rateLimitFor, json,
                authorization -> RestGateway.bearerToken(authorization).flatMap(tokens::appKeyOf));
        server.admin(new SandboxAdmin(this, json));
        realtime(new SandboxWebSocket(vertx, this, webSocketSettings(settings.websocket())));
        this.port = server.listen(settings.port(), settings.alsoListenOn());
        long interval = settings.tickInterval().toMillis();
        this.timerId = interval > 0 ? vertx.setPeriodic(interval, id -> market.tick()) : -1;
        LOG.info("Kiwoom sandbox listening on http://127.0.0.1:{} ({} mode, {} symbols, seed {})", port,
                settings.mock() ? "mock" : "real", settings.symbols().size(), settings.seed());
    }

    /** Starts a sandbox on the system clock with its own Vert.x instance. */
    public static Sandbox start(SandboxSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** Starts a sandbox whose market, tokens and rate limits run on {@code clock}. */
    public static Sandbox start(SandboxSettings settings, Clock clock) {
        Vertx vertx = Vertx.vertx();
        try {
            return new Sandbox(settings, clock, vertx, true);
        } catch (RuntimeException e) {
            // a port already in use must not leave Vert.x threads keeping the JVM alive
            vertx.close();
            throw e;
        }
    }

    /** Starts a sandbox on a shared Vert.x instance, which {@link #close()} leaves running. */
    public static Sandbox start(SandboxSettings settings, Clock clock, Vertx vertx) {
        return new Sandbox(settings, clock, vertx, false);
    }

    /** The server's defaults with the configured timings laid over them. */
    static WebSocketSettings webSocketSettings(SandboxSettings.WebSocket configured) {
        WebSocketSettings defaults = WebSocketSettings.defaults();
        return defaults.withTimings(
                configured.loginTimeout() != null ? configured.loginTimeout() : defaults.loginTimeout(),
                configured.pingInterval() != null ? configured.pingInterval() : defaults.pingInterval(),
                configured.missedPingsBeforeClose() != null ? configured.missedPingsBeforeClose()
                        : defaults.missedPingsBeforeClose());
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, the value for {@code kiwoom.base-url}. */
    public String baseUrl() {
        return baseUrl("127.0.0.1");
    }

    /** {@code ws://127.0.0.1:<port>/api/dostk/websocket}, the value for {@code kiwoom.ws-url}. */
    public String wsUrl() {
        return wsUrl("127.0.0.1");
    }

    /** The base URL at one of the addresses the server listens on (127.0.0.1 or one of {@code also-listen-on}). */
    public String baseUrl(String address) {
        return "http://" + address + ":" + port;
    }

    /** The WebSocket URL at one of the addresses the server listens on. */
    public String wsUrl(String address) {
        return "ws://" + address + ":" + port + SandboxServer.WEBSOCKET_PATH;
    }

    public SandboxSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Vertx vertx() {
        return vertx;
    }

    public MarketSimulator market() {
        return market;
    }

    public FaultPlan faults() {
        return faults;
    }

    /** Every REST request received, for assertions. */
    public RequestJournal requests() {
        return requests;
    }

    /** How many requests the per-(app key, api-id) budget has refused (HTTP 429, 1700); injected faults not counted. */
    public long rateLimitedReplies() {
        return gateway.rateLimited();
    }

    public TokenStore tokens() {
        return tokens;
    }

    /** The account of the first configured key pair. */
    public SandboxAccount account() {
        return accounts.values().iterator().next();
    }

    public SandboxAccount account(String appKey) {
        SandboxAccount account = accounts.get(appKey);
        if (account == null) {
            throw new NoSuchElementException("No sandbox account for that app key");
        }
        return account;
    }

    public List<SandboxAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    /**
     * Generates every symbol's chart history on a worker thread now rather than on the first chart
     * or quote request (about 20 ms per symbol); the values are the same either way. The future completes
     * when every history is there.
     */
    public Future<Void> warmUp() {
        return vertx.executeBlocking(() -> {
            market.codes().forEach(market::history);
            return null;
        }, false);
    }

    /** Moves the market one trade per symbol and lets resting orders fill. */
    public void step() {
        market.step();
    }

    /** Plugs in a WebSocket server that is handler, sink and faults in one (the sandbox.ws server is). */
    public <W extends Handler<ServerWebSocket> & RealtimeSink & RealtimeFaults> Sandbox realtime(W webSocketServer) {
        return webSocketHandler(webSocketServer).realtimeSink(webSocketServer).realtimeFaults(webSocketServer);
    }

    /** Handles WebSocket upgrades on /api/dostk/websocket (rejected with 404 until one is plugged in). */
    public Sandbox webSocketHandler(Handler<ServerWebSocket> handler) {
        server.webSockets(handler);
        return this;
    }

    /** Where 0B/0D market rows and 00/04 account rows go. */
    public Sandbox realtimeSink(RealtimeSink sink) {
        this.sink = sink == null ? RealtimeSink.NONE : sink;
        return this;
    }

    public Sandbox realtimeFaults(RealtimeFaults faults) {
        this.realtimeFaults = faults;
        return this;
    }

    /** The WebSocket side's faults; fails when no WebSocket server is plugged in. */
    public RealtimeFaults realtimeFaults() {
        RealtimeFaults plugged = realtimeFaults;
        if (plugged == null) {
            throw new IllegalStateException("No sandbox WebSocket server is plugged in (Sandbox.realtimeFaults)");
        }
        return plugged;
    }

    @Override
    public Optional<String> appKeyOfToken(String token) {
        return tokens.appKeyOf(token);
    }

    @Override
    public List<String> symbols() {
        return market.codes();
    }

    @Override
    public Optional<Long> price(String code) {
        return market.find(code).map(MarketSimulator.Quote::price);
    }

    @Override
    public Optional<Long> previousClose(String code) {
        return market.find(code).map(MarketSimulator.Quote::previousClose);
    }

    @Override
    public Optional<MarketSimulator.Quote> quote(String code) {
        return market.find(code);
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        server.close();
        if (ownsVertx) {
            vertx.close();
        }
        LOG.info("Kiwoom sandbox on port {} stopped", port);
    }
}
