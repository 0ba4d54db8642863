package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An index level (업종지수) from real-time 0J or the ka20001 poll (topic {@code kiwoom.indices}, key
 * {@code index}). Index values are points with their decimals, never KRW.
 *
 * @param index      the 3-digit 업종코드: {@code 001} KOSPI 종합, {@code 101} KOSDAQ 종합, {@code 201} KOSPI200 …
 * @param time       of the value, KST (0J FID 20; ka20001: its newest {@code tm_n}, else the poll time)
 * @param value      points, 2 decimals (|0J FID 10|, |{@code cur_prc}|)
 * @param change     points versus the previous close, signed (FID 11, {@code pred_pre})
 * @param changeRate percent, signed (FID 12, {@code flu_rt})
 * @param volume     today's volume of the index's stocks, shares (FID 13 / {@code trde_qty} are in 천주: ×1,000)
 * @param turnover   today's traded value, KRW (FID 14 / {@code trde_prica} are in 백만원: ×1,000,000)
 * @param source     {@code 0J} (real time) or {@code ka20001} (polled)
 */
public record IndexTick(String index, OffsetDateTime time, BigDecimal value, BigDecimal change, BigDecimal changeRate,
                        Long volume, Long turnover, BigDecimal open, BigDecimal high, BigDecimal low, String source)
        implements CanonicalMessage {

    public IndexTick {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(changeRate, "changeRate");
        Objects.requireNonNull(source, "source");
        time = KiwoomValues.inKst(time);
    }

    @Override
    public MessageType messageType() {
        return MessageType.INDEX_TICK;
    }

    @Override
    public String topicKey() {
        return index;
    }

    /** index, source, time, value, volume. */
    @Override
    public List<Object> identity() {
        return List.of(index, source, time, value, volume == null ? "" : volume);
    }
}
