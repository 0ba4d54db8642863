package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.kiwoomhub.sandbox.RestTestClient.Answer;

/**
 * The market-wide rows in Kiwoom's formats: 0J and ka20001 for the simulated KOSPI (001) and KOSDAQ
 * (101), 1h when a large move triggers a VI and when it ends, 0H during call auctions and VIs, 0w
 * after every trade. A small universe makes every value computable by hand.
 */
class MarketBreadthTest {

    private final MutableClock clock = MutableClock.fridayMorning();
    private final RecordingSink sink = new RecordingSink();
    private Sandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void ka20001IsTheCapWeightedMoveOfTheMarketsStocksWithDirectionSignedDecimals() {
        start(true);
        // in steps below the 3 % dynamic VI of KOSPI
        sandbox.market().setPrice("900001", 10_250);
        sandbox.market().setPrice("900001", 10_500);
        sandbox.market().setPrice("900002", 49_500);

        Answer answer = new RestTestClient(sandbox).login().call("/api/dostk/sect", "ka20001",
                body("mrkt_tp", "0", "inds_cd", "001"));

        // 2650 × (10,500×1,000 + 49,500×3,000) / (10,000×1,000 + 50,000×3,000) = 2633.4375
        assertThat(answer.text("cur_prc")).isEqualTo("-2633.44");
        assertThat(answer.text("pred_pre_sig")).isEqualTo("5");
        assertThat(answer.text("pred_pre")).isEqualTo("-16.56");
        assertThat(answer.text("flu_rt")).isEqualTo("-0.62");
        assertThat(answer.text("open_pric")).isEqualTo("2650.00");
        assertThat(answer.text("high_pric")).isEqualTo("+2658.28");
        assertThat(answer.text("low_pric")).isEqualTo("-2625.16");
        assertThat(answer.text("trde_qty")).isEqualTo("0");
        assertThat(answer.text("trde_prica")).isEqualTo("0");
        assertThat(answer.text("rising")).isEqualTo("1");
        assertThat(answer.text("fall")).isEqualTo("1");
        assertThat(answer.text("stdns")).isEqualTo("0");
        assertThat(answer.body().path("inds_cur_prc_tm").get(0).path("tm_n").asText()).isEqualTo("103000");
        assertThat(answer.body().path("inds_cur_prc_tm").get(0).path("cur_prc_n").asText()).isEqualTo("-2633.44");
        assertThat(new RestTestClient(sandbox).login().call("/api/dostk/sect", "ka20001",
                body("mrkt_tp", "1", "inds_cd", "101")).text("cur_prc")).isEqualTo("850.00");
    }

    @Test
    void everyStepPushes0JForBothIndicesEqualToKa20001AtThatMoment() {
        start(true);
        sandbox.market().step(3);

        Map<String, String> kospi = last("0J", "001");
        Answer answer = new RestTestClient(sandbox).login().call("/api/dostk/sect", "ka20001",
                body("mrkt_tp", "0", "inds_cd", "001"));
        assertThat(kospi.get("20")).isEqualTo("103000");
        assertThat(kospi.get("10")).isEqualTo(answer.text("cur_prc")).isEqualTo(signedPoints(expectedKospi()));
        assertThat(kospi.get("11")).isEqualTo(answer.text("pred_pre"));
        assertThat(kospi.get("12")).isEqualTo(answer.text("flu_rt"));
        assertThat(kospi.get("13")).isEqualTo(answer.text("trde_qty"))
                .isEqualTo(Long.toString((quote("900001").volume() + quote("900002").volume()) / 1_000));
        assertThat(kospi.get("14")).isEqualTo(answer.text("trde_prica"))
                .isEqualTo(Long.toString((quote("900001").turnover() + quote("900002").turnover()) / 1_000_000));
        assertThat(kospi.get("16") + kospi.get("17") + kospi.get("18"))
                .isEqualTo(answer.text("open_pric") + answer.text("high_pric") + answer.text("low_pric"));
        assertThat(kospi.keySet()).containsExactly("20", "10", "11", "12", "15", "13", "14", "16", "17", "18", "25", "26");
        assertThat(sink.ofType("0J")).extracting(RecordingSink.Row::item).containsExactly("001", "101", "001", "101",
                "001", "101");
    }

    @Test
    void aStaticViTriggersAtTenPercentAndIsReleasedTwoMinutesLater() {
        start(true);
        sandbox.market().setPrice("900003", 21_000);
        assertThat(sink.ofType("1h")).isEmpty();

        sandbox.market().setPrice("900003", 22_000);

        Map<String, String> triggered = new LinkedHashMap<>();
        triggered.putAll(Map.of("9001", "900003", "302", "코스닥하나", "13", "0", "14", "0", "9068", "1",
                "9008", "101", "9075", "", "1221", "22000", "1223", "103000", "1224", "103200"));
        triggered.putAll(Map.of("1225", "정적", "1236", "20000", "1237", "", "1238", "+10.00", "1239", "",
                "1489", "+10.00", "1490", "1", "9069", "1", "1279", ""));
        assertThat(sink.ofType("1h")).hasSize(1);
        assertThat(sink.ofType("1h").get(0).item()).isEmpty();
        assertThat(sink.ofType("1h").get(0).values()).isEqualTo(triggered);
        // the VI's auction shows its expected price
        assertThat(last("0H", "900003")).isEqualTo(Map.of("20", "103000", "10", "+22000", "11", "+2000", "12", "+10.00",
                "15", "+10", "13", "0", "25", "2"));

        sandbox.market().pause();
        clock.advance(Duration.ofSeconds(119));
        sandbox.market().tick();
        assertThat(sink.ofType("1h")).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        sandbox.market().tick();

        Map<String, String> released = new HashMap<>(triggered);
        released.put("9068", "2");
        assertThat(sink.ofType("1h")).hasSize(2);
        assertThat(sink.ofType("1h").get(1).values()).isEqualTo(released);
        assertThat(sandbox.market().vi("900003").orElseThrow().active()).isFalse();
    }

    @Test
    void aDynamicViTriggersOnOneMoveOfThreePercentOnKospi() {
        start(true);
        sandbox.market().setPrice("900001", 10_300);

        Map<String, String> vi = sink.ofType("1h").get(0).values();
        assertThat(vi.get("1225")).isEqualTo("동적");
        assertThat(vi.get("1236") + "|" + vi.get("1237") + "|" + vi.get("1238") + "|" + vi.get("1239"))
                .isEqualTo("|10000||+3.00");
        assertThat(vi.get("9008")).isEqualTo("001");
    }

    @Test
    void programTradingIsThirtyPercentOfEachKrxTradeOnItsSideWithAmountsInMillions() {
        start(true);
        sandbox.market().step(40);

        long buyQuantity = 0;
        long sellQuantity = 0;
        long buyAmount = 0;
        long sellAmount = 0;
        for (RecordingSink.Row trade : sink.ofType("0B")) {
            if (trade.item().equals("900002")) {
                long size = Long.parseLong(trade.values().get("15"));
                long program = Math.abs(size) * 30 / 100;
                long price = Math.abs(Long.parseLong(trade.values().get("10")));
                if (size > 0) {
                    buyQuantity += program;
                    buyAmount += program * price;
                } else {
                    sellQuantity += program;
                    sellAmount += program * price;
                }
            }
        }
        Map<String, String> row = last("0w", "900002");
        assertThat(row.get("202")).isEqualTo(Long.toString(sellQuantity));
        assertThat(row.get("204")).isEqualTo(Long.toString(sellAmount / 1_000_000));
        assertThat(row.get("206")).isEqualTo(Long.toString(buyQuantity));
        assertThat(row.get("208")).isEqualTo(Long.toString(buyAmount / 1_000_000));
        assertThat(row.get("210")).isEqualTo(signed(buyQuantity - sellQuantity));
        assertThat(row.get("212")).isEqualTo(signed(buyAmount / 1_000_000 - sellAmount / 1_000_000));
        assertThat(row.get("13")).isEqualTo(Long.toString(quote("900002").volume()));
        assertThat(sandbox.market().program("900002"))
                .isEqualTo(new MarketBreadth.ProgramTally("900002", sellQuantity, sellAmount, buyQuantity, buyAmount));
        assertThat(row.keySet()).containsExactly("20", "10", "25", "11", "12", "13", "202", "204", "206", "208", "210",
                "211", "212", "213", "214", "215", "216");
    }

    @Test
    void theCallAuctionsPushExpectedPricesForEverySymbolAndContinuousTradingDoesNot() {
        // Thursday 08:45 KST: the pre-open auction
        clock.set(Instant.parse("2026-11-18T23:45:00Z"));
        start(false);
        sandbox.market().tick();

        assertThat(sink.ofType("0H")).extracting(RecordingSink.Row::item).containsExactly("900001", "900002", "900003");
        assertThat(last("0H", "900002")).isEqualTo(Map.of("20", "084500", "10", "50000", "11", "0", "12", "0.00",
                "15", "+10", "13", "0", "25", "3"));

        clock.set(Instant.parse("2026-11-19T01:00:00Z"));
        sandbox.market().tick();
        assertThat(sink.ofType("0H")).hasSize(3);
        clock.set(Instant.parse("2026-11-19T06:25:00Z"));
        sandbox.market().tick();
        assertThat(sink.ofType("0H")).hasSize(6);
    }

    private void start(boolean alwaysOpen) {
        Map<String, String> settings = new HashMap<>(Map.of("tick-interval", "0", "rate-limit", "0", "seed", "7",
                "always-open", Boolean.toString(alwaysOpen)));
        symbol(settings, 0, "900001", "코스피하나", "KOSPI", 10_000, 1_000);
        symbol(settings, 1, "900002", "코스피둘", "KOSPI", 50_000, 3_000);
        symbol(settings, 2, "900003", "코스닥하나", "KOSDAQ", 20_000, 500);
        sandbox = Sandbox.start(SandboxSettings.of(settings), clock).realtimeSink(sink);
    }

    private static void symbol(Map<String, String> settings, int i, String code, String name, String market, long price,
                               long listedShares) {
        String p = "symbols[" + i + "].";
        settings.putAll(Map.of(p + "code", code, p + "name", name, p + "market", market, p + "price",
                Long.toString(price), p + "listed-shares", Long.toString(listedShares), p + "face-value", "500"));
    }

    private MarketSimulator.Quote quote(String code) {
        return sandbox.market().quote(code);
    }

    /** 2650 × Σ price × shares / Σ previous close × shares over the two KOSPI stocks, computed here. */
    private BigDecimal expectedKospi() {
        long now = quote("900001").price() * 1_000 + quote("900002").price() * 3_000;
        long previous = quote("900001").previousClose() * 1_000 + quote("900002").previousClose() * 3_000;
        return new BigDecimal("2650.00").multiply(BigDecimal.valueOf(now))
                .divide(BigDecimal.valueOf(previous), 2, RoundingMode.HALF_UP);
    }

    private static String signedPoints(BigDecimal value) {
        int direction = value.compareTo(new BigDecimal("2650.00"));
        return (direction > 0 ? "+" : direction < 0 ? "-" : "") + value.toPlainString();
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : Long.toString(value);
    }

    private Map<String, String> last(String type, String item) {
        List<RecordingSink.Row> rows = sink.ofType(type).stream().filter(r -> r.item().equals(item)).toList();
        assertThat(rows).as("%s rows of %s", type, item).isNotEmpty();
        return rows.get(rows.size() - 1).values();
    }
}
