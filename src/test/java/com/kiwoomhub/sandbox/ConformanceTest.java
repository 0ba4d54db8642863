package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.sandbox.RestTestClient.Answer;

/**
 * Deviations from Kiwoom's format found by running Kiwoom's own example client against the sandbox,
 * each fixed and pinned here with exact values: kt00001's full field list, a moving asymmetric book,
 * 0D's mid-price FIDs and 215/216, and intraday charts asked for days past the retained ones.
 */
class ConformanceTest {

    private final MutableClock clock = MutableClock.fridayMorning();
    private final RecordingSink sink = new RecordingSink();
    private Sandbox sandbox;
    private RestTestClient client;

    private void start(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("tick-interval", "0", "rate-limit", "0", "seed", "3"));
        settings.putAll(extra);
        sandbox = Sandbox.start(SandboxSettings.of(settings), clock).realtimeSink(sink);
        client = new RestTestClient(sandbox).login();
        sandbox.market().setPreviousClose("005930", 70_000);
        sandbox.market().setPrice("005930", 70_500);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void depositDetailServesEveryFieldOfKiwoomsResponseInItsOrderAndPadding() {
        start(Map.of());
        sandbox.market().setPrice("005930", 70_000);
        sandbox.market().setLiquidity("005930", 100);
        assertThat(client.call("/api/dostk/ordr", "kt10000", body("dmst_stex_tp", "KRX", "stk_cd", "005930",
                "ord_qty", "10", "ord_uv", "", "trde_tp", "3", "cond_uv", "")).returnCode()).isZero();

        JsonNode deposit = client.call("/api/dostk/acnt", "kt00001", body("qry_tp", "3")).body();

        assertThat(names(deposit)).containsExactlyElementsOf(names(Fixtures.load("kt00001/every-field.json")));
        deposit.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual() && !f.getKey().equals("crd_grnt_rt") && !f.getKey().equals("return_msg")) {
                assertThat(f.getValue().asText()).as(f.getKey()).hasSize(15).matches("-?[0-9]+");
            }
        });
        assertThat(deposit.path("entr").asText()).isEqualTo("000000100000000");
        assertThat(deposit.path("ord_alow_amt").asText()).isEqualTo("000000099299900");
        assertThat(deposit.path("20stk_ord_alow_amt").asText()).isEqualTo("000000496499500");
        assertThat(deposit.path("30stk_ord_alow_amt").asText()).isEqualTo("000000330999666");
        assertThat(deposit.path("40stk_ord_alow_amt").asText()).isEqualTo("000000248249750");
        assertThat(deposit.path("50stk_ord_alow_amt").asText()).isEqualTo("000000198599800");
        assertThat(deposit.path("60stk_ord_alow_amt").asText()).isEqualTo("000000165499833");
        assertThat(deposit.path("100stk_ord_alow_amt").asText()).isEqualTo("000000099299900");
        assertThat(deposit.path("d2_buy_exct_amt").asText()).isEqualTo("000000000700100");
        assertThat(deposit.path("d2_sel_exct_amt").asText()).isEqualTo("000000000000000");
        assertThat(deposit.path("d2_slby_exct_amt").asText()).isEqualTo("-00000000700100");
        assertThat(deposit.path("d1_buy_exct_amt").asText()).isEqualTo("000000000000000");
        for (String none : List.of("ch_uncla", "ch_uncla_dlfe", "ch_uncla_tot", "crd_int_npay", "int_npay_amt_dlfe",
                "int_npay_amt_tot", "etc_loana", "etc_loana_dlfe", "etc_loan_tot", "nrpy_loan", "loan_sum", "ls_sum",
                "mdstrm_usfe", "min_ord_alow_yn", "loan_remn_evlt_amt", "dpst_grntl_remn", "sell_grntl_remn")) {
            assertThat(deposit.path(none).asText()).as(none).isEqualTo("000000000000000");
        }
        assertThat(deposit.path("crd_grnt_rt").asText()).isEqualTo("0.00");
    }

    @Test
    void theTouchMovesWithTheMarketDiffersBySideAndIsTheSameInEveryTr() {
        start(Map.of());
        List<String> touches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sink.rows.clear();
            sandbox.market().step();
            Map<String, String> row = sink.ofType("0D").stream().filter(r -> r.item().equals("005930")).findFirst()
                    .orElseThrow().values();
            Answer book = client.call("/api/dostk/mrkcond", "ka10004", body("stk_cd", "005930"));
            JsonNode watch = client.call("/api/dostk/stkinfo", "ka10095", body("stk_cd", "005930")).body()
                    .path("atn_stk_infr").get(0);
            assertThat(book.text("sel_fpr_req")).isEqualTo(row.get("61")).isEqualTo(watch.path("pri_sel_req").asText());
            assertThat(book.text("buy_fpr_req")).isEqualTo(row.get("71")).isEqualTo(watch.path("pri_buy_req").asText());
            touches.add(row.get("61") + "/" + row.get("71"));
        }
        assertThat(touches).as("asymmetric").anyMatch(t -> !t.split("/")[0].equals(t.split("/")[1]));
        assertThat(touches.stream().distinct().count()).as("moving").isGreaterThan(3);

        Sandbox twin = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "rate-limit", "0", "seed", "3")), clock);
        try {
            twin.market().setPreviousClose("005930", 70_000);
            twin.market().setPrice("005930", 70_500);
            List<String> again = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                twin.market().step();
                MarketSimulator.OrderBook b = twin.market().book("005930");
                again.add(b.asks().get(0).quantity() + "/" + b.bids().get(0).quantity());
            }
            assertThat(again).as("the same seed gives the same book").isEqualTo(touches);
        } finally {
            twin.close();
        }
    }

    @Test
    void orderBookRowsCarryTheMidPriceFidsAndTheMarketPhase() {
        start(Map.of());
        sink.rows.clear();
        sandbox.market().setPrice("005930", 70_500);

        Map<String, String> krx = row("005930");
        Map<String, String> nxt = row("005930_NX");
        Map<String, String> sor = row("005930_AL");
        assertThat(krx).containsEntry("6102", "+70450").containsEntry("6110", "+450").containsEntry("6111", "2")
                .containsEntry("6112", "+0.64").containsEntry("6100", "0").containsEntry("6101", "0")
                .containsEntry("6103", "0").containsEntry("6104", "0")
                .containsEntry("6107", "0").containsEntry("6113", "0").containsEntry("6114", "3").containsEntry("6115", "0.00");
        assertThat(nxt).containsEntry("6102", "0").containsEntry("6107", "+70450").containsEntry("6113", "+450")
                .containsEntry("6114", "2").containsEntry("6115", "+0.64");
        assertThat(sor).containsEntry("6102", "+70450").containsEntry("6107", "+70450");
        for (Map<String, String> row : List.of(krx, nxt, sor)) {
            for (int fid = 6100; fid <= 6115; fid++) {
                assertThat(row).containsKey(Integer.toString(fid));
            }
            assertThat(row).containsEntry("215", "3").containsEntry("216", "0");
        }
    }

    @Test
    void marketPhaseIn0dFollowsTheKrxDayWhenTheMarketIsNotAlwaysOpen() {
        start(Map.of("always-open", "false"));
        sink.rows.clear();
        sandbox.market().setPrice("005930", 70_600);
        assertThat(row("005930")).containsEntry("215", "3");

        clock.set(Instant.parse("2026-11-20T06:25:00Z"));
        sink.rows.clear();
        sandbox.market().setPrice("005930", 70_500);
        assertThat(row("005930")).as("15:25 KST, closing auction").containsEntry("215", "2");
    }

    @Test
    void anIntradayChartPastTheRetainedDaysGetsKiwoomsEmptyRow() {
        start(Map.of());

        Answer minutes = client.call("/api/dostk/chart", "ka10080",
                body("stk_cd", "005930", "tic_scope", "1", "upd_stkpc_tp", "1", "base_dt", "20250102"));
        Answer ticks = client.call("/api/dostk/chart", "ka10079",
                body("stk_cd", "005930", "tic_scope", "1", "upd_stkpc_tp", "1", "base_dt", "20250102"));

        assertThat(minutes.returnCode()).isZero();
        assertThat(minutes.contYn()).isEqualTo("N");
        assertThat(minutes.body().path("stk_min_pole_chart_qry").toString()).isEqualTo(
                "[{\"cur_prc\":\"\",\"trde_qty\":\"\",\"cntr_tm\":\"\",\"open_pric\":\"\",\"high_pric\":\"\","
                        + "\"low_pric\":\"\",\"acc_trde_qty\":\"\",\"pred_pre\":\"\",\"pred_pre_sig\":\"\"}]");
        assertThat(ticks.contYn()).isEqualTo("N");
        assertThat(ticks.body().path("stk_tic_chart_qry")).hasSize(1);
        assertThat(ticks.body().path("stk_tic_chart_qry").get(0).path("cntr_tm").asText()).isEmpty();
    }

    @Test
    void anIntradayChartPastTheRetainedDaysCanAnswerWithNoRows() {
        start(Map.of("past-history", "empty"));

        Answer minutes = client.call("/api/dostk/chart", "ka10080",
                body("stk_cd", "005930", "tic_scope", "1", "upd_stkpc_tp", "1", "base_dt", "20250102"));

        assertThat(minutes.contYn()).isEqualTo("N");
        assertThat(minutes.body().path("stk_min_pole_chart_qry").toString()).isEqualTo("[]");
    }

    private Map<String, String> row(String item) {
        return sink.ofType("0D").stream().filter(r -> r.item().equals(item)).reduce((a, b) -> b).orElseThrow().values();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
