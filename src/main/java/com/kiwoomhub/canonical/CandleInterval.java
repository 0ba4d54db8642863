package com.kiwoomhub.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;

/**
 * A candle interval as the contract writes it ({@code 1t} … {@code 1y}) and the chart TR request that
 * produces it: the TR and, for tick and minute bars, its {@code tic_scope}.
 */
public enum CandleInterval {
    TICK_1("1t", ChartTr.KA10079, "1", null),
    TICK_3("3t", ChartTr.KA10079, "3", null),
    TICK_5("5t", ChartTr.KA10079, "5", null),
    TICK_10("10t", ChartTr.KA10079, "10", null),
    TICK_30("30t", ChartTr.KA10079, "30", null),
    MINUTE_1("1m", ChartTr.KA10080, "1", Duration.ofMinutes(1)),
    MINUTE_3("3m", ChartTr.KA10080, "3", Duration.ofMinutes(3)),
    MINUTE_5("5m", ChartTr.KA10080, "5", Duration.ofMinutes(5)),
    MINUTE_10("10m", ChartTr.KA10080, "10", Duration.ofMinutes(10)),
    MINUTE_15("15m", ChartTr.KA10080, "15", Duration.ofMinutes(15)),
    MINUTE_30("30m", ChartTr.KA10080, "30", Duration.ofMinutes(30)),
    MINUTE_45("45m", ChartTr.KA10080, "45", Duration.ofMinutes(45)),
    MINUTE_60("60m", ChartTr.KA10080, "60", Duration.ofMinutes(60)),
    DAY("1d", ChartTr.KA10081, null, null),
    WEEK("1w", ChartTr.KA10082, null, null),
    MONTH("1M", ChartTr.KA10083, null, null),
    YEAR("1y", ChartTr.KA10094, null, null);

    private final String code;
    private final ChartTr tr;
    private final String ticScope;
    private final Duration minutes;

    CandleInterval(String code, ChartTr tr, String ticScope, Duration minutes) {
        this.code = code;
        this.tr = tr;
        this.ticScope = ticScope;
        this.minutes = minutes;
    }

    /** The contract's name, e.g. {@code 5m}, {@code 1M}; also the JSON value and part of the candle key. */
    @JsonValue
    public String code() {
        return code;
    }

    public ChartTr tr() {
        return tr;
    }

    /** The {@code tic_scope} request field for ka10079/ka10080; null for day and longer bars. */
    public String ticScope() {
        return ticScope;
    }

    /** Bar length of minute bars; null for tick bars (count-based) and day+ bars (calendar-based). */
    public Duration minuteBarLength() {
        return minutes;
    }

    @JsonCreator
    public static CandleInterval ofCode(String code) {
        for (CandleInterval i : values()) {
            if (i.code.equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown candle interval " + code);
    }

    @Override
    public String toString() {
        return code;
    }
}
