package com.kiwoomhub.realtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.SmartLifecycle;

import com.kiwoomhub.kiwoom.AccountOwnership;

/**
 * The real-time sessions of the hub, one per configured account, by alias. Started with the
 * application context and stopped (socket closed with 1000) before it goes down. With several
 * instances (hub.cluster) only the sessions of owned accounts run: a session starts when its
 * account is gained and stops when it is lost; a standby session keeps its registrations and
 * restores them at its first LOGIN.
 */
public class KiwoomSessions implements SmartLifecycle, AccountOwnership.Listener {

    private final Map<String, KiwoomSession> byAlias = new LinkedHashMap<>();
    private final AccountOwnership ownership;
    private volatile boolean running;

    public KiwoomSessions(List<KiwoomSession> sessions) {
        this(sessions, AccountOwnership.ALL);
    }

    public KiwoomSessions(List<KiwoomSession> sessions, AccountOwnership ownership) {
        sessions.forEach(s -> byAlias.put(s.account().alias(), s));
        this.ownership = ownership;
        ownership.addListener(this);
    }

    /** False for the session of an account another instance owns. */
    public boolean owned(String alias) {
        return ownership.owns(alias);
    }

    public Optional<KiwoomSession> find(String alias) {
        return Optional.ofNullable(byAlias.get(alias));
    }

    public List<KiwoomSession> all() {
        return List.copyOf(byAlias.values());
    }

    @Override
    public synchronized void start() {
        running = true;
        byAlias.values().stream().filter(s -> ownership.owns(s.account().alias())).forEach(KiwoomSession::start);
    }

    @Override
    public synchronized void gained(String alias) {
        if (running) {
            find(alias).ifPresent(KiwoomSession::start);
        }
    }

    @Override
    public void lost(String alias) {
        find(alias).ifPresent(KiwoomSession::stop);
    }

    @Override
    public synchronized void stop() {
        byAlias.values().forEach(KiwoomSession::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
