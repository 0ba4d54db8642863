package com.kiwoomhub.sandbox;

import java.time.Duration;
import java.util.List;

/** Fault injection and introspection on the sandbox WebSocket side, used by tests and the admin endpoint. */
public interface RealtimeFaults {

    /** Closes every open session at once, as a network drop would. */
    void dropAll();

    /**
     * An outage: closes every open session and refuses new WebSocket connections (HTTP 503 on the
     * upgrade) for the duration, so clients stay disconnected while the market goes on.
     */
    void outage(Duration duration);

    /** Stops (true) or resumes (false) the server PINGs: the socket goes silent. */
    void stopPings(boolean stopped);

    /** Ignores (true) or accepts (false) PING echoes, so sessions end with R10002. */
    void ignoreEchoes(boolean ignored);

    /** Sends a raw text frame to every logged-in session. */
    void pushRaw(String json);

    /** Every text frame received from clients, in arrival order. */
    List<String> framesReceived();

    /** Number of WebSocket connections open now. */
    int openConnections();
}
