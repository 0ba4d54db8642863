package com.kiwoomhub.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code kiwoomRealtime} in /actuator/health: DOWN while any session has been out of LOGGED_IN
 * for longer than {@code kiwoom.realtime.down-after} (short reconnects stay UP). Details per
 * account alias: state, since, last error code.
 */
public class KiwoomRealtimeHealthIndicator implements HealthIndicator {

    private final KiwoomSessions sessions;
    private final Duration downAfter;

    public KiwoomRealtimeHealthIndicator(KiwoomSessions sessions, Duration downAfter) {
        this.sessions = sessions;
        this.downAfter = downAfter;
    }

    @Override
    public Health health() {
        Instant limit = Instant.now().minus(downAfter);
        boolean down = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (KiwoomSession session : sessions.all()) {
            SessionStatus s = session.status();
            down |= s.downSince() != null && s.downSince().isBefore(limit);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", s.state());
            detail.put("since", s.since().toString());
            detail.put("lastErrorCode", s.lastErrorCode() == null ? "" : s.lastErrorCode());
            details.put(session.account().alias(), detail);
        }
        return (down ? Health.down() : Health.up()).withDetails(details).build();
    }
}
