package com.kiwoomhub.kiwoom;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The {@code kiwoom.client.*} settings: HTTP timeouts, retries, rate limits and the token lifecycle. */
@ConfigurationProperties("kiwoom.client")
public record KiwoomClientProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue Retry retry,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Token token) {

    /** Attempts per page (first try included) and the exponential backoff between them. */
    public record Retry(@DefaultValue("3") int maxAttempts,
                        @DefaultValue("200ms") Duration initialBackoff,
                        @DefaultValue("2s") Duration maxBackoff) {
    }

    /**
     * Requests per second per (app key, api-id). {@code perApiId} lowers the limit of single TRs in
     * every environment; {@code perAppKey} (0 = off) caps all TRs of one app key together.
     */
    public record RateLimit(@DefaultValue("5") int real,
                            @DefaultValue("1") int mock,
                            @DefaultValue("5") int sandbox,
                            @DefaultValue("0") int perAppKey,
                            @DefaultValue("50ms") Duration safetyMargin,
                            @DefaultValue Map<String, Integer> perApiId) {

        public int perSecond(KiwoomEnvironment environment, String apiId) {
            int limit = switch (environment) {
                case REAL -> real;
                case MOCK -> mock;
                case SANDBOX -> sandbox;
            };
            Integer own = perApiId == null ? null : perApiId.get(apiId);
            return Math.max(1, own == null ? limit : Math.min(limit, own));
        }
    }

    /** When to re-issue before {@code expires_dt}, how often at most, and whether to revoke on shutdown. */
    public record Token(@DefaultValue("10m") Duration refreshMargin,
                        @DefaultValue("60s") Duration minReissueInterval,
                        @DefaultValue("true") boolean revokeOnShutdown) {
    }
}
