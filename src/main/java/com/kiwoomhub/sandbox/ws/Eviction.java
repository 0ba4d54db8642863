package com.kiwoomhub.sandbox.ws;

import java.time.Instant;

/**
 * A session ended with SYSTEM R10001 because the same app key logged in on another connection.
 *
 * @param evictedReachedAt the loopback address the evicted client had connected to
 * @param byReachedAt      that of the connection whose LOGIN replaced it
 */
public record Eviction(Instant at, String appKey, String evictedConnectionId, String evictedReachedAt,
                       String byConnectionId, String byReachedAt) {
}
