package com.kiwoomhub.realtimeflows;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.CanonicalSchemas;
import com.kiwoomhub.canonical.MessageType;
import com.kiwoomhub.realtime.KiwoomSession;
import com.kiwoomhub.realtime.KiwoomSessions;
import com.kiwoomhub.realtime.SessionState;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;
import com.kiwoomhub.support.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-time flows end to end, in the app's embedded default: no Kiwoom keys (the sandbox
 * REST and WebSocket), the embedded KRaft broker and the routes from {@code routes/}. Every test
 * class extends this one so that they share one application context; each uses its own symbols.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KiwoomHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "camel.main.routes-reload-enabled=false",
                "kiwoom.sandbox.tick-interval=0",
                "kiwoom.watchlist=005930,000660",
                "kiwoom.conditions.realtime=전종목,8",
                "kiwoom.conditions.periodic=9",
                "kiwoom.conditions.interval-ms=0",
                "hub.feed.enabled=true",
                "hub.feed.client-buffer=64",
                "hub.feed.token=" + RealtimeFlowsTest.FEED_TOKEN,
                "hub.feed.max-symbols=50"})
@Import(SandboxRealtime.class)
abstract class RealtimeFlowsTest {

    static {
        org.apache.kafka.common.utils.Exit.setShutdownHookAdder((name, runnable) -> { });
    }

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String FEED_TOKEN = "feed-token-for-tests";
    static final int FEED_PORT = freePort();
    private static KafkaProducer<String, String> producer;

    @DynamicPropertySource
    static void feedPort(DynamicPropertyRegistry registry) {
        registry.add("hub.feed.port", () -> FEED_PORT);
    }

    @Autowired
    KiwoomSessions sessions;
    @Autowired
    SandboxWebSocket sandboxWs;
    @Value("${kafka.embedded-address}")
    String kafka;

    @BeforeEach
    void sessionLoggedIn() {
        await().atMost(WAIT).until(() -> session().state() == SessionState.LOGGED_IN
                && sandboxWs.sessions().stream().anyMatch(s -> s.appKey() != null));
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    KiwoomSession session() {
        return sessions.find("default").orElseThrow();
    }

    /** Registrations of the sandbox's logged-in connection, as type:item. */
    List<String> sandboxRegistrations() {
        return sandboxWs.sessions().stream().filter(s -> s.appKey() != null).map(SessionInfo::groups)
                .flatMap(g -> g.values().stream()).flatMap(java.util.Set::stream).toList();
    }

    TopicReader reader(String topic) {
        return new TopicReader(kafka, topic);
    }

    void send(String topic, String key, String value) throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** One REAL frame from the sandbox with a 0B trade and a 0D book of each symbol, their volume {@code v}. */
    void pushTradesAndBooks(int v, List<String> symbols) {
        StringBuilder rows = new StringBuilder();
        for (String symbol : symbols) {
            rows.append(rows.isEmpty() ? "" : ",")
                    .append("{\"type\":\"0B\",\"item\":\"").append(symbol).append("\",\"values\":{\"20\":\"100000\",")
                    .append("\"10\":\"+10000\",\"11\":\"+100\",\"12\":\"+1.01\",\"15\":\"+1\",\"13\":\"").append(v).append("\"}},")
                    .append("{\"type\":\"0D\",\"item\":\"").append(symbol).append("\",\"values\":{\"21\":\"100000\",")
                    .append("\"41\":\"10010\",\"61\":\"5\",\"51\":\"10000\",\"71\":\"").append(v).append("\"}}");
        }
        sandboxWs.pushRaw("{\"trnm\":\"REAL\",\"data\":[" + rows + "]}");
    }

    /** Parses a record value and checks it against its published schema. */
    static JsonNode valid(MessageType type, String value) {
        try {
            JsonNode json = CanonicalJson.mapper().readTree(value);
            assertThat(CanonicalSchemas.validate(type, json)).as("%s: %s", type, value).isEmpty();
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
