package com.kiwoomhub.canonical;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import com.kiwoomhub.canonical.VolatilityInterruption.ViKind;
import com.kiwoomhub.canonical.VolatilityInterruption.ViStatus;

/**
 * Real-time 1h VI발동/해제 → {@link VolatilityInterruption}. The hub registers 1h for the whole
 * market (item {@code ""}); the stock is FID 9001, or the row's item when 9001 is blank.
 */
public final class VolatilityInterruptionTranslator {

    public static final String TYPE = "1h";

    /**
     * FID 9068 VI발동구분. Kiwoom's tables name the field but not its codes; 1 = 발동 and 2 = 해제 is
     * the reading of the official example (9068 {@code "1"} with a trigger time) and is UNCERTAIN:
     * a different code maps here, and an unknown one makes the row untranslatable (counted, never guessed).
     */
    static final Map<String, ViStatus> STATUS = Map.of("1", ViStatus.TRIGGERED, "2", ViStatus.RELEASED);
    /** FID 1225 VI적용구분, as text. */
    static final Map<String, ViKind> KIND = Map.of("정적", ViKind.STATIC, "동적", ViKind.DYNAMIC,
            "동적+정적", ViKind.STATIC_AND_DYNAMIC, "정적+동적", ViKind.STATIC_AND_DYNAMIC);

    private VolatilityInterruptionTranslator() {
    }

    public static VolatilityInterruption fromRow(KiwoomRealRow row, LocalDate tradingDate) {
        KiwoomRow v = row.values();
        KiwoomSymbol code = KiwoomSymbol.parse(v.text("9001"));
        if (code == null) {
            code = TradeTranslator.requireItem(row);
        }
        ViStatus status = coded(v, "9068", STATUS);
        ViKind kind = coded(v, "1225", KIND);
        OffsetDateTime triggeredAt = clock(v, "1223", tradingDate);
        OffsetDateTime releasedAt = clock(v, "1224", tradingDate);
        OffsetDateTime time = status == ViStatus.TRIGGERED ? triggeredAt : releasedAt;
        if (time == null) {
            throw new KiwoomFormatException("ws/1h " + (status == ViStatus.TRIGGERED ? "1223" : "1224")
                    + ": no time for a " + status + " VI");
        }
        Long count = v.magnitude("1490");
        return new VolatilityInterruption(code.symbol(), v.text("302"), status, kind, time,
                v.price("1221"), v.decimal("1489"), v.price("1236"), v.price("1237"), v.decimal("1238"),
                v.decimal("1239"), count == null ? null : Math.toIntExact(count), triggeredAt, releasedAt,
                v.magnitude("13"));
    }

    private static <T> T coded(KiwoomRow v, String fid, Map<String, T> codes) {
        String raw = v.requireText(fid);
        T value = codes.get(raw);
        if (value == null) {
            throw new KiwoomFormatException("ws/1h " + fid + ": unknown code \"" + raw + "\"");
        }
        return value;
    }

    /** HHMMSS, where {@code 000000} (as in 0B's 567/568) means "none". */
    private static OffsetDateTime clock(KiwoomRow v, String fid, LocalDate tradingDate) {
        String t = v.text(fid);
        return t == null || t.chars().allMatch(c -> c == '0') ? null : v.time(fid, tradingDate);
    }
}
