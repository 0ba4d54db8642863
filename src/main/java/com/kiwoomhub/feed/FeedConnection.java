package com.kiwoomhub.feed;

import java.util.concurrent.CompletionStage;

/** The socket of one feed client. */
interface FeedConnection {

    /** Writes one text frame; completes when the socket took it, exceptionally when it failed. */
    CompletionStage<Void> write(String text);

    /** Closes the connection with a WebSocket close code and a reason the client sees. */
    void close(short code, String reason);
}
