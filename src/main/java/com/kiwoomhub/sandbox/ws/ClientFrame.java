package com.kiwoomhub.sandbox.ws;

import java.time.Instant;

/**
 * One frame a client sent, as the server's frame journal keeps it: who sent it, not what it said
 * (a LOGIN carries a token).
 *
 * @param connectionId the connection it came on
 * @param reachedAt    the loopback address the client connected to
 * @param appKey       the connection's app key at receipt; null before its LOGIN succeeded
 * @param trnm         the frame's {@code trnm}; empty when it had none or was not JSON
 */
public record ClientFrame(Instant at, String connectionId, String reachedAt, String appKey, String trnm) {
}
