package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.sandbox.RestTestClient.Answer;

/** ka10001, ka10004, ka10095 and the price process behind them (docs/kiwoom-protocol.md §6, §7.1, §10.3). */
class MarketDataTest {

    private static final Map<String, String> SETTINGS = Map.of("tick-interval", "0", "rate-limit", "0", "seed", "7");

    private final MutableClock clock = MutableClock.fridayMorning();
    private final RecordingSink sink = new RecordingSink();
    private Sandbox sandbox;
    private RestTestClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.of(SETTINGS), clock).realtimeSink(sink);
        client = new RestTestClient(sandbox).login();
        sandbox.market().setPreviousClose("006360", 34_150);
        sandbox.market().setPrice("006360", 34_950);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void basicInfoHasTheFieldsAndArithmeticOfTheRealResponse() {
        JsonNode real = Fixtures.load("ka10001/gs-engineering-after-close.json");

        Answer answer = client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "006360"));

        assertThat(Fixtures.fieldNames(answer.body())).isEqualTo(Fixtures.fieldNames(real));
        for (String field : new String[] {"stk_cd", "stk_nm", "fav", "cap", "flo_stk", "upl_pric", "lst_pric", "base_pric",
                "cur_prc", "pre_sig", "pred_pre", "flu_rt", "fav_unit", "setl_mm"}) {
            assertThat(answer.text(field)).as(field).isEqualTo(real.path(field).asText());
        }
        assertThat(answer.returnMessage()).isEqualTo("정상적으로 처리되었습니다");
    }

    @Test
    void pricesAtTheLowerLimitCarryTheLimitSign() {
        sandbox.market().setPrice("006360", 23_950);

        Answer answer = client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "006360"));

        assertThat(answer.text("cur_prc")).isEqualTo("-23950");
        assertThat(answer.text("pred_pre")).isEqualTo("-10200");
        assertThat(answer.text("flu_rt")).isEqualTo("-29.87");
        assertThat(answer.text("pre_sig")).isEqualTo("4");
    }

    @Test
    void venueSuffixesAreEchoed() {
        Answer info = client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "006360_AL"));
        Answer book = client.call("/api/dostk/mrkcond", "ka10004", body("stk_cd", "005930_NX"));

        assertThat(info.text("stk_cd")).isEqualTo("006360_AL");
        assertThat(info.text("cur_prc")).isEqualTo("+34950");
        assertThat(book.returnCode()).isZero();
    }

    @Test
    void orderBookUsesKiwoomsLevelNamesAndSignedPrices() {
        Answer answer = client.call("/api/dostk/mrkcond", "ka10004", body("stk_cd", "006360"));

        assertThat(answer.text("sel_fpr_bid")).isEqualTo("+34950");
        assertThat(answer.text("buy_fpr_bid")).isEqualTo("+34900");
        assertThat(answer.text("sel_2th_pre_bid")).isEqualTo("+35000");
        assertThat(answer.text("sel_10th_pre_bid")).isEqualTo("+35400");
        assertThat(answer.text("buy_10th_pre_bid")).isEqualTo("+34450");
        assertThat(answer.body().has("sel_1th_pre_bid")).isFalse();
        assertThat(answer.text("bid_req_base_tm")).isEqualTo("103000");
        assertThat(answer.text("sel_fpr_req")).matches("[0-9]+");
    }

    @Test
    void watchlistReturnsOneRowPerCodeWithTheRealRowFields() {
        JsonNode realRow = Fixtures.load("ka10095/gs-engineering-after-close.json").path("atn_stk_infr").get(0);

        Answer answer = client.call("/api/dostk/stkinfo", "ka10095", body("stk_cd", "006360|000660_NX|035420_AL"));

        JsonNode rows = answer.body().path("atn_stk_infr");
        assertThat(rows.size()).isEqualTo(3);
        assertThat(Fixtures.fieldNames(rows.get(0))).isEqualTo(Fixtures.fieldNames(realRow));
        assertThat(rows.get(0).path("cur_prc").asText()).isEqualTo("+34950");
        assertThat(rows.get(0).path("sel_bid").asText()).isEqualTo("+34950");
        assertThat(rows.get(0).path("buy_bid").asText()).isEqualTo("+34900");
        assertThat(rows.get(0).path("upl_pric").asText()).isEqualTo("+44350");
        assertThat(rows.get(1).path("stk_cd").asText()).isEqualTo("000660_NX");
        assertThat(rows.get(2).path("stk_cd").asText()).isEqualTo("035420_AL");
    }

    @Test
    void watchlistOfMoreThan100CodesGets1634() {
        String codes = IntStream.range(0, 101).mapToObj(i -> "005930").collect(Collectors.joining("|"));

        Answer answer = client.call("/api/dostk/stkinfo", "ka10095", body("stk_cd", codes));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.returnCode()).isEqualTo(5);
        assertThat(answer.returnMessage()).startsWith("허용된 요청 개수를 초과하였습니다[1634:");
    }

    @Test
    void unknownCodeGetsAnError() {
        Answer answer = client.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "999999"));

        assertThat(answer.returnCode()).isEqualTo(7);
        assertThat(answer.returnMessage()).contains("[1902:");
    }

    @Test
    void priceProcessStaysOnTheTickGridWithinTheLimitsAndIsRepeatable() {
        sandbox.market().step(300);
        try (Sandbox twin = Sandbox.start(SandboxSettings.of(SETTINGS), clock)) {
            twin.market().setPreviousClose("006360", 34_150);
            twin.market().setPrice("006360", 34_950);
            twin.market().step(300);
            for (String code : sandbox.market().codes()) {
                MarketSimulator.Quote q = sandbox.market().quote(code);
                assertThat(PriceGrid.onGrid(q.price())).as(code).isTrue();
                assertThat(q.price()).as(code).isBetween(q.lowerLimit(), q.upperLimit());
                assertThat(q.high()).isGreaterThanOrEqualTo(q.price());
                assertThat(q.low()).isLessThanOrEqualTo(q.price());
                assertThat(twin.market().quote(code).price()).as(code).isEqualTo(q.price());
                assertThat(twin.market().quote(code).volume()).as(code).isEqualTo(q.volume());
            }
        }
    }

    @Test
    void everyStepPushes0BAnd0DRowsInKiwoomFormat() {
        sink.rows.clear();

        sandbox.market().step();

        RecordingSink.Row trade = sink.ofType("0B").stream().filter(r -> r.item().equals("006360")).findFirst().orElseThrow();
        RecordingSink.Row book = sink.ofType("0D").stream().filter(r -> r.item().equals("006360")).findFirst().orElseThrow();
        Map<String, String> v = trade.values();
        assertThat(v.keySet()).contains("20", "10", "11", "12", "27", "28", "15", "13", "14", "16", "17", "18", "25",
                "228", "290", "1030", "1031", "620", "9081");
        long price = Math.abs(Long.parseLong(v.get("10")));
        assertThat(price - Long.parseLong(v.get("11"))).isEqualTo(34_150);
        assertThat(v.get("15")).matches("[+-][0-9]+");
        assertThat(v.get("20")).isEqualTo("103000");
        assertThat(v.get("290")).isEqualTo("2");
        assertThat(book.values().keySet()).contains("21", "41", "50", "51", "60", "61", "70", "71", "80", "121", "125");
        assertThat(Math.abs(Long.parseLong(book.values().get("41")))).isEqualTo(price);
        assertThat(sink.ofType("0B")).filteredOn(r -> sandbox.market().knows(r.item())).as("KRX rows, items without suffix")
                .hasSize(sandbox.market().codes().size());
    }
}
