package com.kiwoomhub.marketdata;

import static com.kiwoomhub.canonical.KiwoomValues.KST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.TokenManager;
import com.kiwoomhub.canonical.CanonicalSchemas;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;
import com.kiwoomhub.support.TopicReader;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The market-data flows end to end: the routes in {@code routes/} poll the built-in sandbox over
 * HTTP and publish canonical records on the embedded Kafka broker. Values are checked against what
 * the sandbox holds and against its raw Kiwoom answers.
 */
@CamelSpringBootTest
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = KiwoomHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kiwoom.watchlist=005930,000660,005930_NX",
        "kiwoom.quotes.interval-ms=500",
        "kiwoom.candles.jobs=005930:1m,000660:1d",
        "kiwoom.candles.interval-ms=1000",
        "kiwoom.account.interval-ms=1000",
        "kiwoom.sandbox.tick-interval=0",
        "kiwoom.realtime.enabled=false"})
@ExtendWith(KafkaTestkitShutdownHooks.class)
class MarketDataFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Sandbox sandbox;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TokenManager tokens;
    @Autowired
    KiwoomAccounts accounts;
    @Autowired
    TestRestTemplate http;
    @Value("${kafka.bootstrap-servers}")
    String kafka;

    @Test
    void quotesCarryTheSandboxPriceWithDirectionRemovedAndVenueFromTheSuffix() throws Exception {
        sandbox.market().setPreviousClose("005930", 70_000);
        sandbox.market().setPrice("005930", 71_500);

        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(kafka, "kiwoom.quotes",
                Duration.ofSeconds(20), rs -> rs.stream().anyMatch(r -> has(r, "price", 71_500) && has(r, "venue", "KRX"))
                        && rs.stream().anyMatch(r -> has(r, "price", 71_500) && has(r, "venue", "NXT")));

        ConsumerRecord<String, String> krx = last(records, r -> has(r, "price", 71_500) && has(r, "venue", "KRX"));
        JsonNode quote = CanonicalSchemas.assertValid(TopicReader.header(krx, "ce_type"), krx.value());
        assertThat(krx.key()).isEqualTo("005930");
        assertThat(quote.path("symbol").asText()).isEqualTo("005930");
        assertThat(quote.path("name").asText()).isEqualTo("삼성전자");
        assertThat(quote.path("previousClose").asLong()).isEqualTo(70_000);
        assertThat(quote.path("change").asLong()).isEqualTo(1_500);
        assertThat(quote.path("changeRate").decimalValue()).isEqualByComparingTo(new BigDecimal("2.14"));
        assertThat(quote.path("source").asText()).isEqualTo("ka10095");
        assertThat(quote.path("asOf").asText()).endsWith("+09:00");
        assertThat(TopicReader.header(krx, "ce_type")).isEqualTo("kiwoom.quote.v1");
        assertThat(TopicReader.header(krx, "ce_source")).isEqualTo("kiwoom-hub/ka10095");
        assertThat(TopicReader.header(krx, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(krx, "content-type")).isEqualTo("application/json");
        assertThat(krx.headers().lastHeader("KiwoomApiId")).as("call headers stay out of Kafka").isNull();

        ConsumerRecord<String, String> nxt = last(records, r -> has(r, "price", 71_500) && has(r, "venue", "NXT"));
        assertThat(nxt.key()).isEqualTo("005930");
        assertThat(JSON.readTree(nxt.value()).path("symbol").asText()).isEqualTo("005930");
    }

    @Test
    void candlesBackfillThreePagesThenNeverRepublishAClosedBar() {
        // 2,700 bars and five ka10080 calls: on a loaded 2-core machine this has taken longer than 30 s
        List<ConsumerRecord<String, String>> minutes = TopicReader.awaitRecords(kafka, "kiwoom.candles",
                Duration.ofSeconds(90), rs -> sandbox.requests().withApiId("ka10080").size() >= 5
                        && rs.stream().filter(r -> "005930:1m".equals(r.key())).count() >= 3 * 900);

        var pages = sandbox.requests().withApiId("ka10080");
        assertThat(pages.get(0).headers()).doesNotContainKey("next-key");
        assertThat(pages.get(1).headers()).containsEntry("cont-yn", "Y").containsKey("next-key");
        assertThat(pages.get(2).headers()).containsEntry("cont-yn", "Y").containsKey("next-key");
        assertThat(pages.get(3).headers()).as("later polls read the newest page only").doesNotContainKey("next-key");

        Set<String> closedBarStarts = new HashSet<>();
        for (ConsumerRecord<String, String> r : minutes) {
            if ("005930:1m".equals(r.key()) && r.value().contains("\"final\":true")) {
                assertThat(closedBarStarts.add(field(r, "start"))).as("closed bar %s published once", field(r, "start"))
                        .isTrue();
            }
        }
        assertThat(closedBarStarts).hasSizeGreaterThanOrEqualTo(3 * 900 - 1);
        CanonicalSchemas.assertValid("kiwoom.candle.v1", minutes.get(0).value());
    }

    @Test
    void dailyCandlesTurnKa10081MillionsOfWonIntoKrw() throws Exception {
        JsonNode raw = rawKa10081("000660");
        JsonNode row = raw.path("stk_dt_pole_chart_qry").get(1);
        LocalDate date = LocalDate.parse(row.path("dt").asText(), DateTimeFormatter.BASIC_ISO_DATE);
        String start = date + "T00:00:00+09:00";

        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(kafka, "kiwoom.candles",
                Duration.ofSeconds(90),
                rs -> rs.stream().anyMatch(r -> "000660:1d".equals(r.key()) && start.equals(field(r, "start"))));
        JsonNode candle = JSON.readTree(last(records, r -> "000660:1d".equals(r.key()) && start.equals(field(r, "start"))).value());

        assertThat(candle.path("open").asLong()).isEqualTo(Math.abs(row.path("open_pric").asLong()));
        assertThat(candle.path("high").asLong()).isEqualTo(Math.abs(row.path("high_pric").asLong()));
        assertThat(candle.path("low").asLong()).isEqualTo(Math.abs(row.path("low_pric").asLong()));
        assertThat(candle.path("close").asLong()).isEqualTo(Math.abs(row.path("cur_prc").asLong()));
        assertThat(candle.path("volume").asLong()).isEqualTo(row.path("trde_qty").asLong());
        assertThat(candle.path("turnover").asLong()).isEqualTo(row.path("trde_prica").asLong() * 1_000_000L);
        assertThat(candle.path("adjusted").asBoolean()).isTrue();
        assertThat(candle.path("final").asBoolean()).isTrue();
        assertThat(candle.path("source").asText()).isEqualTo("ka10081");
    }

    @Test
    void accountSnapshotCarriesCashAndHoldingsOfTheSandboxAccount() throws Exception {
        sandbox.account().setHolding("000660", "SK하이닉스", 7, 180_000);
        long deposit = sandbox.account().deposit();

        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(kafka, "kiwoom.account",
                Duration.ofSeconds(20), rs -> rs.stream().anyMatch(r -> r.value().contains("\"000660\"")));
        ConsumerRecord<String, String> record = last(records, r -> r.value().contains("\"000660\""));
        JsonNode snapshot = CanonicalSchemas.assertValid(TopicReader.header(record, "ce_type"), record.value());

        assertThat(record.key()).isEqualTo("default");
        assertThat(snapshot.path("account").asText()).isEqualTo("default");
        assertThat(snapshot.path("cash").path("deposit").asLong()).isEqualTo(deposit);
        JsonNode holding = snapshot.path("positions").get(0);
        assertThat(holding.path("symbol").asText()).isEqualTo("000660");
        assertThat(holding.path("quantity").asLong()).isEqualTo(7);
        assertThat(holding.path("averagePrice").asLong()).isEqualTo(180_000);
    }

    @Test
    void aTokenExpiredMidRunCostsOneReissueAndNoPoll() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !sandbox.requests().withApiId("ka10095").isEmpty());
        int issuedBefore = tokenIssues();
        double failedBefore = failedCalls("ka10095");

        sandbox.tokens().expireAll();
        int pollsAtExpiry = sandbox.requests().withApiId("ka10095").size();

        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.requests().withApiId("ka10095").size() >= pollsAtExpiry + 6);
        assertThat(tokenIssues()).as("one au10001 after the expiry").isEqualTo(issuedBefore + 1);
        assertThat(failedCalls("ka10095")).as("no quote poll failed").isEqualTo(failedBefore);
    }

    @Test
    void noKeyOrTokenShowsInLogsOrActuator(CapturedOutput output) {
        SandboxSettings.Credential keys = sandbox.settings().credentials().get(0);
        sandbox.tokens().expireAll();
        int issued = tokenIssues();
        // the reissue comes with the next poll that meets the expired token, which a loaded machine delays
        await().atMost(Duration.ofSeconds(60)).until(() -> tokenIssues() > issued);
        String token = tokens.token(accounts.primary());

        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator/camelroutes",
                "/actuator/metrics/kiwoom.tr.calls")) {
            String body = http.getForObject(path, String.class);
            assertThat(body).as(path).isNotBlank().doesNotContain(token).doesNotContain(keys.secretKey())
                    .doesNotContain(keys.appKey());
        }
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(keys.secretKey()).doesNotContain(keys.appKey());
    }

    private int tokenIssues() {
        return (int) sandbox.requests().all().stream().filter(r -> r.path().equals("/oauth2/token")).count();
    }

    private double failedCalls(String apiId) {
        var counter = meters.find("kiwoom.tr.calls").tag("apiId", apiId).tag("outcome", "error").counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode rawKa10081(String code) throws Exception {
        SandboxSettings.Credential demo = sandbox.settings().credentials().get(0);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\",\"appkey\":\""
                        + demo.appKey() + "\",\"secretkey\":\"" + demo.secretKey() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String today = LocalDate.now(KST).format(DateTimeFormatter.BASIC_ISO_DATE);
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/dostk/chart"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("api-id", "ka10081")
                .header("authorization", "Bearer " + token.path("token").asText())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"stk_cd\":\"" + code + "\",\"base_dt\":\"" + today + "\",\"upd_stkpc_tp\":\"1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static boolean has(ConsumerRecord<String, String> record, String field, Object value) {
        try {
            JsonNode node = JSON.readTree(record.value()).path(field);
            return value instanceof Number n ? node.asLong() == n.longValue() : node.asText().equals(value);
        } catch (Exception e) {
            return false;
        }
    }

    private static String field(ConsumerRecord<String, String> record, String field) {
        try {
            return JSON.readTree(record.value()).path(field).asText();
        } catch (Exception e) {
            return null;
        }
    }

    private static ConsumerRecord<String, String> last(List<ConsumerRecord<String, String>> records,
                                                       java.util.function.Predicate<ConsumerRecord<String, String>> test) {
        return records.stream().filter(test).reduce((a, b) -> b).orElseThrow();
    }
}
