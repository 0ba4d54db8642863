package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A volatility interruption (VI) of one stock triggered or released, from real-time 1h VI발동/해제
 * (topic {@code kiwoom.market-events}, key {@code symbol}). Prices in KRW, deviations in percent.
 *
 * @param name                  FID 302
 * @param status                TRIGGERED or RELEASED (FID 9068)
 * @param kind                  STATIC, DYNAMIC or STATIC_AND_DYNAMIC (FID 1225 정적 / 동적 / 동적+정적)
 * @param time                  when it happened, KST: FID 1223 when triggered, FID 1224 when released
 * @param triggerPrice          the price that triggered it, KRW (FID 1221)
 * @param triggerChangeRate     that price versus the previous close, percent, signed (FID 1489)
 * @param staticReferencePrice  reference price of the static VI, KRW (FID 1236)
 * @param dynamicReferencePrice reference price of the dynamic VI, KRW (FID 1237)
 * @param staticDeviation       deviation from the static reference, percent, signed (FID 1238)
 * @param dynamicDeviation      deviation from the dynamic reference, percent, signed (FID 1239)
 * @param count                 VIs of the stock today, this one included (FID 1490)
 * @param triggeredAt           FID 1223 매매체결처리시각, KST
 * @param releasedAt            FID 1224 VI해제시각, KST: the planned release while triggered, the release after
 * @param cumulativeVolume      today's volume, shares (FID 13)
 */
public record VolatilityInterruption(String symbol, String name, ViStatus status, ViKind kind, OffsetDateTime time,
                                     Long triggerPrice, BigDecimal triggerChangeRate, Long staticReferencePrice,
                                     Long dynamicReferencePrice, BigDecimal staticDeviation, BigDecimal dynamicDeviation,
                                     Integer count, OffsetDateTime triggeredAt, OffsetDateTime releasedAt,
                                     Long cumulativeVolume) implements CanonicalMessage {

    /** Whether the VI starts (single-price auction of 2 minutes begins) or ends. */
    public enum ViStatus { TRIGGERED, RELEASED }

    /** Which VI: static (versus the last single price), dynamic (versus the last trade), or both at once. */
    public enum ViKind { STATIC, DYNAMIC, STATIC_AND_DYNAMIC }

    public VolatilityInterruption {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        time = KiwoomValues.inKst(time);
        triggeredAt = KiwoomValues.inKst(triggeredAt);
        releasedAt = KiwoomValues.inKst(releasedAt);
    }

    @Override
    public MessageType messageType() {
        return MessageType.VOLATILITY_INTERRUPTION;
    }

    @Override
    public String topicKey() {
        return symbol;
    }

    /** symbol, status, kind, time, count. */
    @Override
    public List<Object> identity() {
        return List.of(symbol, status, kind, time, count == null ? "" : count);
    }
}
