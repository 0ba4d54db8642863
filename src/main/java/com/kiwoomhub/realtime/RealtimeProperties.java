package com.kiwoomhub.realtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code kiwoom.realtime.*} settings: how the WebSocket sessions connect, recover and pace
 * registrations. Defaults follow the limits measured against Kiwoom (docs/kiwoom-protocol.md §9, §8).
 * {@code shared-subscriptions}: true spreads the real-time items over the sessions of every configured
 * account (200 each); false keeps them all on the primary (first) account's session.
 */
@ConfigurationProperties("kiwoom.realtime")
public record RealtimeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue Reconnect reconnect,
        @DefaultValue("60s") Duration stallTimeout,
        @DefaultValue("5m") Duration evictionBackoff,
        @DefaultValue("4") double regPerSecond,
        @DefaultValue("100") int itemsPerReg,
        @DefaultValue("200") int maxItems,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("60s") Duration downAfter,
        @DefaultValue("true") boolean sharedSubscriptions) {

    /** Exponential back-off between connection attempts; each delay is drawn from [delay/2, delay]. */
    public record Reconnect(@DefaultValue("250ms") Duration initialDelay,
                            @DefaultValue("30s") Duration maxDelay,
                            @DefaultValue("2.0") double multiplier) {
    }

    public RealtimeProperties {
        if (regPerSecond <= 0 || itemsPerReg < 1 || maxItems < 1 || queueCapacity < 1 || reconnect.multiplier() < 1) {
            throw new IllegalArgumentException("kiwoom.realtime: reg-per-second, items-per-reg, max-items and "
                    + "queue-capacity must be positive and reconnect.multiplier at least 1");
        }
        // An evicted socket is closed gracefully (up to 500 ms); the next one must not overlap it.
        if (evictionBackoff.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("kiwoom.realtime.eviction-backoff must be at least 1s, got " + evictionBackoff);
        }
    }
}
