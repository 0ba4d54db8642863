package com.kiwoomhub.realtime;

/** Where a {@link KiwoomSession} stands. */
public enum SessionState {
    /** Not started, or stopped. */
    DISCONNECTED,
    /** Opening the socket (or fetching the token for it). */
    CONNECTING,
    /** Socket open, LOGIN sent, waiting for the ack. */
    LOGGING_IN,
    /** LOGIN acknowledged: registrations and control frames flow. */
    LOGGED_IN,
    /** Waiting before the next connection attempt. */
    BACKING_OFF,
    /** The app key logged in elsewhere (SYSTEM R10001); waiting the long eviction back-off. */
    EVICTED
}
