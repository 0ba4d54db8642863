package com.kiwoomhub.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order journal as this instance has read it, in memory: per clientOrderId the winning claim (the
 * lowest offset), the latest state of that attempt and when it last changed. Knows nothing of Kafka;
 * {@link OrderJournal} feeds it what it reads and writes.
 */
final class JournalView {

    /** clientOrderId → the winning claim (lowest offset). */
    private final Map<String, JournalEntry> claims = new ConcurrentHashMap<>();
    /** clientOrderId → the latest state record of the winning attempt. */
    private final Map<String, JournalEntry> states = new ConcurrentHashMap<>();
    /** clientOrderId → the time of its latest state record, the entry's last change. */
    private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();
    /** clientOrderId → the attempts of every claim on it (the winner and those that lost), for pruning. */
    private final Map<String, Set<String>> claimAttempts = new ConcurrentHashMap<>();

    /** A claim was read: the first one of a clientOrderId owns it. */
    void claimed(JournalEntry claim) {
        claims.putIfAbsent(claim.clientOrderId(), claim);
        claimAttempts.computeIfAbsent(claim.clientOrderId(), id -> ConcurrentHashMap.newKeySet()).add(claim.attempt());
    }

    /** A state was read or written at {@code at} (an entry without a claim owns its clientOrderId itself). */
    void changed(JournalEntry state, Instant at) {
        claims.putIfAbsent(state.clientOrderId(), state);
        states.put(state.clientOrderId(), state);
        changedAt.put(state.clientOrderId(), at);
    }

    /** Drops an entry, unless the clientOrderId already belongs to a later attempt. */
    void forget(String clientOrderId, String attempt) {
        JournalEntry winner = claims.get(clientOrderId);
        if (winner != null && winner.attempt().equals(attempt)) {
            claims.remove(clientOrderId);
            states.remove(clientOrderId);
            changedAt.remove(clientOrderId);
            claimAttempts.remove(clientOrderId);
        }
    }

    void clear() {
        claims.clear();
        states.clear();
        changedAt.clear();
        claimAttempts.clear();
    }

    int size() {
        return claims.size();
    }

    Optional<JournalEntry> find(String clientOrderId) {
        JournalEntry claim = claims.get(clientOrderId);
        if (claim == null) {
            return Optional.empty();
        }
        JournalEntry state = states.get(clientOrderId);
        return Optional.of(state != null && state.attempt().equals(claim.attempt()) ? state : claim);
    }

    /** Whether this claim is the one that owns its clientOrderId. */
    boolean owns(JournalEntry claim) {
        JournalEntry winner = claims.get(claim.clientOrderId());
        return winner != null && winner.attempt().equals(claim.attempt());
    }

    List<JournalEntry> entries() {
        List<JournalEntry> all = new ArrayList<>();
        for (String id : claims.keySet()) {
            find(id).ifPresent(all::add);
        }
        return all;
    }

    /** The one place a Kiwoom order number maps to the request it was given to. */
    Optional<JournalEntry> byBrokerOrderId(String brokerOrderId) {
        return entries().stream().filter(e -> brokerOrderId.equals(e.brokerOrderId())).findFirst();
    }

    /** Decided entries (ACCEPTED, REJECTED) whose last change is before the time. */
    List<JournalEntry> decidedBefore(Instant changedBefore) {
        return entries().stream()
                .filter(e -> e.decided() && changedAt.getOrDefault(e.clientOrderId(), Instant.MAX).isBefore(changedBefore))
                .toList();
    }

    /** The attempts of every claim on the clientOrderId. */
    Set<String> claimAttempts(String clientOrderId) {
        return claimAttempts.getOrDefault(clientOrderId, Set.of());
    }
}
