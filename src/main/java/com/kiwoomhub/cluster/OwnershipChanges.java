package com.kiwoomhub.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.slf4j.Logger;

import com.kiwoomhub.kiwoom.AccountOwnership.Listener;
import com.kiwoomhub.kiwoom.KiwoomAccount;

/**
 * What an election ({@link KafkaOwnership}, {@link KubernetesOwnership}) tells its listeners: each account
 * owned now against what they were last told, losses before gains, one change set at a time so that they
 * hear them in the order they happened; and how often each account was taken over.
 */
final class OwnershipChanges {

    private final List<KiwoomAccount> accounts;
    /** Who owns, as the log lines name it: "instance 'a'", "pod 'hub-0'". */
    private final String member;
    private final Logger log;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Serialises {@link #settle}. */
    private final Object telling = new Object();

    // Guarded by this.
    private final Set<String> told = new HashSet<>();
    private final Map<String, Integer> takeovers = new HashMap<>();

    OwnershipChanges(List<KiwoomAccount> accounts, String member, Logger log) {
        this.accounts = List.copyOf(accounts);
        this.member = member;
        this.log = log;
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    synchronized int takeovers(String alias) {
        return takeovers.getOrDefault(alias, 0);
    }

    /** Tells the listeners what changed since the last call, with {@code owns} saying what is owned now. */
    void settle(Predicate<String> owns) {
        synchronized (telling) {
            List<String> gained = new ArrayList<>();
            List<String> lost = new ArrayList<>();
            changes(owns, gained, lost);
            lost.forEach(alias -> {
                log.info("Cluster: {} no longer owns account '{}'", member, alias);
                listeners.forEach(l -> l.lost(alias));
            });
            gained.forEach(alias -> {
                log.info("Cluster: {} owns account '{}'", member, alias);
                listeners.forEach(l -> l.gained(alias));
            });
        }
    }

    private synchronized void changes(Predicate<String> owns, List<String> gained, List<String> lost) {
        for (KiwoomAccount a : accounts) {
            String alias = a.alias();
            boolean owned = owns.test(alias);
            if (owned && told.add(alias)) {
                gained.add(alias);
                takeovers.merge(alias, 1, Integer::sum);
            } else if (!owned && told.remove(alias)) {
                lost.add(alias);
            }
        }
    }
}
