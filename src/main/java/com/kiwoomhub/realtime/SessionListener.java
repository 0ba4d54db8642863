package com.kiwoomhub.realtime;

import com.kiwoomhub.canonical.StreamStatus;

/**
 * Receives what a {@link KiwoomSession} hands over. Every call comes from the session's single
 * consumer thread, in the order the frames arrived, so a listener sees each symbol's frames in order.
 */
public interface SessionListener {

    /**
     * A frame other than PING: REAL, REG/REMOVE acks, CNSR* responses, SYSTEM after login, and each
     * successful LOGIN ack (right after {@link #onLoggedIn}), so that a route can react to a new login.
     */
    void onFrame(Frame frame);

    /**
     * The session has just logged in (first time or after a reconnect). Condition-search users
     * re-send CNSRLST and their CNSRREQs here with {@link KiwoomSession#send}; registrations are
     * restored by the session itself.
     */
    default void onLoggedIn(KiwoomSession session) {
    }

    /** Whether {@link #onGap} should be called; a listener that does not want gaps is spared the check. */
    default boolean wantsGaps() {
        return false;
    }

    /**
     * A gap in the session's stream opened (GAP_START) or closed (GAP_END), in order with the frames:
     * GAP_END comes before the LOGIN ack or the frame that ends it. (A GAP_START that found the hand-off
     * queue full may overtake frames queued before it.)
     */
    default void onGap(StreamStatus transition) {
    }
}
