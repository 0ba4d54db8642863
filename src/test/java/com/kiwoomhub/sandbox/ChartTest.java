package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.sandbox.RestTestClient.Answer;

/** The chart TRs (docs/kiwoom-protocol.md §7.2): list keys, fields, signs, units and cont-yn/next-key paging. */
class ChartTest {

    private static final String CHART = "/api/dostk/chart";
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private static final MutableClock clock = MutableClock.fridayMorning();
    private static Sandbox sandbox;
    private static RestTestClient client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "rate-limit", "0", "seed", "11")), clock);
        client = new RestTestClient(sandbox).login();
        sandbox.market().setPreviousClose("005930", 70_000);
        sandbox.market().setPrice("005930", 70_500);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void dailyChartPagesNewestFirstWithoutGapsOrDuplicates() {
        Map<String, String> request = body("stk_cd", "005930", "base_dt", "20261120", "upd_stkpc_tp", "1");
        List<Answer> pages = pages("ka10081", request);
        List<JsonNode> rows = rows(pages, "stk_dt_pole_chart_qry");

        assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
        assertThat(pages.subList(0, 3)).allSatisfy(p -> {
            assertThat(p.contYn()).isEqualTo("Y");
            assertThat(p.nextKey()).isNotBlank().hasSizeLessThanOrEqualTo(50);
            assertThat(p.body().path("stk_dt_pole_chart_qry").size()).isEqualTo(600);
            assertThat(p.text("stk_cd")).isEqualTo("005930");
        });
        assertThat(pages.get(pages.size() - 1).contYn()).isEqualTo("N");
        assertThat(rows).hasSize(2_001);
        assertThat(rows.get(0).path("dt").asText()).isEqualTo("20261120");
        assertThat(rows.get(0).path("cur_prc").asText()).isEqualTo("70500");
        assertThat(rows.get(0).path("pred_pre").asText()).isEqualTo("+500");
        assertThat(rows.get(1).path("dt").asText()).isEqualTo("20261119");
        assertThat(rows.get(1).path("cur_prc").asText()).isEqualTo("70000");
        for (int i = 0; i + 1 < rows.size(); i++) {
            JsonNode newer = rows.get(i);
            JsonNode older = rows.get(i + 1);
            assertThat(LocalDate.parse(older.path("dt").asText(), YYYYMMDD))
                    .isEqualTo(previousWeekday(LocalDate.parse(newer.path("dt").asText(), YYYYMMDD)));
            assertThat(older.path("cur_prc").asLong() + newer.path("pred_pre").asLong()).isEqualTo(newer.path("cur_prc").asLong());
            assertThat(newer.path("cur_prc").asText()).matches("[0-9]+");
            assertThat(newer.path("high_pric").asLong()).isGreaterThanOrEqualTo(newer.path("low_pric").asLong());
        }
        assertThat(Fixtures.fieldNames(rows.get(5))).isEqualTo(Fixtures.fieldNames(Fixtures.load("ka10081/official-row.json")));
    }

    @Test
    void dailyTurnoverIsInMillionsOfWon() {
        JsonNode row = rows(pages("ka10081", body("stk_cd", "005930", "base_dt", "20261118", "upd_stkpc_tp", "1")),
                "stk_dt_pole_chart_qry").get(0);

        long volume = row.path("trde_qty").asLong();
        assertThat(row.path("dt").asText()).isEqualTo("20261118");
        assertThat(row.path("trde_prica").asLong())
                .isBetween(row.path("low_pric").asLong() * volume / 1_000_000 - 1, row.path("high_pric").asLong() * volume / 1_000_000 + 1);
    }

    @Test
    void minuteChartPagesThrough900RowBarsWithSignedPricesConsistentWithTheDay() {
        List<Answer> pages = new ArrayList<>();
        Map<String, String> request = body("stk_cd", "005930", "tic_scope", "1", "upd_stkpc_tp", "1", "base_dt", "20261119");
        Answer page = client.call(CHART, "ka10080", request);
        pages.add(page);
        while (pages.size() < 3) {
            page = client.next(CHART, "ka10080", request, page);
            pages.add(page);
        }
        List<JsonNode> rows = rows(pages, "stk_min_pole_chart_qry");

        assertThat(pages).allSatisfy(p -> assertThat(p.contYn()).isEqualTo("Y"));
        assertThat(rows).hasSize(2_700);
        assertThat(rows.get(0).path("cntr_tm").asText()).isEqualTo("20261119153000");
        assertThat(rows.get(1).path("cntr_tm").asText()).isEqualTo("20261119151900");
        for (int i = 0; i + 1 < rows.size(); i++) {
            assertThat(rows.get(i).path("cntr_tm").asText()).isGreaterThan(rows.get(i + 1).path("cntr_tm").asText());
        }
        JsonNode day = rows(pages("ka10081", body("stk_cd", "005930", "base_dt", "20261119", "upd_stkpc_tp", "1")),
                "stk_dt_pole_chart_qry").get(0);
        long dayVolume = rows.stream().filter(r -> r.path("cntr_tm").asText().startsWith("20261119"))
                .mapToLong(r -> r.path("trde_qty").asLong()).sum();
        assertThat(dayVolume).isEqualTo(day.path("trde_qty").asLong());
        assertThat(rows.get(0).path("acc_trde_qty").asLong()).isEqualTo(dayVolume);
        assertThat(Math.abs(rows.get(0).path("cur_prc").asLong())).isEqualTo(day.path("cur_prc").asLong());
        long previousClose = day.path("cur_prc").asLong() - day.path("pred_pre").asLong();
        for (JsonNode row : rows.subList(0, 381)) {
            long close = Math.abs(row.path("cur_prc").asLong());
            String expectedSign = close > previousClose ? "+" : close < previousClose ? "-" : "";
            assertThat(row.path("cur_prc").asText()).isEqualTo(expectedSign + close);
        }
        assertThat(Fixtures.fieldNames(rows.get(3))).isEqualTo(Fixtures.fieldNames(Fixtures.load("ka10080/official-row.json")));
    }

    @Test
    void minuteBarsAggregateByTicScope() {
        Answer answer = client.call(CHART, "ka10080", body("stk_cd", "005930", "tic_scope", "30", "upd_stkpc_tp", "0",
                "base_dt", "20261119"));

        JsonNode rows = answer.body().path("stk_min_pole_chart_qry");
        assertThat(rows.get(0).path("cntr_tm").asText()).isEqualTo("20261119153000");
        assertThat(rows.get(1).path("cntr_tm").asText()).isEqualTo("20261119150000");
        assertThat(rows.get(2).path("cntr_tm").asText()).isEqualTo("20261119143000");
    }

    @Test
    void tickChartPagesNewestFirst() {
        Map<String, String> request = body("stk_cd", "005930_AL", "tic_scope", "1", "upd_stkpc_tp", "1", "base_dt", "20261119");
        Answer first = client.call(CHART, "ka10079", request);
        Answer second = client.next(CHART, "ka10079", request, first);

        JsonNode rows = first.body().path("stk_tic_chart_qry");
        assertThat(first.text("stk_cd")).isEqualTo("005930_AL");
        assertThat(first.text("last_tic_cnt")).isEqualTo("1");
        assertThat(rows.size()).isEqualTo(900);
        assertThat(first.contYn()).isEqualTo("Y");
        assertThat(rows.get(0).path("cntr_tm").asText()).isEqualTo("20261119153000");
        assertThat(Fixtures.fieldNames(rows.get(0))).containsExactlyInAnyOrder("cur_prc", "trde_qty", "cntr_tm", "open_pric",
                "high_pric", "low_pric", "pred_pre", "pred_pre_sig");
        String lastOfFirst = rows.get(899).path("cntr_tm").asText();
        assertThat(second.body().path("stk_tic_chart_qry").get(0).path("cntr_tm").asText()).isLessThanOrEqualTo(lastOfFirst);
    }

    @Test
    void weekMonthAndYearChartsUseTheirListKeysFieldsAndWonTurnover() {
        Answer week = client.call(CHART, "ka10082", body("stk_cd", "005930", "base_dt", "20261120", "upd_stkpc_tp", "1"));
        Answer month = client.call(CHART, "ka10083", body("stk_cd", "005930", "base_dt", "20261120", "upd_stkpc_tp", "1"));
        Answer year = client.call(CHART, "ka10094", body("stk_cd", "005930", "base_dt", "20261120", "upd_stkpc_tp", "1"));

        JsonNode lastWeek = week.body().path("stk_stk_pole_chart_qry").get(1);
        assertThat(lastWeek.path("dt").asText()).isEqualTo("20261109");
        assertThat(Fixtures.fieldNames(lastWeek)).hasSize(10);
        assertThat(lastWeek.path("trde_prica").asLong())
                .isBetween(lastWeek.path("low_pric").asLong() * lastWeek.path("trde_qty").asLong(),
                        lastWeek.path("high_pric").asLong() * lastWeek.path("trde_qty").asLong());
        assertThat(month.body().path("stk_mth_pole_chart_qry").get(0).path("dt").asText()).isEqualTo("20261102");
        JsonNode thisYear = year.body().path("stk_yr_pole_chart_qry").get(0);
        assertThat(thisYear.path("dt").asText()).isEqualTo("20260101");
        assertThat(Fixtures.fieldNames(thisYear)).containsExactlyInAnyOrder("cur_prc", "trde_qty", "trde_prica", "dt",
                "open_pric", "high_pric", "low_pric");
    }

    @Test
    void chartInputErrors() {
        Answer noBaseDate = client.call(CHART, "ka10081", body("stk_cd", "005930", "upd_stkpc_tp", "1"));
        Answer badScope = client.call(CHART, "ka10080", body("stk_cd", "005930", "tic_scope", "2", "upd_stkpc_tp", "1"));

        assertThat(noBaseDate.returnMessage())
                .isEqualTo("입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=base_dt]");
        assertThat(badScope.returnCode()).isEqualTo(2);
        assertThat(badScope.returnMessage()).contains("[1517:").contains("tic_scope");
    }

    private static List<Answer> pages(String apiId, Map<String, String> request) {
        List<Answer> pages = new ArrayList<>();
        Answer page = client.call(CHART, apiId, request);
        pages.add(page);
        while ("Y".equals(page.contYn())) {
            page = client.next(CHART, apiId, request, page);
            pages.add(page);
        }
        return pages;
    }

    private static List<JsonNode> rows(List<Answer> pages, String listKey) {
        List<JsonNode> rows = new ArrayList<>();
        pages.forEach(p -> p.body().path(listKey).forEach(rows::add));
        return rows;
    }

    private static LocalDate previousWeekday(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }
}
