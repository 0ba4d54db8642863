package com.kiwoomhub.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code kiwoomRealtime} in /actuator/health: DOWN while any session has been out of LOGGED_IN
 * for longer than {@code kiwoom.realtime.down-after} (short reconnects stay UP). Details per
 * account alias: state, since, last error code; under {@code watchlist}, how much of the configured
 * real-time subscriptions fits the accounts' item slots (a shortfall is reported, not DOWN). The
 * session of an account another instance owns (hub.cluster) is {@code standby}, never DOWN.
 */
public class KiwoomRealtimeHealthIndicator implements HealthIndicator {

    private final KiwoomSessions sessions;
    private final Duration downAfter;
    private final Supplier<WatchlistCoverage> coverage;

    public KiwoomRealtimeHealthIndicator(KiwoomSessions sessions, Duration downAfter,
                                         Supplier<WatchlistCoverage> coverage) {
        this.sessions = sessions;
        this.downAfter = downAfter;
        this.coverage = coverage;
    }

    @Override
    public Health health() {
        Instant limit = Instant.now().minus(downAfter);
        boolean down = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (KiwoomSession session : sessions.all()) {
            SessionStatus s = session.status();
            if (!sessions.owned(session.account().alias())) {
                details.put(session.account().alias(), Map.of("state", "STANDBY"));
                continue;
            }
            down |= s.downSince() != null && s.downSince().isBefore(limit);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", s.state());
            detail.put("since", s.since().toString());
            detail.put("lastErrorCode", s.lastErrorCode() == null ? "" : s.lastErrorCode());
            details.put(session.account().alias(), detail);
        }
        details.put("watchlist", coverage.get().details());
        return (down ? Health.down() : Health.up()).withDetails(details).build();
    }
}
