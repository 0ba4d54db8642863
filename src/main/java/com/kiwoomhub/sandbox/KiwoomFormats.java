package com.kiwoomhub.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Kiwoom's string formats for numbers: direction-signed prices, real signs, zero padding, rates. */
final class KiwoomFormats {

    private KiwoomFormats() {
    }

    /** A price with its direction against the previous close: {@code +34950}, {@code -33050}, {@code 34150}. */
    static String signedPrice(long price, long previousClose) {
        if (price == 0) {
            return "0";
        }
        return price > previousClose ? "+" + price : price < previousClose ? "-" + price : Long.toString(price);
    }

    /** An arithmetic change: {@code +800}, {@code -23000}, {@code 0}. */
    static String signed(long value) {
        return value > 0 ? "+" + value : Long.toString(value);
    }

    /** A percentage with two decimals and a sign: {@code +2.34}, {@code -8.76}, {@code 0.00}. */
    static String rate(double percent) {
        BigDecimal rounded = BigDecimal.valueOf(percent).setScale(2, RoundingMode.HALF_UP);
        return rounded.signum() > 0 ? "+" + rounded.toPlainString() : rounded.signum() == 0 ? "0.00" : rounded.toPlainString();
    }

    /** A percentage without a plus sign, as the account TRs write it: {@code 46.25}, {@code -52.71}. */
    static String plainRate(double percent, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(percent).setScale(decimals, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? BigDecimal.ZERO.setScale(decimals).toPlainString() : rounded.toPlainString();
    }

    /** Account-TR padding: {@code 000000017534}; a negative keeps the width, {@code -00000163958}. */
    static String padded(long value, int width) {
        if (value < 0) {
            return "-" + zeros(-value, width - 1);
        }
        return zeros(value, width);
    }

    private static String zeros(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** 7-digit order number, {@code 0000138}. */
    static String orderNumber(long number) {
        return zeros(number, 7);
    }

    /** 대비기호: 1 상한가, 2 상승, 3 보합, 4 하한가, 5 하락. */
    static String directionSign(long price, long previousClose, long upperLimit, long lowerLimit) {
        if (price >= upperLimit && price > previousClose) {
            return "1";
        } else if (price <= lowerLimit && price < previousClose) {
            return "4";
        }
        return price > previousClose ? "2" : price < previousClose ? "5" : "3";
    }

    static double percentOf(long part, long whole) {
        return whole == 0 ? 0 : part * 100.0 / whole;
    }
}
