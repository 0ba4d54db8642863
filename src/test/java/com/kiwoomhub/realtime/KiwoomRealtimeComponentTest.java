package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
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

/** {@code kiwoom-realtime:} in a plain CamelContext, with a YAML route, against the loopback server. */
class KiwoomRealtimeComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ROUTES = """
            - route:
                id: realtime-trades
                from:
                  uri: kiwoom-realtime:default
                  parameters:
                    trnm: REAL
                    types: 0B
                  steps:
                    - to: mock:trades
            - route:
                id: realtime-conditions
                from:
                  uri: kiwoom-realtime:default?trnm=CNSRLST
                  steps:
                    - to: mock:conditions
            - route:
                id: conditions-after-login
                from:
                  uri: kiwoom-realtime:default?trnm=LOGIN
                  steps:
                    - setBody:
                        constant: '{"trnm":"CNSRLST"}'
                    - to: kiwoom-realtime:default
            - route:
                id: realtime-control
                from:
                  uri: direct:control
                  steps:
                    - to: kiwoom-realtime:default
            """;

    private KiwoomWsServer server;
    private KiwoomSession session;
    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        server = new KiwoomWsServer();
        KiwoomAccount account = new KiwoomAccount("default", "app-key", "secret-key", null, KiwoomEnvironment.SANDBOX,
                "http://127.0.0.1:1", server.url());
        session = new KiwoomSession(account, new FakeTokens(),
                KiwoomSessionTest.settings(Duration.ofSeconds(2), Duration.ofSeconds(30), 4), new SimpleMeterRegistry());
        camel = new DefaultCamelContext();
        camel.addComponent("kiwoom-realtime", new KiwoomRealtimeComponent(new KiwoomSessions(List.of(session))));
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("realtime.camel.yaml", ROUTES));
        camel.start();
        session.start();
        await().atMost(WAIT).until(() -> session.state() == SessionState.LOGGED_IN);
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        session.stop();
        server.close();
    }

    @Test
    void yamlRouteSubscribesAndConsumesFramesInOrderWithHeaders() {
        ProducerTemplate template = camel.createProducerTemplate();
        template.sendBodyAndHeaders("direct:control", null, Map.of(KiwoomRealtimeHeaders.OPERATION, "SUBSCRIBE",
                KiwoomRealtimeHeaders.TYPES, "0B,0D", KiwoomRealtimeHeaders.ITEMS, "005930,000660"));
        await().atMost(WAIT).until(() -> server.connection(1).frames("REG").size() == 1);
        assertThat(server.connection(1).frames("REG").get(0).text()).isEqualTo(
                "{\"trnm\":\"REG\",\"grp_no\":\"1\",\"refresh\":\"1\",\"data\":[{\"item\":[\"005930\",\"000660\"],\"type\":[\"0B\",\"0D\"]}]}");

        List<String> expected = new ArrayList<>();
        for (int seq = 1; seq <= 1000; seq++) {
            String trade = KiwoomWsServer.real("0B", List.of(seq % 2 == 0 ? "005930" : "000660"), seq);
            expected.add(trade);
            server.push(server.connection(1), trade);
            server.push(server.connection(1), KiwoomWsServer.real("0D", List.of("005930"), seq)); // filtered out by types=0B
        }
        MockEndpoint trades = camel.getEndpoint("mock:trades", MockEndpoint.class);
        await().atMost(WAIT).until(() -> trades.getReceivedCounter() == 1000);

        assertThat(trades.getExchanges()).extracting(e -> e.getMessage().getBody(String.class)).containsExactlyElementsOf(expected);
        Exchange first = trades.getExchanges().get(0);
        assertThat(first.getMessage().getHeader(KiwoomRealtimeHeaders.TRNM)).isEqualTo("REAL");
        assertThat(first.getMessage().getHeader(KiwoomRealtimeHeaders.ACCOUNT)).isEqualTo("default");
        assertThat(first.getMessage().getHeader(KiwoomRealtimeHeaders.RECEIVED_AT, Long.class))
                .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    }

    @Test
    void aYamlRouteReissuesCnsrlstAfterEveryLoginAndAnswersReachTheFilteredRoute() {
        MockEndpoint conditions = camel.getEndpoint("mock:conditions", MockEndpoint.class);
        await().atMost(WAIT).until(() -> conditions.getReceivedCounter() == 1);
        camel.createProducerTemplate().sendBody("direct:control", "{\"trnm\":\"CNSRLST\"}");
        await().atMost(WAIT).until(() -> conditions.getReceivedCounter() == 2);

        server.dropAll();
        await().atMost(WAIT).until(() -> conditions.getReceivedCounter() == 3);
        assertThat(conditions.getExchanges().get(0).getMessage().getBody(String.class)).contains("조건1");
        assertThat(server.connection(1).frames).extracting(KiwoomWsServer.Received::trnm).filteredOn(t -> !t.equals("PING"))
                .containsExactly("LOGIN", "CNSRLST", "CNSRLST");
        assertThat(server.connection(2).frames).extracting(KiwoomWsServer.Received::trnm).filteredOn(t -> !t.equals("PING"))
                .containsExactly("LOGIN", "CNSRLST");
        assertThat(camel.getEndpoint("mock:trades", MockEndpoint.class).getReceivedCounter()).isZero();
    }

    @Test
    void unsubscribeSendsRemoveAndAnUnknownAliasIsAClearError() {
        ProducerTemplate template = camel.createProducerTemplate();
        template.sendBodyAndHeaders("direct:control", null, Map.of(KiwoomRealtimeHeaders.OPERATION, "SUBSCRIBE",
                KiwoomRealtimeHeaders.TYPES, "00", KiwoomRealtimeHeaders.ITEMS, ""));
        template.sendBodyAndHeaders("direct:control", null, Map.of(KiwoomRealtimeHeaders.OPERATION, "UNSUBSCRIBE",
                KiwoomRealtimeHeaders.TYPES, List.of("00"), KiwoomRealtimeHeaders.ITEMS, List.of("")));
        await().atMost(WAIT).until(() -> server.connection(1).frames("REMOVE").size() == 1);
        assertThat(server.connection(1).frames("REG").get(0).text()).contains("\"item\":[\"\"],\"type\":[\"00\"]");

        assertThatThrownBy(() -> camel.getEndpoint("kiwoom-realtime:other"))
                .hasStackTraceContaining("no realtime session for account alias 'other'");
    }
}
