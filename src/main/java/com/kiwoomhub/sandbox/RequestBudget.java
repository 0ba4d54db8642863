package com.kiwoomhub.sandbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Kiwoom's per-(app key, api-id) request budget as a token bucket: a TR's per-second limit of
 * requests may come at once, then one more every 1/limit s. Time comes from the sandbox clock, so a test with
 * a fixed clock gets an exact, repeatable budget.
 */
final class RequestBudget {

    private record Bucket(double tokens, long atMillis) {
    }

    private final Clock clock;
    private final ToIntFunction<String> limitOfApiId;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RequestBudget(Clock clock, ToIntFunction<String> limitOfApiId) {
        this.clock = clock;
        this.limitOfApiId = limitOfApiId;
    }

    /** Requests per second allowed for a TR (the 유량 of the 1700 message); 0 = unlimited. */
    int perSecond(String apiId) {
        return limitOfApiId.applyAsInt(apiId);
    }

    /** Takes one request from the bucket of (app key, api-id); false when it is empty. */
    synchronized boolean tryAcquire(String appKey, String apiId) {
        int perSecond = perSecond(apiId);
        if (perSecond <= 0) {
            return true;
        }
        long now = clock.millis();
        String key = appKey + "\u0000" + apiId;
        Bucket bucket = buckets.getOrDefault(key, new Bucket(perSecond, now));
        double tokens = Math.min(perSecond, bucket.tokens() + (now - bucket.atMillis()) * perSecond / 1000.0);
        if (tokens < 1) {
            buckets.put(key, new Bucket(tokens, now));
            return false;
        }
        buckets.put(key, new Bucket(tokens - 1, now));
        return true;
    }
}
