package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The one parser for Kiwoom value strings. Kiwoom sends every number as a string, in several formats
 * (docs/kiwoom-protocol.md §6): direction-signed prices ({@code "+34950"}), arithmetically signed changes
 * ({@code "-800"}), zero padding including negatives ({@code "-00000163958"}), a leading blank
 * ({@code " 0"}), double signs ({@code "--23722054"}), comma grouping ({@code "20,190"}) and
 * saturated caps. Every method returns null for "no value" ({@code ""}, {@code "+"}, {@code "-"});
 * the caller decides whether a field may be null.
 */
public final class KiwoomValues {

    /** Korea Standard Time, the hub's one KST: every Kiwoom time is KST, which has no daylight saving. */
    public static final ZoneOffset KST = ZoneOffset.ofHours(9);

    /**
     * Integer values Kiwoom sends when a counter overflows rather than a real figure
     * (docs/kiwoom-protocol.md §6.4): the 32-bit maxima. They are read as "not known". Kiwoom also
     * caps fields it divides by 1000 at -2147483; no translated field is one of those, and
     * -2,147,483 KRW is a plausible P&amp;L, so that cap is not applied globally.
     */
    static final Set<Long> SATURATED_CAPS = Set.of(4_294_967_295L, 2_147_483_647L, -2_147_483_648L);

    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter YYYYMMDDHHMMSS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private KiwoomValues() {
    }

    /** The trimmed text, or null when blank. */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        return t.isEmpty() ? null : t;
    }

    /**
     * A value with its real arithmetic sign: {@code "-00000163958"} → -163958, {@code "+800"} → 800,
     * {@code "-0"} and {@code " 0"} → 0, {@code "--23722054"} → -23722054, {@code "20,190"} → 20190.
     * Null for no value and for saturated caps; decimals are rejected (use {@link #decimal}).
     */
    public static Long signed(String raw) {
        BigDecimal d = decimal(raw);
        if (d == null) {
            return null;
        }
        long value;
        try {
            value = d.longValueExact();
        } catch (ArithmeticException e) {
            throw new KiwoomFormatException("not an integer: \"" + raw + "\"");
        }
        return SATURATED_CAPS.contains(value) ? null : value;
    }

    /**
     * A price in KRW. On quote TRs and REAL frames the sign is the direction versus the previous close,
     * not arithmetic ({@code "-231000"} is 231,000 KRW), so the magnitude is taken. Zero means no price
     * (an empty book level {@code "-0"}, no trade yet) and is returned as null: no stock trades at 0.
     */
    public static Long price(String raw) {
        Long v = signed(raw);
        return v == null || v == 0 ? null : Math.abs(v);
    }

    /** A quantity or amount whose sign carries no meaning here: the magnitude; 0 stays 0. */
    public static Long magnitude(String raw) {
        Long v = signed(raw);
        return v == null ? null : Math.abs(v);
    }

    /**
     * The direction sign alone: +1 for a leading {@code +}, -1 for a leading {@code -}, 0 when unsigned
     * or no value. Used where the sign is the information (0B FID 15: buyer- or seller-initiated).
     */
    public static int direction(String raw) {
        String t = text(raw);
        if (t == null) {
            return 0;
        }
        return switch (t.charAt(0)) {
            case '+' -> 1;
            case '-' -> -1;
            default -> 0;
        };
    }

    /**
     * A decimal with its real sign, scale as sent: {@code "+2.34"} → 2.34, {@code "-43.8977"} →
     * -43.8977, {@code "0.00"} → 0.00. Leading zeros, blanks, commas and repeated signs are tolerated.
     */
    public static BigDecimal decimal(String raw) {
        String t = text(raw);
        if (t == null) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        while (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-' || t.charAt(i) == ' ')) {
            negative |= t.charAt(i) == '-';
            i++;
        }
        String digits = t.substring(i).replace(",", "");
        if (digits.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(digits);
            if (d.signum() < 0) {
                throw new NumberFormatException();
            }
            return negative ? d.negate() : d;
        } catch (NumberFormatException e) {
            throw new KiwoomFormatException("not a Kiwoom number: \"" + raw + "\"");
        }
    }

    /** {@code HHMMSS} on the given KST trading date, e.g. {@code "155950"} → 15:59:50+09:00. */
    public static OffsetDateTime time(String hhmmss, LocalDate tradingDate) {
        String t = text(hhmmss);
        if (t == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(tradingDate, LocalTime.parse(t, HHMMSS), KST);
        } catch (DateTimeParseException e) {
            throw new KiwoomFormatException("not an HHMMSS time: \"" + hhmmss + "\"");
        }
    }

    /** {@code yyyyMMdd}; null for no value and for Kiwoom's {@code "00000000"} (no date). */
    public static LocalDate date(String yyyyMMdd) {
        String t = text(yyyyMMdd);
        if (t == null || t.chars().allMatch(c -> c == '0')) {
            return null;
        }
        try {
            return LocalDate.parse(t, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new KiwoomFormatException("not a yyyyMMdd date: \"" + yyyyMMdd + "\"");
        }
    }

    /** {@code yyyyMMddHHmmss} in KST, e.g. {@code "20250917132000"} → 2025-09-17T13:20:00+09:00. */
    public static OffsetDateTime dateTime(String yyyyMMddHHmmss) {
        String t = text(yyyyMMddHHmmss);
        if (t == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(t, YYYYMMDDHHMMSS).atOffset(KST);
        } catch (DateTimeParseException e) {
            throw new KiwoomFormatException("not a yyyyMMddHHmmss time: \"" + yyyyMMddHHmmss + "\"");
        }
    }

    /**
     * The same instant with the {@code +09:00} offset (null stays null): records normalise every time
     * they are given, so a caller's {@code OffsetDateTime.now()} in UTC still serializes as KST.
     */
    public static OffsetDateTime inKst(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(KST);
    }

    /** The start of a KST day, the {@code start} of day-and-longer candles. */
    public static OffsetDateTime startOfDay(LocalDate date) {
        return date.atStartOfDay().atOffset(KST);
    }
}
