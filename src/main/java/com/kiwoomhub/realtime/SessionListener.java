package com.kiwoomhub.realtime;

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
}
