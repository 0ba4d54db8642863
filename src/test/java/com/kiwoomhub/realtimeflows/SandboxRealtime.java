package com.kiwoomhub.realtimeflows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxStartup;
import com.kiwoomhub.sandbox.ws.ConditionDefinition;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.WebSocketSettings;

/**
 * Replaces the sandbox's WebSocket server by one with known conditions, before the hub's session
 * connects: the tests push REAL frames through it, read its sessions' registrations and force
 * condition alerts.
 */
@TestConfiguration(proxyBeanMethods = false)
class SandboxRealtime {

    /** Every symbol matches (initial MATCH list = the whole sandbox market). */
    static final ConditionDefinition EVERYTHING = new ConditionDefinition("7", "전종목",
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    /** No symbol matches; alerts come only when forced. */
    static final ConditionDefinition NOTHING = new ConditionDefinition("8", "없음", 1000, 2000);
    /** Matches everything too; searched periodically (search_type 0) in pages of 3. */
    static final ConditionDefinition PAGED = new ConditionDefinition("9", "페이지", Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY);
    static final int PAGE_SIZE = 3;
    /** Eleven more conditions that match everything: "c10" … "c20", for the 10-per-login cap. */
    static final List<ConditionDefinition> MANY = IntStream.rangeClosed(10, 20)
            .mapToObj(i -> new ConditionDefinition(String.valueOf(i), "c" + i, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY)).toList();

    @Bean
    SandboxWebSocket sandboxWebSocket(@Qualifier(SandboxStartup.BEAN_NAME) Sandbox sandbox) {
        WebSocketSettings settings = WebSocketSettings.defaults()
                .withConditions(Stream.concat(Stream.of(EVERYTHING, NOTHING, PAGED), MANY.stream()).toList(),
                        Duration.ofSeconds(1), PAGE_SIZE);
        SandboxWebSocket webSocket = new SandboxWebSocket(sandbox.vertx(), sandbox, settings);
        sandbox.realtime(webSocket);
        return webSocket;
    }
}
