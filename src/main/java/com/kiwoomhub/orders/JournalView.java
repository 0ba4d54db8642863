package com.kiwoomhub.orders;

import java.time.Instant;
import java.time.LocalDate;
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
    /** clientOrderId → the offset of its latest state record (one key, one partition: offsets order its states). */
    private final Map<String, Long> stateOffsets = new ConcurrentHashMap<>();
    /** clientOrderId → the time of its latest state record, the entry's last change. */
    private final Map<String, Instant> changedAt = new ConcurrentHashMap<>();
    /** clientOrderId → the attempts of every claim on it (the winner and those that lost), for pruning. */
    private final Map<String, Set<String>> claimAttempts = new ConcurrentHashMap<>();

    /** A claim was read: the first one of a clientOrderId owns it. */
    void claimed(JournalEntry claim) {
        claims.putIfAbsent(claim.clientOrderId(), claim);
        claimAttempts.computeIfAbsent(claim.clientOrderId(), id -> ConcurrentHashMap.newKeySet()).add(claim.attempt());
    }

    /**
     * A state was read or written at {@code at}, at that offset (an entry without a claim owns its clientOrderId
     * itself). A state older than one already known is ignored: a read right after this instance's own write
     * can stop short of it (its transaction's marker is not written yet) and must not move the entry back.
     */
    void changed(JournalEntry state, Instant at, long offset) {
        if (stateOffsets.getOrDefault(state.clientOrderId(), -1L) > offset) {
            return;
        }
        stateOffsets.put(state.clientOrderId(), offset);
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
            stateOffsets.remove(clientOrderId);
            claimAttempts.remove(clientOrderId);
        }
    }

    void clear() {
        claims.clear();
        states.clear();
        changedAt.clear();
        stateOffsets.clear();
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

    /**
     * The one place a Kiwoom order number maps to the request it was given to. Kiwoom numbers orders per
     * account and trading day, so a number is only unique with both.
     */
    Optional<JournalEntry> byBrokerOrderId(String account, LocalDate tradingDate, String brokerOrderId) {
        return entries().stream()
                .filter(e -> brokerOrderId.equals(e.brokerOrderId()) && account.equals(e.account())
                        && tradingDate.equals(e.tradingDate()))
                .findFirst();
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
