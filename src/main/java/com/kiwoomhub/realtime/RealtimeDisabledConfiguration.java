package com.kiwoomhub.realtime;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code kiwoom.realtime.enabled=false}: no session, but the {@code kiwoom-realtime} component
 * still exists with none, so the real-time routes in {@code routes/} load and simply receive nothing
 * ({@code kiwoom-realtime:*} has no session to read) instead of failing the start. Its health check
 * stays, always UP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kiwoom.realtime.enabled", havingValue = "false")
public class RealtimeDisabledConfiguration {

    @Bean
    KiwoomSessions kiwoomSessions() {
        return new KiwoomSessions(List.of());
    }

    @Bean("kiwoom-realtime")
    KiwoomRealtimeComponent kiwoomRealtimeComponent(KiwoomSessions sessions) {
        return new KiwoomRealtimeComponent(sessions);
    }

    /** UP with no session, so the readiness group, which includes it, means the same with real time off. */
    @Bean("kiwoomRealtime")
    KiwoomRealtimeHealthIndicator kiwoomRealtimeHealthIndicator(KiwoomSessions sessions) {
        return new KiwoomRealtimeHealthIndicator(sessions, Duration.ZERO, () -> WatchlistCoverage.NONE);
    }
}
