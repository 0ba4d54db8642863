package com.kiwoomhub.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyShort;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.kiwoomhub.topics.TopicNames;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.ServerWebSocket;

/** Who the feed admits: at most max-clients, and a request that came before its OPEN is answered after it. */
class FeedAdmissionTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DownstreamFeed feed = new DownstreamFeed(
            new FeedProperties(10, null, 2, 10, DataSize.ofKilobytes(16), Duration.ofSeconds(5)), meters,
            new TopicNames("q", "c", "a", "t", "o", "ms", "i", "m", "e", "p", "s", "cs", "sr", "dl", "or", "oe", "oj",
                    "sub", "cp", "ho"));

    @Test
    void theClientPastTheLimitIsClosedWith1013() {
        ServerWebSocket first = socket();
        ServerWebSocket second = socket();
        ServerWebSocket third = socket();
        feed.onClientEvent(event("k1", VertxWebsocketEvent.OPEN, first));
        feed.onClientEvent(event("k2", VertxWebsocketEvent.OPEN, second));
        feed.onClientEvent(event("k3", VertxWebsocketEvent.OPEN, third));

        assertThat(feed.clientCount()).isEqualTo(2);
        verify(third).close((short) 1013, "feed full: at most 2 clients");
        verify(first, never()).close(anyShort(), anyString());
        assertThat(meters.counter("hub.feed.refused", "reason", "clients").count()).isEqualTo(1);

        feed.onClientEvent(event("k1", VertxWebsocketEvent.CLOSE, null));
        feed.onClientEvent(event("k4", VertxWebsocketEvent.OPEN, socket()));
        assertThat(feed.clientCount()).isEqualTo(2);
    }

    @Test
    void aRequestBeforeItsOpenIsAnsweredOnceTheClientIsAdmitted() {
        ServerWebSocket socket = socket();
        feed.onClientEvent(event("k1", VertxWebsocketEvent.MESSAGE, "{\"type\":\"SUBSCRIBE\",\"symbols\":[\"005930\"]}"));
        verify(socket, never()).writeTextMessage(anyString());
        feed.onClientEvent(event("k1", VertxWebsocketEvent.OPEN, socket));
        // No channels named: every stock channel, none of the index channel.
        verify(socket).writeTextMessage("{\"type\":\"SUBSCRIBED\",\"subscriptions\":{\"trades\":[\"005930\"],"
                + "\"orderbooks\":[\"005930\"],\"expected-trades\":[\"005930\"],\"program-trades\":[\"005930\"],"
                + "\"market-events\":[\"005930\"],\"indices\":[]}}");
    }

    private static ServerWebSocket socket() {
        ServerWebSocket socket = mock(ServerWebSocket.class);
        when(socket.headers()).thenReturn(MultiMap.caseInsensitiveMultiMap());
        when(socket.writeTextMessage(anyString())).thenReturn(Future.succeededFuture());
        return socket;
    }

    private Exchange event(String key, VertxWebsocketEvent type, Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(VertxWebsocketConstants.CONNECTION_KEY, key);
        exchange.getMessage().setHeader(VertxWebsocketConstants.EVENT, type);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
