package com.kiwoomhub.canonical;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One OHLCV bar (topic {@code kiwoom.candles}, key {@code symbol:interval}). Prices in KRW, volume in
 * shares, turnover in KRW.
 *
 * @param start    bar start, KST; tick bars: time of the bar's last trade as Kiwoom labels it; minute
 *                 bars: the minute label of {@code cntr_tm}; day and longer: 00:00 of the first trading
 *                 date of the period
 * @param turnover traded value, KRW; null where the TR has none (tick and minute charts)
 * @param adjusted prices are 수정주가 (requested with {@code upd_stkpc_tp=1})
 * @param finalBar JSON {@code final}: false while the bar is still forming
 * @param source   the chart TR ({@code ka10079} … {@code ka10094})
 */
public record Candle(String symbol, Venue venue, CandleInterval interval, OffsetDateTime start,
                     long open, long high, long low, long close, long volume, Long turnover,
                     boolean adjusted, @JsonProperty("final") boolean finalBar, String source)
        implements CanonicalMessage {

    public Candle {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(source, "source");
        start = KiwoomValues.inKst(start);
    }

    @Override
    public MessageType messageType() {
        return MessageType.CANDLE;
    }

    @Override
    public String topicKey() {
        return symbol + ":" + interval.code();
    }

    /**
     * symbol, venue, interval, start, adjusted, final, and the bar's values (OHLC, volume, turnover). A
     * closed bar never changes, so every re-poll of it has the same id; a forming bar gets a new id
     * only when its values moved, so consumers deduplicating on {@code ce_id} never drop an update.
     */
    @Override
    public List<Object> identity() {
        return Arrays.asList(symbol, venue, interval.code(), start, adjusted, finalBar,
                open, high, low, close, volume, turnover);
    }
}
