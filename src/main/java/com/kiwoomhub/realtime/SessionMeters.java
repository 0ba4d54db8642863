package com.kiwoomhub.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The Micrometer meters of one session, tagged with the account alias. */
final class SessionMeters {

    /** trnm values Kiwoom sends; anything else is counted as OTHER to keep the tag bounded. */
    private static final Set<String> KNOWN_TRNM = Set.of("LOGIN", "PING", "SYSTEM", "REG", "REMOVE", "REAL",
            "CNSRLST", "CNSRREQ", "CNSRCLR");

    private final MeterRegistry registry;
    private final String account;
    private final Counter connects;
    private final Counter reconnects;
    private final Counter dropped;
    private final Timer lag;
    private final Map<String, Counter> frames = new ConcurrentHashMap<>();
    private final Map<String, Counter> regErrors = new ConcurrentHashMap<>();

    SessionMeters(MeterRegistry registry, String account, Supplier<Boolean> connected) {
        this.registry = registry;
        this.account = account;
        this.connects = Counter.builder("kiwoom.ws.connects").description("WebSocket connections opened")
                .tag("account", account).register(registry);
        this.reconnects = Counter.builder("kiwoom.ws.reconnects").description("Reconnections scheduled after a loss")
                .tag("account", account).register(registry);
        this.dropped = Counter.builder("kiwoom.ws.frames.dropped")
                .description("Frames dropped because the consumer queue was full").tag("account", account).register(registry);
        this.lag = Timer.builder("kiwoom.ws.lag").description("From frame receipt to hand-off to the listeners (routes)")
                .tag("account", account).register(registry);
        Gauge.builder("kiwoom.ws.connected", () -> connected.get() ? 1 : 0)
                .description("1 while the session is logged in").tag("account", account).register(registry);
    }

    void connected() {
        connects.increment();
    }

    void reconnectScheduled() {
        reconnects.increment();
    }

    void frame(String trnm) {
        String type = KNOWN_TRNM.contains(trnm) ? trnm : "OTHER";
        frames.computeIfAbsent(type, t -> Counter.builder("kiwoom.ws.frames").description("Frames received by trnm")
                .tag("account", account).tag("type", t).register(registry)).increment();
    }

    void dropped() {
        dropped.increment();
    }

    void handedOff(long receivedNanos) {
        lag.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
    }

    void regError(String code) {
        regErrors.computeIfAbsent(code, c -> Counter.builder("kiwoom.ws.reg.errors")
                .description("REG/REMOVE acks with a non-zero return_code").tag("account", account).tag("code", c)
                .register(registry)).increment();
    }
}
