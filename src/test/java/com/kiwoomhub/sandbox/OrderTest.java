package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.sandbox.RestTestClient.Answer;

/** kt10000-kt10003 and the account TRs after them (docs/kiwoom-protocol.md §7.3, §7.4, §9.7 00/04, §4.4). */
class OrderTest {

    private static final String ORDR = "/api/dostk/ordr";
    private static final String ACNT = "/api/dostk/acnt";

    private final MutableClock clock = MutableClock.fridayMorning();
    private final RecordingSink sink = new RecordingSink();
    private Sandbox sandbox;
    private RestTestClient client;

    @BeforeEach
    void start() {
        start(Map.of());
    }

    private void start(Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("tick-interval", "0", "rate-limit", "0", "seed", "3"));
        settings.putAll(more);
        sandbox = Sandbox.start(SandboxSettings.of(settings), clock).realtimeSink(sink);
        client = new RestTestClient(sandbox).login();
        MarketSimulator market = sandbox.market();
        market.setPreviousClose("005930", 70_000);
        market.setPrice("005930", 70_000);
        market.setLiquidity("005930", 100);
        sink.rows.clear();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void marketBuyFillsAtOnceAtTheBestAskAndPushes00And04() {
        Answer answer = order("kt10000", "10", "", "3");

        assertThat(answer.returnCode()).isZero();
        assertThat(answer.text("ord_no")).isEqualTo("0000001");
        assertThat(answer.text("dmst_stex_tp")).isEqualTo("KRX");
        assertThat(answer.returnMessage()).isEqualTo("매수주문이 완료되었습니다.");
        List<RecordingSink.Row> rows = List.copyOf(sink.rows);
        assertThat(rows).extracting(RecordingSink.Row::type).containsExactly("00", "00", "04");
        assertThat(rows).allSatisfy(r -> assertThat(r.appKey()).isEqualTo(SandboxSettings.DEMO.appKey()));
        Map<String, String> accepted = rows.get(0).values();
        assertThat(accepted).containsEntry("9201", "5012345601").containsEntry("9203", "0000001").containsEntry("9001", "005930")
                .containsEntry("913", "접수").containsEntry("302", "삼성전자").containsEntry("900", "10").containsEntry("901", "0")
                .containsEntry("902", "10").containsEntry("904", "0000000").containsEntry("905", "+매수")
                .containsEntry("906", "시장가").containsEntry("907", "2").containsEntry("908", "103000")
                .containsEntry("909", "").containsEntry("910", "").containsEntry("911", "").containsEntry("2135", "KRX");
        Map<String, String> filled = rows.get(1).values();
        assertThat(filled).containsEntry("913", "체결").containsEntry("909", "0000001").containsEntry("910", "70000")
                .containsEntry("911", "10").containsEntry("914", "70000").containsEntry("915", "10")
                .containsEntry("902", "0").containsEntry("903", "700000").containsEntry("938", "100");
        assertThat(rows.get(2).values()).containsEntry("9001", "005930").containsEntry("930", "10").containsEntry("931", "70000")
                .containsEntry("932", "700000").containsEntry("933", "10").containsEntry("307", "70000");
        assertThat(rows.get(1).item()).isEqualTo("005930");

        JsonNode deposit = client.call(ACNT, "kt00001", body("qry_tp", "3")).body();
        assertThat(deposit.path("entr").asText()).isEqualTo("000000100000000");
        assertThat(deposit.path("d2_entra").asText()).isEqualTo("000000099299900");
        assertThat(deposit.path("d2_slby_exct_amt").asText()).isEqualTo("-00000000700100");
        assertThat(deposit.path("ord_alow_amt").asText()).isEqualTo("000000099299900");
    }

    @Test
    void balanceAfterFillsHasPaddedValuesAndAPrefixedCodes() {
        order("kt10000", "10", "", "3");

        Answer balance = client.call(ACNT, "kt00018", body("qry_tp", "1", "dmst_stex_tp", "KRX"));

        JsonNode official = Fixtures.load("kt00018/official-example.json");
        assertThat(Fixtures.fieldNames(balance.body())).isEqualTo(Fixtures.fieldNames(official));
        JsonNode row = balance.body().path("acnt_evlt_remn_indv_tot").get(0);
        assertThat(Fixtures.fieldNames(row)).isEqualTo(Fixtures.fieldNames(official.path("acnt_evlt_remn_indv_tot").get(0)));
        assertThat(row.path("stk_cd").asText()).isEqualTo("A005930");
        assertThat(row.path("rmnd_qty").asText()).isEqualTo("000000000000010");
        assertThat(row.path("trde_able_qty").asText()).isEqualTo("000000000000010");
        assertThat(row.path("pur_pric").asText()).isEqualTo("000000000070000");
        assertThat(row.path("cur_prc").asText()).isEqualTo("000000070000");
        assertThat(row.path("pred_close_pric").asText()).isEqualTo("000000070000");
        assertThat(row.path("tdy_buyq").asText()).isEqualTo("000000000000010");
        assertThat(row.path("pur_amt").asText()).isEqualTo("000000000700000");
        assertThat(row.path("pur_cmsn").asText()).isEqualTo("000000000000100");
        assertThat(row.path("sell_cmsn").asText()).isEqualTo("000000000000100");
        assertThat(row.path("tax").asText()).isEqualTo("000000000001400");
        assertThat(row.path("evltv_prft").asText()).isEqualTo("-00000000001600");
        assertThat(row.path("prft_rt").asText()).isEqualTo("-0.23");
        assertThat(balance.text("tot_evlt_amt")).isEqualTo("000000000700000");
        assertThat(balance.text("prsm_dpst_aset_amt")).isEqualTo("000000099999900");
        assertThat(balance.returnMessage()).isEqualTo("조회가 완료되었습니다");
    }

    @Test
    void lossesArePaddedWithTheirSignOnKt00004AndKt00018() {
        sandbox.account().setHolding("005930", "삼성전자", 3, 124_500);

        JsonNode evaluation = client.call(ACNT, "kt00004", body("qry_tp", "0", "dmst_stex_tp", "KRX")).body();
        JsonNode balance = client.call(ACNT, "kt00018", body("qry_tp", "2", "dmst_stex_tp", "KRX")).body();

        JsonNode row = evaluation.path("stk_acnt_evlt_prst").get(0);
        assertThat(row.path("stk_cd").asText()).isEqualTo("A005930");
        assertThat(row.path("rmnd_qty").asText()).isEqualTo("000000000003");
        assertThat(row.path("avg_prc").asText()).isEqualTo("000000124500");
        assertThat(row.path("evlt_amt").asText()).isEqualTo("000000209550");
        assertThat(row.path("pl_amt").asText()).isEqualTo("-00000163950");
        assertThat(row.path("pl_rt").asText()).isEqualTo("-43.8956");
        assertThat(evaluation.path("entr").asText()).isEqualTo("000100000000");
        JsonNode position = balance.path("acnt_evlt_remn_indv_tot").get(0);
        assertThat(position.path("evltv_prft").asText()).isEqualTo("-00000000164000");
        assertThat(position.path("prft_rt").asText()).isEqualTo("-43.91");
        assertThat(balance.path("tot_evlt_pl").asText()).isEqualTo("-00000000164000");
    }

    @Test
    void bigOrderFillsPartiallyAcrossSteps() {
        String orderNumber = order("kt10000", "250", "", "3").text("ord_no");
        assertThat(openQuantity(orderNumber)).isEqualTo(150);

        sandbox.step();
        assertThat(openQuantity(orderNumber)).isEqualTo(50);
        sandbox.step();

        JsonNode open = client.call(ACNT, "ka10075", body("all_stk_tp", "0", "trde_tp", "0", "stex_tp", "0")).body().path("oso");
        JsonNode fills = client.call(ACNT, "ka10076", body("qry_tp", "0", "sell_tp", "0", "stex_tp", "0")).body().path("cntr");
        assertThat(open.size()).isZero();
        assertThat(fills.size()).isEqualTo(1);
        assertThat(fills.get(0).path("ord_no").asText()).isEqualTo(orderNumber);
        assertThat(fills.get(0).path("cntr_qty").asText()).isEqualTo("250");
        assertThat(fills.get(0).path("oso_qty").asText()).isEqualTo("0");
        assertThat(fills.get(0).path("io_tp_nm").asText()).isEqualTo("+매수");
        assertThat(sink.ofType("00")).filteredOn(r -> r.values().get("913").equals("체결")).hasSize(3)
                .extracting(r -> r.values().get("911")).containsExactly("100", "200", "250");
        assertThat(sandbox.account().holding("005930").orElseThrow().quantity()).isEqualTo(250);
    }

    @Test
    void limitOrderRestsUntilTheMarketCrossesIt() {
        String orderNumber = order("kt10000", "5", "69000", "0").text("ord_no");

        JsonNode open = client.call(ACNT, "ka10075", body("all_stk_tp", "1", "trde_tp", "2", "stk_cd", "005930", "stex_tp", "0"))
                .body().path("oso");
        assertThat(open.size()).isEqualTo(1);
        JsonNode row = open.get(0);
        assertThat(Fixtures.fieldNames(row)).containsAll(Fixtures.fieldNames(Fixtures.load("ka10075/official-example.json").path("oso").get(0)));
        assertThat(row.path("ord_no").asText()).isEqualTo(orderNumber);
        assertThat(row.path("ord_stt").asText()).isEqualTo("접수");
        assertThat(row.path("ord_pric").asText()).isEqualTo("69000");
        assertThat(row.path("oso_qty").asText()).isEqualTo("5");
        assertThat(row.path("orig_ord_no").asText()).isEqualTo("0000000");
        assertThat(row.path("trde_tp").asText()).isEqualTo("보통");
        assertThat(row.path("stk_cd").asText()).isEqualTo("005930");
        assertThat(row.path("stex_tp_txt").asText()).isEqualTo("KRX");

        sandbox.market().setPrice("005930", 69_000);

        assertThat(sandbox.account().order(orderNumber).orElseThrow().filledQuantity()).isEqualTo(5);
        assertThat(sink.ofType("00")).last().satisfies(r -> assertThat(r.values()).containsEntry("913", "체결")
                .containsEntry("910", "69000"));
        JsonNode fills = client.call(ACNT, "ka10076", body("qry_tp", "1", "stk_cd", "005930", "sell_tp", "2", "stex_tp", "1")).body();
        // the field table also lists stop_pric, which the official example omits
        assertThat(Fixtures.fieldNames(fills.path("cntr").get(0)))
                .containsAll(Fixtures.fieldNames(Fixtures.load("ka10076/official-example.json").path("cntr").get(0)));
        assertThat(fills.path("return_msg").asText()).isEqualTo(" 조회가 완료되었습니다.");
    }

    @Test
    void modifyAndCancelGetNewOrderNumbersAndKeepTheRoot() {
        String root = order("kt10000", "10", "69000", "0").text("ord_no");

        Answer modified = client.call(ORDR, "kt10002", body("dmst_stex_tp", "KRX", "orig_ord_no", root, "stk_cd", "005930",
                "mdfy_qty", "0", "mdfy_uv", "69500", "mdfy_cond_uv", ""));
        Answer cancelled = client.call(ORDR, "kt10003", body("dmst_stex_tp", "KRX", "orig_ord_no", modified.text("ord_no"),
                "stk_cd", "005930", "cncl_qty", "0"));

        assertThat(modified.returnCode()).isZero();
        assertThat(modified.text("ord_no")).isEqualTo("0000002");
        assertThat(modified.text("base_orig_ord_no")).isEqualTo("0000001");
        assertThat(modified.text("mdfy_qty")).isEqualTo("000000000010");
        assertThat(modified.text("dmst_stex_tp")).isEqualTo("KRX");
        assertThat(modified.returnMessage()).isEqualTo("매수정정 주문입력이 완료되었습니다");
        assertThat(cancelled.text("ord_no")).isEqualTo("0000003");
        assertThat(cancelled.text("base_orig_ord_no")).isEqualTo("0000001");
        assertThat(cancelled.text("cncl_qty")).isEqualTo("000000000010");
        assertThat(cancelled.returnMessage()).isEqualTo("매수취소 주문입력이 완료되었습니다");
        assertThat(sink.ofType("00")).extracting(r -> r.values().get("9203") + " " + r.values().get("913") + " "
                        + r.values().get("905") + " " + r.values().get("904") + " " + r.values().get("902"))
                .containsExactly("0000001 접수 +매수 0000000 10", "0000002 접수 매수정정 0000001 10",
                        "0000002 확인 매수정정 0000001 10", "0000003 접수 매수취소 0000002 10", "0000003 확인 매수취소 0000002 0");
        assertThat(client.call(ACNT, "ka10075", body("all_stk_tp", "0", "trde_tp", "0", "stex_tp", "0")).body().path("oso").size())
                .isZero();
    }

    @Test
    void refusedModifyOrCancelLeavesTheOrderAndTheNumbering() {
        String root = order("kt10000", "10", "69000", "0").text("ord_no");

        Answer offGrid = client.call(ORDR, "kt10002", body("dmst_stex_tp", "KRX", "orig_ord_no", root, "stk_cd", "005930",
                "mdfy_qty", "0", "mdfy_uv", "69050"));
        Answer tooMany = client.call(ORDR, "kt10003", body("dmst_stex_tp", "KRX", "orig_ord_no", root, "stk_cd", "005930",
                "cncl_qty", "11"));
        Answer unknown = client.call(ORDR, "kt10003", body("dmst_stex_tp", "KRX", "orig_ord_no", "0000099", "stk_cd", "005930",
                "cncl_qty", "0"));
        Answer missing = client.call(ORDR, "kt10003", body("dmst_stex_tp", "KRX", "orig_ord_no", root, "stk_cd", "005930"));
        Answer modified = client.call(ORDR, "kt10002", body("dmst_stex_tp", "KRX", "orig_ord_no", root, "stk_cd", "005930",
                "mdfy_qty", "4", "mdfy_uv", "69100"));

        assertThat(List.of(offGrid, tooMany, unknown)).allSatisfy(a -> {
            assertThat(a.returnCode()).isEqualTo(20);
            assertThat(a.returnMessage()).matches("\\[2000\\]\\([A-Z0-9]+:.+\\)");
            assertThat(a.body().has("ord_no")).isFalse();
        });
        assertThat(missing.returnMessage()).isEqualTo("입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=cncl_qty]");
        assertThat(modified.text("ord_no")).isEqualTo("0000002");
        assertThat(modified.text("mdfy_qty")).isEqualTo("000000000004");
        assertThat(openQuantity(root)).isEqualTo(6);
        assertThat(openQuantity("0000002")).isEqualTo(4);
    }

    @Test
    void partialCancelLeavesTheRestOpen() {
        String root = order("kt10000", "10", "69000", "0").text("ord_no");

        Answer cancelled = client.call(ORDR, "kt10003", body("dmst_stex_tp", "KRX", "orig_ord_no", root, "stk_cd", "005930",
                "cncl_qty", "4"));

        assertThat(cancelled.text("cncl_qty")).isEqualTo("000000000004");
        assertThat(openQuantity(root)).isEqualTo(6);
    }

    @Test
    void sellingMoreThanHeldIsRejectedWith800033AndNoOrderNumber() {
        Answer answer = order("kt10001", "1", "", "3");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.returnCode()).isEqualTo(20);
        assertThat(answer.returnMessage()).isEqualTo("[2000](800033:매도가능수량이 부족합니다. 0주 매도가능)");
        assertThat(answer.body().has("ord_no")).isFalse();
        assertThat(sink.ofType("00")).singleElement().satisfies(r -> assertThat(r.values())
                .containsEntry("913", "거부").containsEntry("919", "800033").containsEntry("9203", ""));
    }

    @Test
    void sellingAHoldingCreditsCashAfterCommissionAndTax() {
        sandbox.account().setHolding("005930", "삼성전자", 10, 65_000);

        Answer answer = order("kt10001", "4", "", "3");

        assertThat(answer.returnMessage()).isEqualTo("매도주문이 완료되었습니다.");
        long proceeds = 4 * 69_900L;
        long expectedCash = 100_000_000L + proceeds - 40 - proceeds * 20 / 10_000;
        assertThat(sandbox.account().cash()).isEqualTo(expectedCash);
        JsonNode row = client.call(ACNT, "kt00018", body("qry_tp", "1", "dmst_stex_tp", "KRX")).body()
                .path("acnt_evlt_remn_indv_tot").get(0);
        assertThat(row.path("rmnd_qty").asText()).isEqualTo("000000000000006");
        assertThat(row.path("trde_able_qty").asText()).isEqualTo("000000000000006");
        assertThat(row.path("tdy_sellq").asText()).isEqualTo("000000000000004");
        assertThat(sink.ofType("04")).last().satisfies(r -> assertThat(r.values()).containsEntry("930", "6")
                .containsEntry("946", "1"));
    }

    @Test
    void armedRejectionAndPriceRulesRefuseOrders() {
        sandbox.faults().rejectNextOrder("RC4007", "모의투자 매매제한 종목입니다.");

        Answer armed = order("kt10000", "1", "", "3");
        Answer offGrid = order("kt10000", "1", "70050", "0");
        Answer aboveLimit = order("kt10000", "1", "91100", "0");
        Answer noPrice = order("kt10000", "1", "", "0");

        assertThat(armed.returnMessage()).isEqualTo("[2000](RC4007:모의투자 매매제한 종목입니다.)");
        assertThat(offGrid.returnMessage()).isEqualTo("[2000](RC4003:호가단위 오류입니다.)");
        assertThat(aboveLimit.returnCode()).isEqualTo(20);
        assertThat(noPrice.returnMessage()).isEqualTo("입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=ord_uv]");
        assertThat(order("kt10000", "1", "", "3").text("ord_no")).isEqualTo("0000001");
    }

    @Test
    void fillOrKillWithoutEnoughSharesIsCancelledAndIocKeepsWhatFilled() {
        String fok = order("kt10000", "150", "", "23").text("ord_no");
        String ioc = order("kt10000", "150", "", "13").text("ord_no");

        assertThat(sandbox.account().order(fok).orElseThrow()).satisfies(o -> {
            assertThat(o.filledQuantity()).isZero();
            assertThat(o.status()).isEqualTo("취소");
        });
        assertThat(sandbox.account().order(ioc).orElseThrow()).satisfies(o -> {
            assertThat(o.filledQuantity()).isEqualTo(100);
            assertThat(o.remaining()).isZero();
        });
    }

    @Test
    void stopLimitWaitsForItsTriggerPrice() {
        String stop = client.call(ORDR, "kt10000", body("dmst_stex_tp", "KRX", "stk_cd", "005930", "ord_qty", "3",
                "ord_uv", "70600", "trde_tp", "28", "cond_uv", "70500")).text("ord_no");
        assertThat(sandbox.account().order(stop).orElseThrow().filledQuantity()).isZero();

        sandbox.market().setPrice("005930", 70_500);

        assertThat(sandbox.account().order(stop).orElseThrow().filledQuantity()).isEqualTo(3);
        assertThat(sink.ofType("00")).last().satisfies(r -> assertThat(r.values()).containsEntry("906", "스톱지정가")
                .containsEntry("910", "70500"));
    }

    @Test
    void priorityLimitRestsAtTheOwnBestPrice() {
        String order = order("kt10000", "2", "", "7").text("ord_no");
        assertThat(sandbox.account().order(order).orElseThrow().price()).isEqualTo(69_900);
        assertThat(sandbox.account().order(order).orElseThrow().filledQuantity()).isZero();

        sandbox.market().setPrice("005930", 69_900);

        assertThat(sandbox.account().order(order).orElseThrow().filledQuantity()).isEqualTo(2);
    }

    @Test
    void restingSellFillsWhenTheBidReachesIt() {
        sandbox.account().setHolding("005930", "삼성전자", 5, 60_000);
        String order = order("kt10001", "5", "71000", "0").text("ord_no");
        assertThat(sandbox.account().holding("005930").orElseThrow().sellableQuantity()).isZero();

        sandbox.market().setPrice("005930", 71_100);

        assertThat(sandbox.account().order(order).orElseThrow().filledQuantity()).isEqualTo(5);
        assertThat(sandbox.account().holding("005930")).isEmpty();
        assertThat(sink.ofType("00")).last().satisfies(r -> assertThat(r.values()).containsEntry("910", "71000")
                .containsEntry("905", "-매도").containsEntry("907", "1"));
    }

    @Test
    void orderNumbersStartAgainEachTradingDayAndAreNotReusedAfterARestartOnTheSameDay(@TempDir Path dir) {
        String numbers = dir.resolve("order-numbers").toString();
        sandbox.close();
        start(Map.of("order-numbers", numbers));
        assertThat(order("kt10000", "1", "", "3").text("ord_no")).isEqualTo("0000001");
        assertThat(order("kt10000", "1", "", "3").text("ord_no")).isEqualTo("0000002");

        sandbox.close();
        start(Map.of("order-numbers", numbers));
        assertThat(order("kt10000", "1", "", "3").text("ord_no")).as("after a restart on the same day").isEqualTo("0000003");

        clock.advance(Duration.ofDays(1));
        client.login();
        assertThat(order("kt10000", "1", "", "3").text("ord_no")).as("the next trading day").isEqualTo("0000001");
        sandbox.close();
        start(Map.of("order-numbers", numbers));
        assertThat(order("kt10000", "1", "", "3").text("ord_no")).isEqualTo("0000002");
    }

    private Answer order(String apiId, String quantity, String price, String tradeType) {
        return client.call(ORDR, apiId, body("dmst_stex_tp", "KRX", "stk_cd", "005930", "ord_qty", quantity, "ord_uv", price,
                "trde_tp", tradeType, "cond_uv", ""));
    }

    private long openQuantity(String orderNumber) {
        JsonNode open = client.call(ACNT, "ka10075", body("all_stk_tp", "0", "trde_tp", "0", "stex_tp", "0")).body().path("oso");
        for (JsonNode row : open) {
            if (row.path("ord_no").asText().equals(orderNumber)) {
                return row.path("oso_qty").asLong();
            }
        }
        return 0;
    }
}
