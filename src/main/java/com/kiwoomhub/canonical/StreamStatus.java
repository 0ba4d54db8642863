package com.kiwoomhub.canonical;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A gap in an account's real-time stream opening or closing (topic {@code kiwoom.stream-status}, key
 * {@code account}): between {@code since} and {@code until} trades, order books, positions and order
 * executions of that session may be missing.
 *
 * @param account  the account alias whose session it is
 * @param event    GAP_START or GAP_END
 * @param since    the last frame received before the gap, KST; null if not known (a first start)
 * @param until    GAP_END only: when the session was logged in again with its registrations restored
 *                 (QUEUE_OVERFLOW: when a frame was queued again), KST; null on GAP_START
 * @param reason   why the gap opened; a GAP_END repeats the reason of the GAP_START it closes
 * @param time     when the hub noticed the transition, KST
 * @param takeover true when the gap is an ownership change (hub.cluster): the STARTUP pair of an instance that
 *                 gained the account; null (absent) otherwise
 */
public record StreamStatus(String account, Event event, OffsetDateTime since, OffsetDateTime until, Reason reason,
                           OffsetDateTime time, Boolean takeover) implements CanonicalMessage {

    /** The transition. */
    public enum Event { GAP_START, GAP_END }

    /** Why a gap opened. */
    public enum Reason {
        /** The socket closed, failed or could not connect. */
        DISCONNECTED,
        /** No frame at all (not even PING) for the stall timeout. */
        STALLED,
        /** The app key logged in elsewhere (SYSTEM R10001). */
        EVICTED,
        /** LOGIN was refused, or no token could be had. */
        LOGIN_FAILED,
        /** The hand-off queue was full and frames were dropped. */
        QUEUE_OVERFLOW,
        /** The hub started: nothing was received until its first login. */
        STARTUP
    }

    /** A transition that is not an ownership change. */
    public StreamStatus(String account, Event event, OffsetDateTime since, OffsetDateTime until, Reason reason,
                        OffsetDateTime time) {
        this(account, event, since, until, reason, time, null);
    }

    public StreamStatus {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
        if ((event == Event.GAP_END) != (until != null)) {
            throw new IllegalArgumentException("until is set on GAP_END and only there");
        }
        since = KiwoomValues.inKst(since);
        until = KiwoomValues.inKst(until);
        time = KiwoomValues.inKst(time);
        takeover = Boolean.TRUE.equals(takeover) ? Boolean.TRUE : null;
    }

    /** The same transition with {@code since} known. */
    public StreamStatus withSince(OffsetDateTime lastFrame) {
        return new StreamStatus(account, event, lastFrame, until, reason, time, takeover);
    }

    /** The same transition marked as an ownership change. */
    public StreamStatus asTakeover() {
        return new StreamStatus(account, event, since, until, reason, time, true);
    }

    @Override
    public MessageType messageType() {
        return MessageType.STREAM_STATUS;
    }

    @Override
    public String topicKey() {
        return account;
    }

    /** account, event, reason, time. */
    @Override
    public List<Object> identity() {
        return List.of(account, event, reason, time);
    }
}
