package com.kiwoomhub.kiwoom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A client wired as the application wires it, against a {@link KiwoomStub}, with test-sized timings. */
final class ClientFixture implements AutoCloseable {

    static final String APP_KEY = "APPKEY-NoPrint-12";
    static final String SECRET = "SECRET-NoPrint-56";

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final KiwoomStub stub;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T00:00:00Z"));
    final KiwoomClientProperties properties;
    final KiwoomAccounts accounts;
    final TokenManager tokens;
    final RateLimiter limiter;
    final KiwoomClient client;

    ClientFixture(KiwoomStub stub) {
        this(stub, properties(Duration.ofSeconds(5), 3, Map.of(), 0));
    }

    ClientFixture(KiwoomStub stub, KiwoomClientProperties properties) {
        this.stub = stub;
        this.properties = properties;
        this.accounts = new KiwoomAccounts(new KiwoomProperties(APP_KEY, SECRET, null, false, stub.baseUrl(), null,
                "default", List.of(), null, List.of(), new KiwoomProperties.Sandbox(false)));
        KiwoomHttp http = new KiwoomHttp(properties.connectTimeout(), properties.requestTimeout());
        this.tokens = new TokenManager(http, properties.token(), clock, meters);
        this.limiter = new RateLimiter(properties.rateLimit(), meters);
        this.client = new KiwoomClient(accounts, tokens, limiter, http, properties.retry(), meters);
    }

    static KiwoomClientProperties properties(Duration requestTimeout, int maxAttempts, Map<String, Integer> perApiId,
                                             int perAppKey) {
        return new KiwoomClientProperties(Duration.ofSeconds(2), requestTimeout,
                new KiwoomClientProperties.Retry(maxAttempts, Duration.ofMillis(50), Duration.ofMillis(400)),
                new KiwoomClientProperties.RateLimit(5, 1, 5, perAppKey, Duration.ofMillis(50), perApiId),
                new KiwoomClientProperties.Token(Duration.ofMinutes(10), Duration.ofSeconds(60), true));
    }

    KiwoomAccount account() {
        return accounts.primary();
    }

    @Override
    public void close() {
        stub.close();
    }
}
