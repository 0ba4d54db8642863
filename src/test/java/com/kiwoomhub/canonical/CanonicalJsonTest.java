package com.kiwoomhub.canonical;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

    @Test
    void writesContractFieldNamesKstTimesPlainDecimalsAndLeavesNullsOut() {
        Candle bar = new Candle("005930", Venue.KRX, CandleInterval.MONTH, OffsetDateTime.parse("2025-09-01T00:00:00+09:00"),
                67600, 79400, 67500, 78900, 215040968, null, true, false, "ka10083");

        assertThat(CanonicalJson.toJson(bar)).isEqualTo("{\"symbol\":\"005930\",\"venue\":\"KRX\",\"interval\":\"1M\","
                + "\"start\":\"2025-09-01T00:00:00+09:00\",\"open\":67600,\"high\":79400,\"low\":67500,\"close\":78900,"
                + "\"volume\":215040968,\"adjusted\":true,\"final\":false,\"source\":\"ka10083\"}");
    }

    @Test
    void timesGivenInAnotherOffsetAreWrittenInKst() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-08-19T07:28:03Z");
        Position position = new Position("main", "005930", null, 1, null, null, null, utc);

        assertThat(CanonicalJson.toJson(position)).contains("\"time\":\"2026-08-19T16:28:03+09:00\"");
        assertThat(CloudEvent.of(position, "ws/04", utc).headers()).containsEntry("ce_time", "2026-08-19T16:28:03+09:00");
    }

    @Test
    void readsRecordsBackIncludingUnknownFieldsAndTheOffset() throws Exception {
        String json = "{\"symbol\":\"005930\",\"venue\":\"NXT\",\"interval\":\"5m\",\"start\":\"2025-09-17T13:20:00+09:00\","
                + "\"open\":1,\"high\":2,\"low\":1,\"close\":2,\"volume\":3,\"adjusted\":false,\"final\":true,"
                + "\"source\":\"ka10080\",\"addedInV1_1\":\"x\"}";

        Candle bar = CanonicalJson.mapper().readValue(json, Candle.class);

        assertThat(bar.interval()).isEqualTo(CandleInterval.MINUTE_5);
        assertThat(bar.finalBar()).isTrue();
        assertThat(bar.start().getOffset()).isEqualTo(KiwoomValues.KST);
        assertThat(bar.start().getHour()).isEqualTo(13);
    }
}
