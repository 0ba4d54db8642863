package com.kiwoomhub.marketdata;

import static com.kiwoomhub.canonical.KiwoomValues.KST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;
import com.kiwoomhub.support.TopicReader;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Candle backfill by date against the sandbox: the daily series stops at the page that reaches the
 * date and publishes exactly the bars from the date on; the minute series runs into the end of the
 * sandbox's minute history (its 60 detailed days) and says so; the weekly series' first attempt fails
 * on HTTP 503 and is retried on the next cycle, not taken for the end of its history.
 */
@CamelSpringBootTest
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = {KiwoomHubApplication.class, CandleBackfillTest.FailFirstWeeklyCall.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kiwoom.watchlist=005930",
        "kiwoom.candles.jobs=005930:1w,000660:1d,005930:10m",
        "kiwoom.candles.interval-ms=2000",
        "kiwoom.candles.progress-interval=0s",
        "kiwoom.sandbox.rate-limit=0",
        "kiwoom.quotes.interval-ms=60000",
        "kiwoom.account.interval-ms=60000",
        "kiwoom.sandbox.tick-interval=0",
        "kiwoom.realtime.enabled=false"})
@ExtendWith(KafkaTestkitShutdownHooks.class)
class CandleBackfillTest {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    /** Four years back: two daily pages of the sandbox's 2,000-day history, far past its 60 minute days. */
    private static final LocalDate FROM = LocalDate.now(KST).minusYears(4);

    @DynamicPropertySource
    static void backfillFrom(DynamicPropertyRegistry registry) {
        registry.add("kiwoom.candles.backfill-from", FROM::toString);
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestConfiguration
    static class FailFirstWeeklyCall {
        /** Arms the fault before the routes start, so that it meets the weekly series' first poll. */
        @Bean
        CamelContextConfiguration failFirstWeeklyCall(Sandbox sandbox) {
            return new CamelContextConfiguration() {
                @Override
                public void beforeApplicationStart(CamelContext camelContext) {
                    // every attempt of the first call (kiwoom.client.retry.max-attempts = 3)
                    sandbox.faults().failNext("ka10082", 3, 503);
                }

                @Override
                public void afterApplicationStart(CamelContext camelContext) {
                }
            };
        }
    }

    @Autowired
    Sandbox sandbox;
    @Autowired
    MeterRegistry meters;
    @Value("${kafka.bootstrap-servers}")
    String kafka;

    @Test
    void readsBackToTheDateOrTheEndOfHistoryWithProgressAndRetriesAFailedBackfill(CapturedOutput output)
            throws Exception {
        List<JsonNode> daily = rawPages("ka10081", "000660", "stk_dt_pole_chart_qry");
        List<String> expectedDays = daily.stream().map(r -> r.path("dt").asText())
                .filter(d -> !LocalDate.parse(d, YYYYMMDD).isBefore(FROM)).sorted().toList();
        // the minute history holds the 60 trading days before today
        List<String> historyDays = daily.stream().map(r -> r.path("dt").asText())
                .filter(d -> d.compareTo(LocalDate.now(KST).format(YYYYMMDD)) < 0).toList();
        LocalDate oldestMinuteDay = LocalDate.parse(historyDays.get(59), YYYYMMDD);

        // the weekly rows are read only once the hub's first weekly call has met the armed 503s
        await().atMost(Duration.ofSeconds(120)).until(() -> output.getOut().contains("candles: Kiwoom ka10082"));
        List<String> expectedWeeks = rawPages("ka10082", "005930", "stk_stk_pole_chart_qry").stream()
                .map(r -> r.path("dt").asText()).filter(d -> !LocalDate.parse(d, YYYYMMDD).isBefore(FROM)).sorted().toList();

        // a backfill logs reaching its date before its bars are sent: wait on the bars themselves
        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(kafka, "kiwoom.candles",
                Duration.ofSeconds(180), rs -> starts(rs, "000660:1d").containsAll(expectedDays)
                        && starts(rs, "005930:1w").containsAll(expectedWeeks)
                        && starts(rs, "005930:10m").contains(oldestMinuteDay.format(YYYYMMDD)));

        TreeSet<String> dayStarts = starts(records, "000660:1d");
        assertThat(dayStarts.first()).isEqualTo(expectedDays.get(0));
        assertThat(dayStarts.last()).isEqualTo(expectedDays.get(expectedDays.size() - 1));
        assertThat(dayStarts).hasSize(expectedDays.size()).containsExactlyElementsOf(expectedDays);
        assertThat(LocalDate.parse(dayStarts.first(), YYYYMMDD)).isAfterOrEqualTo(FROM);

        String oldestOnPage1 = daily.get(599).path("dt").asText();
        LocalDate page1Oldest = LocalDate.parse(oldestOnPage1, YYYYMMDD);
        LocalDate newest = LocalDate.parse(daily.get(0).path("dt").asText(), YYYYMMDD);
        double daysPerPage = ChronoUnit.DAYS.between(page1Oldest, newest) + 1;
        long eta = (long) Math.ceil(Math.ceil(ChronoUnit.DAYS.between(FROM, page1Oldest) / daysPerPage) / 5);
        assertThat(output.getOut()).contains("candles backfill 000660:1d: 1 pages, 600 bars, oldest " + page1Oldest
                + " of " + FROM + ", ETA " + eta + " s at 5 pages/s");
        assertThat(output.getOut()).contains("candles backfill 000660:1d: reached "
                + LocalDate.parse(daily.get(1199).path("dt").asText(), YYYYMMDD) + " (asked from " + FROM + ") in 2 pages, 1200 bars");

        TreeSet<String> minuteDays = new TreeSet<>();
        records.stream().filter(r -> "005930:10m".equals(r.key())).forEach(r -> minuteDays.add(field(r, "start").substring(0, 10)));
        assertThat(minuteDays.first()).isEqualTo(oldestMinuteDay.toString());
        assertThat(output.getOut()).containsPattern("candles backfill 005930:10m: Kiwoom's history ends at " + oldestMinuteDay
                + " \\(asked from " + FROM + "\\); \\d+ pages, \\d+ bars");
        assertThat(output.getOut()).containsPattern("candles backfill 005930:10m: 1 pages, 900 bars, oldest \\d{4}-\\d{2}-\\d{2} of "
                + FROM + ", ETA \\d+ s at 5 pages/s");

        String failed = "WARN";
        int failure = output.getOut().indexOf("candles: Kiwoom ka10082");
        assertThat(failure).as("the failed first weekly backfill is logged").isPositive();
        assertThat(output.getOut().substring(output.getOut().lastIndexOf("\n", failure))).contains(failed);
        assertThat(failure).isLessThan(output.getOut().indexOf("candles backfill 005930:1w: reached"));
        assertThat(output.getOut()).doesNotContain("candles backfill 005930:1w: Kiwoom's history ends");
        assertThat(expectedWeeks).hasSizeGreaterThan(200);
        assertThat(starts(records, "005930:1w")).containsExactlyElementsOf(expectedWeeks);

        assertThat(meters.get("kiwoom.candles.backfill.pages").tag("series", "000660:1d").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("kiwoom.candles.backfill.bars").tag("series", "000660:1d").gauge().value()).isEqualTo(1200.0);
        assertThat(meters.get("kiwoom.candles.backfill.oldest").tag("series", "005930:10m").gauge().value())
                .isEqualTo(oldestMinuteDay.atStartOfDay(KST).toEpochSecond());
    }

    private static TreeSet<String> starts(List<ConsumerRecord<String, String>> records, String series) {
        TreeSet<String> starts = new TreeSet<>();
        for (ConsumerRecord<String, String> r : records) {
            if (series.equals(r.key())) {
                starts.add(field(r, "start").substring(0, 10).replace("-", ""));
            }
        }
        return starts;
    }

    private static String field(ConsumerRecord<String, String> record, String name) {
        try {
            return JSON.readTree(record.value()).path(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a chart TR as the sandbox answers it, page after page, newest first. */
    private List<JsonNode> rawPages(String apiId, String code, String listKey) throws Exception {
        SandboxSettings.Credential demo = sandbox.settings().credentials().get(0);
        HttpClient http = HttpClient.newHttpClient();
        String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\",\"appkey\":\""
                        + demo.appKey() + "\",\"secretkey\":\"" + demo.secretKey() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("token").asText();
        String body = "{\"stk_cd\":\"" + code + "\",\"base_dt\":\"" + LocalDate.now(KST).format(YYYYMMDD)
                + "\",\"upd_stkpc_tp\":\"1\"}";
        List<JsonNode> rows = new ArrayList<>();
        String nextKey = null;
        do {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/dostk/chart"))
                    .header("Content-Type", "application/json;charset=UTF-8").header("api-id", apiId)
                    .header("authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body));
            if (nextKey != null) {
                request.header("cont-yn", "Y").header("next-key", nextKey);
            }
            HttpResponse<String> page = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JSON.readTree(page.body()).path(listKey).forEach(rows::add);
            nextKey = "Y".equals(page.headers().firstValue("cont-yn").orElse("N"))
                    ? page.headers().firstValue("next-key").orElse(null) : null;
        } while (nextKey != null);
        return rows;
    }
}
