package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The KST session clock: 0s events, a closed market, and the roll-over into a new trading day. */
class TradingDayTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-19T23:50:00Z"));
    private final RecordingSink sink = new RecordingSink();
    private Sandbox sandbox;
    private RestTestClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "rate-limit", "0", "always-open", "false")), clock)
                .realtimeSink(sink);
        client = new RestTestClient(sandbox).login();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void sessionEventsArePushedAs0sRows() {
        sandbox.market().tick();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        sandbox.market().tick();
        clock.set(Instant.parse("2026-11-20T06:31:00Z"));
        sandbox.market().tick();

        assertThat(sink.ofType("0s")).extracting(r -> r.values().get("215")).containsExactly("0", "3", "2", "4");
        assertThat(sink.ofType("0s")).allSatisfy(r -> {
            assertThat(r.item()).isEmpty();
            assertThat(r.values()).containsKeys("20", "214");
        });
        assertThat(sink.ofType("0s").get(1).values().get("20")).isEqualTo("090001");
    }

    @Test
    void pricesDoNotMoveWhileTheMarketIsClosed() {
        long before = sandbox.market().quote("005930").volume();

        sandbox.market().tick();

        assertThat(sandbox.market().quote("005930").volume()).isEqualTo(before);
        assertThat(sink.ofType("0B")).isEmpty();
    }

    @Test
    void aNewDayDropsYesterdaysOrdersAndSettlesCash() {
        clock.set(Instant.parse("2026-11-20T01:00:00Z"));
        sandbox.market().setPreviousClose("005930", 70_000);
        sandbox.market().setPrice("005930", 70_000);
        client.call("/api/dostk/ordr", "kt10000", body("dmst_stex_tp", "KRX", "stk_cd", "005930", "ord_qty", "10",
                "ord_uv", "", "trde_tp", "3", "cond_uv", ""));
        client.call("/api/dostk/ordr", "kt10000", body("dmst_stex_tp", "KRX", "stk_cd", "005930", "ord_qty", "10",
                "ord_uv", "60000", "trde_tp", "0", "cond_uv", ""));
        sandbox.market().setPrice("005930", 71_000);
        long cash = sandbox.account().cash();

        clock.advance(Duration.ofDays(3));
        client.login();

        JsonNode open = client.call("/api/dostk/acnt", "ka10075", body("all_stk_tp", "0", "trde_tp", "0", "stex_tp", "0")).body();
        JsonNode deposit = client.call("/api/dostk/acnt", "kt00001", body("qry_tp", "3")).body();
        JsonNode row = client.call("/api/dostk/acnt", "kt00018", body("qry_tp", "1", "dmst_stex_tp", "KRX")).body()
                .path("acnt_evlt_remn_indv_tot").get(0);
        assertThat(open.path("return_code").asInt()).isZero();
        assertThat(open.path("oso").size()).isZero();
        assertThat(deposit.path("entr").asLong()).isEqualTo(cash);
        assertThat(deposit.path("d2_entra").asLong()).isEqualTo(cash);
        assertThat(row.path("rmnd_qty").asText()).isEqualTo("000000000000010");
        assertThat(row.path("tdy_buyq").asText()).isEqualTo("000000000000000");
        assertThat(row.path("pred_close_pric").asText()).isEqualTo("000000071000");
        assertThat(sandbox.market().quote("005930").previousClose()).isEqualTo(71_000);
    }
}
