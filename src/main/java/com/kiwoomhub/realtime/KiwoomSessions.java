package com.kiwoomhub.realtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.SmartLifecycle;

/**
 * The real-time sessions of the hub, one per configured account, by alias. Started with the
 * application context and stopped (socket closed with 1000) before it goes down.
 */
public class KiwoomSessions implements SmartLifecycle {

    private final Map<String, KiwoomSession> byAlias = new LinkedHashMap<>();
    private volatile boolean running;

    public KiwoomSessions(List<KiwoomSession> sessions) {
        sessions.forEach(s -> byAlias.put(s.account().alias(), s));
    }

    public Optional<KiwoomSession> find(String alias) {
        return Optional.ofNullable(byAlias.get(alias));
    }

    public List<KiwoomSession> all() {
        return List.copyOf(byAlias.values());
    }

    @Override
    public void start() {
        byAlias.values().forEach(KiwoomSession::start);
        running = true;
    }

    @Override
    public void stop() {
        byAlias.values().forEach(KiwoomSession::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
