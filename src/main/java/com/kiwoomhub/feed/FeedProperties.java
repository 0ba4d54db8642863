package com.kiwoomhub.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.feed.*}: the downstream WebSocket feed of {@code routes/realtime-feed.camel.yaml}.
 *
 * @param clientBuffer records waiting for one client; when full the oldest is dropped (and counted)
 */
@ConfigurationProperties("hub.feed")
public record FeedProperties(@DefaultValue("1000") int clientBuffer) {

    public FeedProperties {
        if (clientBuffer < 1) {
            throw new IllegalArgumentException("hub.feed.client-buffer must be at least 1, got " + clientBuffer);
        }
    }
}
