package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomEnvironment;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** {@code kiwoom-realtime:*}: one route reads every account's session and writes to the one it names. */
class KiwoomRealtimeAllAccountsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private KiwoomWsServer server;
    private KiwoomSession main;
    private KiwoomSession second;
    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        server = new KiwoomWsServer();
        main = session("main");
        second = session("second");
        camel = new DefaultCamelContext();
        camel.addComponent("kiwoom-realtime", new KiwoomRealtimeComponent(new KiwoomSessions(List.of(main, second))));
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("all.camel.yaml", """
                - route:
                    from:
                      uri: "kiwoom-realtime:*?trnm=REAL"
                      steps:
                        - to: mock:frames
                - route:
                    from:
                      uri: "kiwoom-realtime:*?trnm=REAL&types=00"
                      steps:
                        - to: mock:executions
                - route:
                    from:
                      uri: "kiwoom-realtime:*?trnm=REAL&types=0B,0D&maxInFlight=4"
                      steps:
                        - to: mock:market
                - route:
                    from:
                      uri: direct:control
                      steps:
                        - to: "kiwoom-realtime:*"
                """));
        camel.start();
        main.start();
        second.start();
        await().atMost(WAIT).until(() -> main.state() == SessionState.LOGGED_IN && second.state() == SessionState.LOGGED_IN);
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        main.stop();
        second.stop();
        server.close();
    }

    @Test
    void consumerGetsTheFramesOfEverySessionWithTheirAccount() {
        server.push(server.connection(1), KiwoomWsServer.real("0B", List.of("005930"), 1));
        server.push(server.connection(2), KiwoomWsServer.real("0B", List.of("000660"), 2));
        MockEndpoint frames = camel.getEndpoint("mock:frames", MockEndpoint.class);
        await().atMost(WAIT).until(() -> frames.getReceivedCounter() == 2);
        assertThat(frames.getExchanges()).extracting(e -> e.getMessage().getHeader(KiwoomRealtimeHeaders.ACCOUNT))
                .containsExactlyInAnyOrder("main", "second");
    }

    @Test
    void consumersOfTheSameSessionsEachGetTheFramesOfTheirOwnTypes() {
        server.push(server.connection(1), KiwoomWsServer.real("0B", List.of("005930"), 1));
        server.push(server.connection(2), KiwoomWsServer.real("00", List.of("005930"), 2));
        server.push(server.connection(2), KiwoomWsServer.real("0D", List.of("000660"), 3));
        server.push(server.connection(1), KiwoomWsServer.real("00", List.of("000660"), 4));
        // last on each connection, a frame both consumers take: once it reached both, so did everything before it
        server.push(server.connection(1), executionAndTrade(5));
        server.push(server.connection(2), executionAndTrade(6));
        MockEndpoint executions = camel.getEndpoint("mock:executions", MockEndpoint.class);
        MockEndpoint market = camel.getEndpoint("mock:market", MockEndpoint.class);
        await().atMost(WAIT).until(() -> executions.getReceivedCounter() == 4 && market.getReceivedCounter() == 4);

        assertThat(executions.getExchanges()).extracting(KiwoomRealtimeAllAccountsTest::typeAndSeq)
                .containsExactlyInAnyOrder("00/2", "00/4", "00/5", "00/6");
        assertThat(market.getExchanges()).extracting(KiwoomRealtimeAllAccountsTest::typeAndSeq)
                .containsExactlyInAnyOrder("0B/1", "0D/3", "00/5", "00/6");
        // frames 1, 4 and 5 came from the first connection, 2, 3 and 6 from the second: each with its session's account
        Map<String, Object> accountBySeq = new HashMap<>();
        for (MockEndpoint consumer : List.of(executions, market)) {
            consumer.getExchanges().forEach(e -> accountBySeq.put(typeAndSeq(e),
                    e.getMessage().getHeader(KiwoomRealtimeHeaders.ACCOUNT)));
        }
        assertThat(accountBySeq.get("0B/1")).isEqualTo(accountBySeq.get("00/4")).isIn("main", "second");
        assertThat(accountBySeq.get("00/2")).isEqualTo(accountBySeq.get("0D/3")).isIn("main", "second")
                .isNotEqualTo(accountBySeq.get("0B/1"));
    }

    /** One frame with a 00 and a 0B row (a frame passes whole when one of its rows has a wanted type). */
    private static String executionAndTrade(int seq) {
        String execution = KiwoomWsServer.real("00", List.of("005930"), seq);
        String trade = KiwoomWsServer.real("0B", List.of("005930"), seq);
        return execution.substring(0, execution.length() - 2) + "," + trade.substring(trade.indexOf('[') + 1);
    }

    /** The type and FID 13 (the test's sequence number) of a frame's first row, e.g. {@code 0B/1}. */
    private static String typeAndSeq(Exchange exchange) {
        JsonNode row = exchange.getProperty(KiwoomRealtimeHeaders.FRAME_TREE, JsonNode.class).path("data").path(0);
        return row.path("type").asText() + "/" + row.path("values").path("13").asText();
    }

    @Test
    void producerWritesToTheSessionNamedByTheAccountHeader() {
        ProducerTemplate template = camel.createProducerTemplate();
        template.sendBodyAndHeaders("direct:control", null, Map.of(KiwoomRealtimeHeaders.ACCOUNT, "second",
                KiwoomRealtimeHeaders.OPERATION, "SUBSCRIBE", KiwoomRealtimeHeaders.TYPES, "0B",
                KiwoomRealtimeHeaders.ITEMS, "005930"));
        assertThat(second.registeredItems()).isEqualTo(1);
        assertThat(main.registeredItems()).isZero();

        assertThatThrownBy(() -> template.sendBodyAndHeaders("direct:control", null, Map.of(
                KiwoomRealtimeHeaders.OPERATION, "SUBSCRIBE", KiwoomRealtimeHeaders.TYPES, "0B",
                KiwoomRealtimeHeaders.ITEMS, "005930")))
                .isInstanceOf(CamelExecutionException.class).hasRootCauseMessage(
                        "kiwoom-realtime:* needs header KiwoomAccount to know which account's session to write to");
    }

    private KiwoomSession session(String alias) {
        KiwoomAccount account = new KiwoomAccount(alias, "key-" + alias, "secret", null, KiwoomEnvironment.SANDBOX,
                "http://127.0.0.1:1", server.url());
        return new KiwoomSession(account, new FakeTokens(),
                KiwoomSessionTest.settings(Duration.ofSeconds(30), Duration.ofSeconds(30), 4), new SimpleMeterRegistry());
    }
}
