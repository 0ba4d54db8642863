package com.kiwoomhub.feed;

import java.util.concurrent.CompletionStage;

/** Writes one text frame to one connected client; completes when the socket took it (or failed). */
@FunctionalInterface
public interface FeedSender {

    CompletionStage<Void> send(String connectionKey, String text);
}
