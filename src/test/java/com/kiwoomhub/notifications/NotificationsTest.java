package com.kiwoomhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.sun.net.httpserver.HttpServer;

/**
 * routes/notifications.camel.yaml end to end: records on the hub's topics become Slack webhook posts,
 * received by a JDK HTTP server on 127.0.0.1 standing in for Slack; exact texts, and the rate cap
 * with its summary.
 */
@CamelSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = KiwoomHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kiwoom.watchlist=000660",
        "kiwoom.candles.jobs=",
        "kiwoom.quotes.interval-ms=60000",
        "kiwoom.account.interval-ms=60000",
        "kiwoom.sandbox.tick-interval=0",
        "kiwoom.realtime.enabled=false",
        "hub.notifications.max-per-window=3",
        "hub.notifications.window=20s",
        "hub.notifications.slack-channel=#desk",
        "hub.notifications.auto-offset-reset=earliest"})
@ExtendWith(KafkaTestkitShutdownHooks.class)
class NotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> POSTS = new CopyOnWriteArrayList<>();
    private static final HttpServer SLACK = slack();

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("hub.notifications.slack-webhook-url",
                () -> "http://127.0.0.1:" + SLACK.getAddress().getPort() + "/services/T000/B000/secret-part");
    }

    @AfterAll
    static void stopSlack() {
        SLACK.stop(0);
    }

    @Autowired
    AlertMessages alertMessages;
    @Value("${kafka.bootstrap-servers}")
    String kafka;

    @Test
    void aCaughtUpFillWithoutItsPriceNamesNoPrice() throws Exception {
        assertThat(alertMessages.orderEvent(JSON.readTree("""
                {"clientOrderId":"ord-9","type":"FILL","status":"FILLED","brokerOrderId":"0000009","symbol":"005930",
                 "side":"BUY","orderQuantity":10,"filledQuantity":10,"remainingQuantity":0,"lastFillQuantity":6,
                 "averageFillPrice":70060,"time":"2026-08-19T10:31:07+09:00"}
                """))).endsWith(" · 6 shares (10/10 filled) · order ord-9 · 10:31:07 KST").doesNotContain("KRW");
    }

    @Test
    void alertsReachTheWebhookAsOneLineEachAndTheCapSummarisesTheRest(CapturedOutput output) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            send(producer, "kiwoom.quotes", "005930", """
                    {"symbol":"005930","venue":"KRX","name":"삼성전자","price":71500,"previousClose":70000}""");
            String probe = "{\"conditionSeq\":\"0\",\"symbol\":\"005930\",\"event\":\"ENTER\",\"time\":\"2026-12-02T10:31:05+09:00\"}";
            await().atMost(Duration.ofSeconds(60)).until(() -> alertMessages.conditionSignal(JSON.readTree(probe)).contains("삼성전자"));

            send(producer, "kiwoom.condition-signals", "005930", """
                    {"conditionSeq":"0","conditionName":"급등 3%","symbol":"005930","event":"ENTER","time":"2026-12-02T10:31:05+09:00"}""");
            send(producer, "kiwoom.condition-signals", "005930", """
                    {"conditionSeq":"0","conditionName":"급등 3%","symbol":"005930","event":"MATCH","time":"2026-12-02T10:31:06+09:00"}""");
            await().atMost(Duration.ofSeconds(30)).until(() -> POSTS.size() == 1);
            send(producer, "kiwoom.order-events", "one-partition", """
                    {"clientOrderId":"ord-1","type":"FILL","status":"FILLED","brokerOrderId":"0000001","symbol":"005930",
                     "side":"BUY","orderQuantity":10,"filledQuantity":10,"remainingQuantity":0,"lastFillPrice":70000,
                     "lastFillQuantity":4,"time":"2026-12-02T01:31:07Z"}""");
            await().atMost(Duration.ofSeconds(30)).until(() -> POSTS.size() == 2);
            for (int i = 0; i < 5; i++) {
                send(producer, "kiwoom.order-events", "one-partition", """
                        {"clientOrderId":"ord-2","type":"REJECTED","status":"REJECTED","symbol":"252670","side":"SELL",
                         "orderQuantity":1,"reason":"모의투자 매매제한 종목입니다","errorCode":"RC4007",
                         "time":"2026-12-02T10:31:0%d+09:00"}""".formatted(i));
            }
            // the window opened with the ENTER alert: three alerts went out, the summary follows when it closes
            await().atMost(Duration.ofSeconds(60)).until(() -> POSTS.size() == 4);
        }

        List<String> texts = POSTS.stream().map(NotificationsTest::text).toList();
        assertThat(texts).containsExactly(
                "ENTER 005930 삼성전자 · 급등 3% (0) · 71,500 KRW · 10:31:05 KST",
                "FILL BUY 005930 삼성전자 · 4 shares @ 70,000 KRW (10/10 filled) · order ord-1 · 10:31:07 KST",
                "REJECTED SELL 252670 · 1 share · RC4007 모의투자 매매제한 종목입니다 · order ord-2 · 10:31:00 KST",
                "… and 4 more in the last 20 s");
        assertThat(JSON.readTree(POSTS.get(0)).path("channel").asText()).isEqualTo("#desk");
        assertThat(output.getAll()).as("the webhook URL is a credential").doesNotContain("secret-part");
    }

    private static String text(String body) {
        try {
            return JSON.readTree(body).path("text").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    private static HttpServer slack() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/services/T000/B000/secret-part", exchange -> {
                POSTS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
