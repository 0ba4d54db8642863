package com.kiwoomhub.realtime;

import java.time.Instant;

/**
 * A snapshot of a session for health and logs.
 *
 * @param lastErrorCode the last Kiwoom code that ended a connection or a LOGIN (e.g. {@code 8005},
 *                      {@code R10001}), or a short reason such as {@code stalled}; null if none yet
 * @param downSince     when the session last left LOGGED_IN (or was created); null while logged in.
 *                      Unlike {@code since} it survives the CONNECTING/BACKING_OFF churn of retries.
 */
public record SessionStatus(SessionState state, Instant since, String lastErrorCode, Instant downSince) {
}
