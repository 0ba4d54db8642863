package com.kiwoomhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.kiwoomhub.sandbox.RequestJournal.ReceivedRequest;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.ws.Eviction;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;

/** What the sandbox saw of several hubs: sessions per app key, registrations, quote calls, the rate limit. */
final class SandboxView {

    private final Sandbox sandbox;
    private final SandboxWebSocket ws;

    SandboxView(Sandbox sandbox, SandboxWebSocket ws) {
        this.sandbox = sandbox;
        this.ws = ws;
    }

    /** Exactly one session per app key (an evicted one may take a while to close: a paused peer does not answer). */
    boolean oneSessionPerKey(Collection<String> appKeys) {
        return appKeys.stream().allMatch(key -> loggedIn(key).size() == 1);
    }

    /** The sessions logged in with the app key and not evicted. */
    List<SessionInfo> loggedIn(String appKey) {
        Set<String> evicted = ws.evictions().stream().map(Eviction::evictedConnectionId).collect(Collectors.toSet());
        return ws.sessions().stream().filter(s -> appKey.equals(s.appKey()) && !evicted.contains(s.connectionId())).toList();
    }

    /** Every real-time registration ({@code type:item}) of every session, whichever session holds it. */
    Set<String> registrations() {
        return ws.sessions().stream().flatMap(s -> s.groups().values().stream()).flatMap(Collection::stream)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The REST calls received since then, except those made at the address {@code not}. */
    List<ReceivedRequest> callsSince(Instant since, String not) {
        return sandbox.requests().all().stream().filter(r -> !r.at().isBefore(since) && !not.equals(r.reachedAt())).toList();
    }

    List<ReceivedRequest> quoteCalls(String symbol, Instant from, Instant to) {
        return sandbox.requests().withApiId("ka10095").stream()
                .filter(r -> inside(r.at(), from, to) && quotes(r, symbol)).toList();
    }

    static boolean quotes(ReceivedRequest request, String symbol) {
        return "ka10095".equals(request.apiId()) && String.valueOf(request.fields().get("stk_cd")).contains(symbol);
    }

    /** 0 × 429/1700 at the sandbox, and no app key above 5 quote calls in any second. */
    void assertWithinKiwoomLimits() {
        assertThat(sandbox.rateLimitedReplies()).as("requests refused with 429/1700").isZero();
        Map<String, List<Instant>> quoteCallsByKey = sandbox.requests().withApiId("ka10095").stream()
                .collect(Collectors.groupingBy(ReceivedRequest::appKey,
                        Collectors.mapping(ReceivedRequest::at, Collectors.toList())));
        quoteCallsByKey.forEach((key, times) -> {
            for (int i = 5; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 5), times.get(i))).as("6 quote calls of one app key")
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        });
    }

    /** {@code from} inclusive, {@code to} exclusive; a null {@code to} is open. */
    static boolean inside(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && (to == null || at.isBefore(to));
    }
}
