package com.kiwoomhub.feed;

import org.apache.camel.Exchange;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.spi.ExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.vertx.core.http.HttpServerOptions;

/** The feed's WebSocket server settings and its socket-error handling, used by {@code routes/realtime-feed.camel.yaml}. */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    /** {@code serverOptions=#feedServerOptions}: a frame or message over hub.feed.max-frame closes the connection with 1009. */
    @Bean
    HttpServerOptions feedServerOptions(FeedProperties settings) {
        int maxFrame = (int) settings.maxFrame().toBytes();
        return new HttpServerOptions().setMaxWebSocketFrameSize(maxFrame).setMaxWebSocketMessageSize(maxFrame);
    }

    /**
     * {@code exceptionHandler=#feedSocketErrors}: a socket error drops its client, counted and rate-limited in
     * the log by the feed, instead of a stack trace per error from Camel's default handler.
     */
    @Bean
    ExceptionHandler feedSocketErrors(DownstreamFeed feed) {
        return new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                feed.socketFailed(null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                feed.socketFailed(null, exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                feed.socketFailed(exchange == null ? null
                        : exchange.getMessage().getHeader(VertxWebsocketConstants.CONNECTION_KEY, String.class), exception);
            }
        };
    }
}
