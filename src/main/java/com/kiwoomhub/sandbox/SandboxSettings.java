package com.kiwoomhub.sandbox;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code kiwoom.sandbox.*} settings. Defaults live on the components, so {@link #defaults()},
 * {@link #of(Map)} (tests) and {@link #from(ConfigurableEnvironment)} (the startup wiring) agree.
 *
 * @param enabled           false: never start the sandbox, even when no Kiwoom keys are configured
 * @param port              loopback port of the REST + WebSocket server, 0 = a random free port
 * @param seed              seed of the price process and generated history; the same seed gives the same market
 * @param mock              behave as mockapi.kiwoom.com: KRX only, 1 query/s, 모의투자 messages and rejections
 * @param credentials       the accepted app key / secret key pairs and the account each one trades; empty = one demo pair
 * @param tokenLifetime     how long an issued token stays valid (expires_dt)
 * @param rateLimit         requests per second per (app key, api-id); unset = 5, or 1 for queries in mock mode; 0 = unlimited
 * @param alwaysOpen        true: the market trades around the clock; false: KRX sessions by the KST clock
 * @param tickInterval      how often the price process moves on its own; 0 = only when stepped from Java or admin
 * @param symbols           the stock universe; empty = a few dozen real KOSPI/KOSDAQ names
 * @param initialCash       예수금 of every account at start, KRW
 * @param historyDays       trading days of generated daily history before today
 * @param commissionRate    brokerage commission per fill (0.00015 = 0.015 %), truncated to 10 KRW
 * @param sellTaxRate       transaction tax on sells (0.0020 = 0.20 %)
 * @param minuteBarLabel    whether ka10080 {@code cntr_tm} labels a bar by its start or its end (UNCERTAIN in the reference)
 * @param pastHistory       how a tick or minute chart request before the retained trading days is answered: one empty
 *                          row (Kiwoom's reported sentinel, whose exact shape is UNCERTAIN) or an empty list; both cont-yn N
 * @param pushRejections    also push a 00 row with 913=거부 when an order TR is rejected
 * @param restrictedSymbols codes mock mode refuses to trade with RC4007
 * @param nxtVolumePercent  Nextrade beside KRX: each KRX trade comes with an NXT trade of this percentage of its
 *                          size (none when that rounds to 0), and the NXT book holds this percentage of KRX's
 *                          quantities; 0 = nothing trades on NXT
 * @param websocket         timings of the real-time WebSocket; unset values keep the server's defaults
 * @param generatedSymbols  this many generated stocks added to the universe, for large watchlists: codes
 *                          {@code 100000}, {@code 100001} …, named {@code 종목100000} …, 10,000 KRW, KOSPI
 *                          and KOSDAQ alternately, 1,000 thousand listed shares
 * @param orderNumbers      file that keeps the day's last order number per account, so a restart on the same day
 *                          never hands a number out twice; blank = numbers in memory, from 0000001 at every start
 * @param alsoListenOn      further loopback addresses (127.0.0.2 …) the server listens on, at the same port: clients
 *                          given one each are told apart in the request and frame journals ({@code reachedAt})
 */
public record SandboxSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0") int port,
        @DefaultValue("20261122") long seed,
        @DefaultValue("false") boolean mock,
        @DefaultValue List<Credential> credentials,
        @DefaultValue("24h") Duration tokenLifetime,
        Integer rateLimit,
        @DefaultValue("true") boolean alwaysOpen,
        @DefaultValue("1s") Duration tickInterval,
        @DefaultValue List<Instrument> symbols,
        @DefaultValue("100000000") long initialCash,
        @DefaultValue("2000") int historyDays,
        @DefaultValue("0.00015") double commissionRate,
        @DefaultValue("0.0020") double sellTaxRate,
        @DefaultValue("start") MinuteBarLabel minuteBarLabel,
        @DefaultValue("sentinel") PastHistory pastHistory,
        @DefaultValue("true") boolean pushRejections,
        @DefaultValue("252670") List<String> restrictedSymbols,
        @DefaultValue("50") int nxtVolumePercent,
        @DefaultValue WebSocket websocket,
        @DefaultValue("0") int generatedSymbols,
        @DefaultValue("") String orderNumbers,
        @DefaultValue List<String> alsoListenOn) {

    public static final String PREFIX = "kiwoom.sandbox";

    /** The demo key pair used when no credentials are configured. */
    public static final Credential DEMO = new Credential("sandbox-app-key", "sandbox-secret-key", "5012345601");

    /** One accepted key pair and the 10-digit account its token trades. */
    public record Credential(String appKey, String secretKey, String accountNumber) {
        @Override
        public String toString() {
            return "Credential[accountNumber=" + accountNumber + "]";
        }
    }

    /**
     * WebSocket timings under {@code kiwoom.sandbox.websocket}; null = the server's default (PING every
     * 15 s, close after 5 unechoed PINGs, 10 s to LOGIN). Tests shorten them to stay fast.
     */
    public record WebSocket(Duration pingInterval, Integer missedPingsBeforeClose, Duration loginTimeout) {
        public WebSocket {
            if (pingInterval != null && (pingInterval.isNegative() || pingInterval.isZero())) {
                throw new IllegalArgumentException("kiwoom.sandbox.websocket.ping-interval must be positive, got " + pingInterval);
            }
            if (missedPingsBeforeClose != null && missedPingsBeforeClose < 1) {
                throw new IllegalArgumentException("kiwoom.sandbox.websocket.missed-pings-before-close must be at least 1, got "
                        + missedPingsBeforeClose);
            }
            if (loginTimeout != null && (loginTimeout.isNegative() || loginTimeout.isZero())) {
                throw new IllegalArgumentException("kiwoom.sandbox.websocket.login-timeout must be positive, got " + loginTimeout);
            }
        }
    }

    /** Which end of a minute bar {@code cntr_tm} names. */
    public enum MinuteBarLabel { START, END }

    /** The answer to an intraday chart request past the retained days: one row of empty values, or no rows. */
    public enum PastHistory { SENTINEL, EMPTY }

    public SandboxSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("kiwoom.sandbox.port must be 0..65535, got " + port);
        }
        if (nxtVolumePercent < 0) {
            throw new IllegalArgumentException("kiwoom.sandbox.nxt-volume-percent must be at least 0, got " + nxtVolumePercent);
        }
        if (historyDays < 60) {
            throw new IllegalArgumentException("kiwoom.sandbox.history-days must be at least 60, got " + historyDays);
        }
        credentials = credentials == null || credentials.isEmpty() ? List.of(DEMO) : List.copyOf(credentials);
        for (int i = 0; i < credentials.size(); i++) {
            Credential c = credentials.get(i);
            if (blank(c.appKey()) || blank(c.secretKey()) || c.accountNumber() == null || !c.accountNumber().matches("[0-9]{10}")) {
                throw new IllegalArgumentException("kiwoom.sandbox.credentials[" + i + "] needs app-key, secret-key and a "
                        + "10-digit account-number");
            }
            if (credentials.stream().filter(o -> o.appKey().equals(c.appKey())).count() > 1) {
                throw new IllegalArgumentException("kiwoom.sandbox.credentials[" + i + "]: the app key is listed twice");
            }
        }
        symbols = symbols == null || symbols.isEmpty() ? Instrument.DEFAULT_UNIVERSE : List.copyOf(symbols);
        if (generatedSymbols > 0) {
            symbols = java.util.stream.Stream.concat(symbols.stream(), java.util.stream.IntStream.range(0, generatedSymbols)
                    .mapToObj(i -> new Instrument(Integer.toString(100_000 + i), "종목" + (100_000 + i),
                            i % 2 == 0 ? "KOSPI" : "KOSDAQ", 10_000, 1_000, 500))).toList();
        }
        restrictedSymbols = restrictedSymbols == null ? List.of() : List.copyOf(restrictedSymbols);
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(24) : tokenLifetime;
        tickInterval = tickInterval == null ? Duration.ZERO : tickInterval;
        websocket = websocket == null ? new WebSocket(null, null, null) : websocket;
        alsoListenOn = alsoListenOn == null ? List.of() : List.copyOf(alsoListenOn);
        for (String address : alsoListenOn) {
            if (!address.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
                throw new IllegalArgumentException("kiwoom.sandbox.also-listen-on takes loopback addresses (127.x.y.z), got " + address);
            }
        }
    }

    public static SandboxSettings defaults() {
        return of(Map.of());
    }

    /** Settings from relaxed property names under {@code kiwoom.sandbox}, e.g. {@code Map.of("seed", "7", "mock", "true")}. */
    public static SandboxSettings of(Map<String, ?> properties) {
        Map<String, Object> prefixed = new HashMap<>();
        properties.forEach((key, value) -> prefixed.put(PREFIX + "." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate(PREFIX, SandboxSettings.class);
    }

    public static SandboxSettings from(ConfigurableEnvironment environment) {
        return Binder.get(environment).bindOrCreate(PREFIX, SandboxSettings.class);
    }

    /**
     * The venues whose real-time rows the market pushes. Mock mode is KRX only, as mockapi.kiwoom.com
     * is (docs/kiwoom-protocol.md §2.2): REG of an _NX or _AL item is acked like any code and never gets a row.
     */
    public Set<TradingVenue> venues() {
        if (mock) {
            return EnumSet.of(TradingVenue.KRX);
        }
        return nxtVolumePercent == 0 ? EnumSet.of(TradingVenue.KRX, TradingVenue.SOR) : EnumSet.allOf(TradingVenue.class);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Requests per second per (app key, api-id) for a TR; 0 means unlimited. Unset, it is Kiwoom's
     * quoted policy: 5 queries and 5 orders a second, queries 1 a second on mock.
     */
    public int rateLimitFor(String apiId) {
        if (rateLimit != null) {
            return rateLimit;
        }
        return mock && !apiId.startsWith("kt1") ? 1 : 5;
    }
}
