package com.kiwoomhub.sandbox.ws;

import static com.kiwoomhub.sandbox.ws.RegistrationTest.reg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.sandbox.MarketSimulator;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;
import com.kiwoomhub.sandbox.TradingVenue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * REG of {@code _NX} and {@code _AL} items gets the market's NXT and SOR rows, each {@code item} the
 * registered code with its suffix (docs/kiwoom-protocol.md §6.6, §9.6); mock mode is KRX only (§2.2). Driven
 * through the whole sandbox: its market moves, its WebSocket delivers.
 */
class VenueRowsTest {

    private static final String REG_OK = "{\"trnm\":\"REG\",\"return_code\":0,\"return_msg\":\"\"}";
    /** Friday 2026-11-20 10:30 KST, in the regular session. */
    private static final Clock FRIDAY_MORNING = Clock.fixed(Instant.parse("2026-11-20T01:30:00Z"), ZoneOffset.UTC);
    private static final String ALL_VENUES = "[\"005930\",\"005930_NX\",\"005930_AL\"]";

    private Sandbox sandbox;
    private KiwoomTestClient client;

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void aTradePrintsOnKrxAndHalfItsSizeOnNxtAndTheAlStreamCarriesBoth() {
        start("false");
        sandbox.market().setPreviousClose("005930", 70_000);
        register(ALL_VENUES, "[\"0B\"]");

        sandbox.market().step();

        MarketSimulator.Quote krx = sandbox.market().quote("005930");
        long size = Math.abs(krx.lastTradeQuantity());
        long nxtSize = size * 50 / 100;
        String side = krx.lastTradeQuantity() > 0 ? "+" : "-";
        assertThat(nxtSize).as("an NXT trade at all").isPositive();
        List<JsonNode> rows = client.nextRows(4);
        assertThat(rows).extracting(r -> r.path("type").asText()).containsOnly("0B");
        assertThat(rows).extracting(r -> r.path("item").asText())
                .containsExactly("005930", "005930_AL", "005930_NX", "005930_AL");
        assertThat(rows).extracting(r -> fid(r, "9081")).containsExactly("KRX", "KRX", "NXT", "NXT");
        assertThat(rows).extracting(r -> fid(r, "15")).containsExactly(side + size, side + size, side + nxtSize,
                side + nxtSize);
        assertThat(rows).extracting(r -> fid(r, "13")).containsExactly(Long.toString(size), Long.toString(size),
                Long.toString(nxtSize), Long.toString(size + nxtSize));
        assertThat(rows).extracting(r -> fid(r, "14")).containsExactly(millions(size, krx.price()),
                millions(size, krx.price()), millions(nxtSize, krx.price()), millions(size + nxtSize, krx.price()));
        assertThat(rows).extracting(r -> fid(r, "10")).containsOnly(fid(rows.get(0), "10"));
        assertThat(Math.abs(Long.parseLong(fid(rows.get(0), "10")))).isEqualTo(krx.price());
        assertThat(rows).extracting(r -> fid(r, "20")).containsOnly("103000");
        assertThat(sandbox.market().quote("005930", TradingVenue.SOR).volume())
                .isEqualTo(sandbox.market().quote("005930", TradingVenue.KRX).volume()
                        + sandbox.market().quote("005930", TradingVenue.NXT).volume());
        assertNothingMore();
    }

    @Test
    void nxtBooksHoldHalfOfKrxsQuantitiesAndTheAlBookAddsBothParts() {
        start("false");
        sandbox.market().setPreviousClose("005930", 70_000);
        sandbox.market().setLiquidity("005930", 1_000);
        register(ALL_VENUES, "[\"0D\"]");

        sandbox.market().setPrice("005930", 70_500);

        List<JsonNode> rows = client.nextRows(3);
        assertThat(rows).extracting(r -> r.path("item").asText()).containsExactly("005930", "005930_NX", "005930_AL");
        assertThat(rows).extracting(r -> fid(r, "41")).containsOnly("+70500");
        assertThat(rows).extracting(r -> fid(r, "51")).containsOnly("+70400");
        assertThat(rows).extracting(r -> fid(r, "61")).containsExactly("1000", "500", "1500");
        assertThat(rows).extracting(r -> fid(r, "71")).containsExactly("1000", "500", "1500");
        assertThat(rows).extracting(r -> fid(r, "6044")).containsExactly("1000", "0", "1000");
        assertThat(rows).extracting(r -> fid(r, "6066")).containsExactly("0", "500", "500");
        assertThat(rows).extracting(r -> fid(r, "13")).containsOnly("0");
        for (JsonNode row : rows) {
            assertThat(Long.parseLong(fid(row, "121"))).as(row.path("item").asText())
                    .isEqualTo(Long.parseLong(fid(row, "6064")) + Long.parseLong(fid(row, "6086")));
        }
        assertNothingMore();
    }

    @Test
    void mockModeAcknowledgesNxtAndAlRegistrationsAndSendsOnlyKrxRows() {
        start("true");
        register(ALL_VENUES, "[\"0B\",\"0D\"]");

        sandbox.market().step();

        List<JsonNode> rows = client.nextRows(2);
        assertThat(rows).extracting(r -> r.path("type").asText() + ":" + r.path("item").asText())
                .containsExactly("0B:005930", "0D:005930");
        assertThat(fid(rows.get(0), "9081")).isEqualTo("KRX");
        assertNothingMore();
    }

    private void start(String mock) {
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "mock", mock,
                "nxt-volume-percent", "50")), FRIDAY_MORNING);
        client = KiwoomTestClient.connect(sandbox.port(), true);
        String token = sandbox.tokens().issue(SandboxSettings.DEMO.appKey()).token();
        client.send("{\"trnm\":\"LOGIN\",\"token\":\"" + token + "\"}");
        client.expect(WebSocketTestServer.LOGIN_OK);
    }

    private void register(String items, String types) {
        client.send(reg("1", "1", items, types));
        client.expect(REG_OK);
    }

    private void assertNothingMore() {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(client.frames::isEmpty);
    }

    private static String fid(JsonNode row, String fid) {
        return row.path("values").path(fid).asText();
    }

    /** FID 14 누적거래대금: shares × price in 백만원. */
    private static String millions(long shares, long price) {
        return Long.toString(shares * price / 1_000_000);
    }
}
