package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
