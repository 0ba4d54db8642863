package com.kiwoomhub.sandbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Kiwoom's per-(app key, api-id) request budget as a token bucket: {@code perSecond} requests may
 * come at once, then one more every 1/perSecond s. Time comes from the sandbox clock, so a test with
 * a fixed clock gets an exact, repeatable budget.
 */
final class RateLimiter {

    private record Bucket(double tokens, long atMillis) {
    }

    private final Clock clock;
    private final int perSecond;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RateLimiter(Clock clock, int perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
    }

    int perSecond() {
        return perSecond;
    }

    /** Takes one request from the bucket of (app key, api-id); false when it is empty. */
    synchronized boolean tryAcquire(String appKey, String apiId) {
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
