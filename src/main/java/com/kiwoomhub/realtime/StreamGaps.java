package com.kiwoomhub.realtime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import com.kiwoomhub.canonical.StreamStatus;
import com.kiwoomhub.canonical.StreamStatus.Event;
import com.kiwoomhub.canonical.StreamStatus.Reason;

/**
 * Whether a session's stream has a gap now, and its transitions: at most one gap is open at a time, so
 * a loss during a gap (a failed reconnect, an overflow turning into a disconnect) changes nothing, and
 * the next login (or, for an overflow alone, the next queued frame) closes it.
 */
final class StreamGaps {

    private static final ZoneOffset KST = ZoneOffset.ofHours(9);

    private final String account;
    private final Consumer<StreamStatus> transitions;
    // Guarded by this.
    private StreamStatus open;
    /** The last frame of a logged-in socket, across sockets. */
    private Instant lastFrame;

    /** @param transitions receives each GAP_START and GAP_END, in order, under this object's lock */
    StreamGaps(String account, Consumer<StreamStatus> transitions) {
        this.account = account;
        this.transitions = transitions;
    }

    /** The session starts: nothing is received until its first login. */
    synchronized void started() {
        start(Reason.STARTUP);
    }

    /** The session lost its socket; {@code lastFrame} of that socket if it was logged in, else null. */
    synchronized void lost(Reason reason, Instant lastFrameOfSocket) {
        if (lastFrameOfSocket != null) {
            lastFrame = lastFrameOfSocket;
        }
        start(reason);
    }

    /** Logged in with its registrations restored: any open gap ends. */
    synchronized void loggedIn() {
        end(Instant.now());
    }

    /** A frame was dropped; {@code lastQueued} is the receipt of the last frame that was not. */
    synchronized void dropped(Instant lastQueued) {
        if (open == null) {
            if (lastQueued != null) {
                lastFrame = lastQueued;
            }
            start(Reason.QUEUE_OVERFLOW);
        }
    }

    /** After drops, the queue has room again from the frame received at {@code receivedAt}: ends an overflow gap. */
    synchronized void queued(Instant receivedAt) {
        if (open != null && open.reason() == Reason.QUEUE_OVERFLOW) {
            end(receivedAt);
        }
    }

    private void start(Reason reason) {
        if (open == null) {
            open = new StreamStatus(account, Event.GAP_START, kst(lastFrame), null, reason, kst(Instant.now()));
            transitions.accept(open);
        }
    }

    private void end(Instant until) {
        if (open != null) {
            StreamStatus end = new StreamStatus(account, Event.GAP_END, open.since(), kst(until), open.reason(),
                    kst(Instant.now()));
            open = null;
            transitions.accept(end);
        }
    }

    private static OffsetDateTime kst(Instant instant) {
        return instant == null ? null : instant.atOffset(KST);
    }
}
