package com.kiwoomhub.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.feed.*}: the downstream WebSocket feed of {@code routes/realtime-feed.camel.yaml}.
 *
 * @param clientBuffer records waiting for one client; when full the oldest is dropped (and counted)
 * @param token the token a client must present ({@code ?token=} or {@code Authorization: Bearer}); blank = none
 * @param maxClients connected clients at most; the next is closed with 1013
 * @param maxSymbols distinct symbols one client may subscribe; a request beyond is closed with 1008
 * @param maxFrame largest frame (and message) a client may send; a larger one is closed with 1009
 * @param maxWriteWait how long one write to a client may take while its buffer is full before it is dropped
 */
@ConfigurationProperties("hub.feed")
public record FeedProperties(@DefaultValue("1000") int clientBuffer,
                             String token,
                             @DefaultValue("1000") int maxClients,
                             @DefaultValue("1000") int maxSymbols,
                             @DefaultValue("16KB") DataSize maxFrame,
                             @DefaultValue("5s") Duration maxWriteWait) {

    public FeedProperties {
        atLeastOne("client-buffer", clientBuffer);
        atLeastOne("max-clients", maxClients);
        atLeastOne("max-symbols", maxSymbols);
        if (maxFrame.toBytes() < 1024 || maxFrame.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("hub.feed.max-frame must be between 1KB and 2GB, got " + maxFrame);
        }
        if (maxWriteWait.isNegative() || maxWriteWait.isZero()) {
            throw new IllegalArgumentException("hub.feed.max-write-wait must be positive, got " + maxWriteWait);
        }
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("hub.feed." + name + " must be at least 1, got " + value);
        }
    }

    @Override
    public String toString() {
        return "FeedProperties[clientBuffer=" + clientBuffer + ", token=" + (token == null || token.isBlank() ? "none" : "******")
                + ", maxClients=" + maxClients + ", maxSymbols=" + maxSymbols + ", maxFrame=" + maxFrame
                + ", maxWriteWait=" + maxWriteWait + "]";
    }
}
