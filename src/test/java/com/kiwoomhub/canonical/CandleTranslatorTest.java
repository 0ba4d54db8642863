package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CandleTranslatorTest {

    @Test
    void minuteBarsTakeAbsolutePricesAndOnlyTheNewestIsStillForming() {
        List<Candle> bars = CandleTranslator.translate(KiwoomFixtures.load("ka10080/samsung-1m-during-session.json"),
                "005930", CandleInterval.MINUTE_1, true, false);

        assertThat(bars).containsExactly(
                new Candle("005930", Venue.KRX, CandleInterval.MINUTE_1, OffsetDateTime.parse("2025-09-17T13:20:00+09:00"),
                        78850, 78900, 78800, 78800, 7913, null, true, false, "ka10080"),
                new Candle("005930", Venue.KRX, CandleInterval.MINUTE_1, OffsetDateTime.parse("2025-09-17T13:19:00+09:00"),
                        78900, 78900, 78800, 78850, 12031, null, true, true, "ka10080"),
                new Candle("005930", Venue.KRX, CandleInterval.MINUTE_1, OffsetDateTime.parse("2025-09-17T13:18:00+09:00"),
                        79500, 79600, 79400, 79400, 20500, null, true, true, "ka10080"));
        CanonicalSchemas.assertAllValid(bars);
    }

    @Test
    void closedSeriesMarksEveryBarFinal() {
        List<Candle> bars = CandleTranslator.translate(KiwoomFixtures.load("ka10080/samsung-1m-during-session.json"),
                "005930", CandleInterval.MINUTE_1, true, true);

        assertThat(bars).allMatch(Candle::finalBar);
    }

    @Test
    void tickBarsTakeTheVenueFromTheRequestedCode() {
        List<Candle> bars = CandleTranslator.translate(KiwoomFixtures.load("ka10079/samsung-1t-nxt.json"),
                "005930_NX", CandleInterval.TICK_1, false, true);

        assertThat(bars.get(0)).isEqualTo(new Candle("005930", Venue.NXT, CandleInterval.TICK_1,
                OffsetDateTime.parse("2025-09-17T13:19:39+09:00"), 78900, 78900, 78900, 78900, 143, null, false, true,
                "ka10079"));
        assertThat(bars.get(0).topicKey()).isEqualTo("005930:1t");
        CanonicalSchemas.assertAllValid(bars);
    }

    @Test
    void dailyTurnoverIsConvertedFromMillionsOfWon() {
        List<Candle> bars = CandleTranslator.translate(KiwoomFixtures.load("ka10081/samsung-daily-adjusted.json"),
                "005930", CandleInterval.DAY, true, false);

        assertThat(bars.get(0)).isEqualTo(new Candle("005930", Venue.KRX, CandleInterval.DAY,
                OffsetDateTime.parse("2025-09-08T00:00:00+09:00"), 69800, 70500, 69600, 70100, 9263135,
                648_525_000_000L, true, false, "ka10081"));
        assertThat(bars.get(1).start()).isEqualTo(OffsetDateTime.parse("2025-09-05T00:00:00+09:00"));
        assertThat(bars.get(1).turnover()).isEqualTo(763_911_000_000L);
        assertThat(bars.get(1).finalBar()).isTrue();
        CanonicalSchemas.assertAllValid(bars);
    }

    @Test
    void weeklyMonthlyAndYearlyTurnoverIsAlreadyInWon() {
        Candle week = CandleTranslator.translate(KiwoomFixtures.load("ka10082/samsung-weekly.json"),
                "005930", CandleInterval.WEEK, true, true).get(0);
        Candle month = CandleTranslator.translate(KiwoomFixtures.load("ka10083/samsung-monthly.json"),
                "005930", CandleInterval.MONTH, true, true).get(0);
        Candle year = CandleTranslator.translate(KiwoomFixtures.load("ka10094/samsung-yearly.json"),
                "005930", CandleInterval.YEAR, true, true).get(0);

        assertThat(week.turnover()).isEqualTo(3_922_030_535_087L);
        assertThat(week.start()).isEqualTo(OffsetDateTime.parse("2025-09-01T00:00:00+09:00"));
        assertThat(month.turnover()).isEqualTo(15_774_571_011_618L);
        assertThat(month.topicKey()).isEqualTo("005930:1M");
        assertThat(year).isEqualTo(new Candle("005930", Venue.KRX, CandleInterval.YEAR,
                OffsetDateTime.parse("2025-01-02T00:00:00+09:00"), 65100, 118800, 34900, 78200, 10_541_142_553L,
                698_972_287_992_549L, true, true, "ka10094"));
        CanonicalSchemas.assertAllValid(List.of(week, month, year));
    }

    @Test
    void theEmptyRowPastRetainedHistoryIsNoBar() {
        var response = KiwoomFixtures.load("ka10081/samsung-daily-adjusted.json");
        ((ArrayNode) response.get("stk_dt_pole_chart_qry")).addObject().put("cur_prc", "").put("trde_qty", "")
                .put("trde_prica", "").put("dt", "").put("open_pric", "").put("high_pric", "").put("low_pric", "");

        assertThat(CandleTranslator.translate(response, "005930", CandleInterval.DAY, true, true)).hasSize(2);
    }

    @Test
    void eachIntervalNamesItsTrAndTicScope() {
        assertThat(CandleInterval.ofCode("30t").tr()).isEqualTo(ChartTr.KA10079);
        assertThat(CandleInterval.ofCode("30t").ticScope()).isEqualTo("30");
        assertThat(CandleInterval.ofCode("45m").tr()).isEqualTo(ChartTr.KA10080);
        assertThat(CandleInterval.ofCode("45m").ticScope()).isEqualTo("45");
        assertThat(CandleInterval.ofCode("1M")).isEqualTo(CandleInterval.MONTH);
        assertThat(CandleInterval.ofCode("1m")).isEqualTo(CandleInterval.MINUTE_1);
        assertThat(CandleInterval.YEAR.ticScope()).isNull();
    }

    @Test
    void aRepolledBarHasTheSameIdAndAMovedFormingBarANewOne() {
        var response = KiwoomFixtures.load("ka10080/samsung-1m-during-session.json");
        Candle first = CandleTranslator.translate(response, "005930", CandleInterval.MINUTE_1, true, false).get(0);
        Candle again = CandleTranslator.translate(response, "005930", CandleInterval.MINUTE_1, true, false).get(0);
        ((ObjectNode) response.get("stk_min_pole_chart_qry").get(0))
                .put("trde_qty", "8000");
        Candle moved = CandleTranslator.translate(response, "005930", CandleInterval.MINUTE_1, true, false).get(0);

        assertThat(CloudEvent.idOf("kiwoom.candle.v1", again)).isEqualTo(CloudEvent.idOf("kiwoom.candle.v1", first));
        assertThat(CloudEvent.idOf("kiwoom.candle.v1", moved)).isNotEqualTo(CloudEvent.idOf("kiwoom.candle.v1", first));
    }
}
