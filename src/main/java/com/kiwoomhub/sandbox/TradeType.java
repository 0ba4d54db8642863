package com.kiwoomhub.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** The {@code trde_tp} codes of kt10000/kt10001 with Kiwoom's text (00 FID 906, ka10075 trde_tp) and how the sandbox prices them. */
enum TradeType {
    LIMIT("0", "보통", Pricing.LIMIT, Duration.DAY),
    MARKET("3", "시장가", Pricing.MARKET, Duration.DAY),
    CONDITIONAL_LIMIT("5", "조건부지정가", Pricing.LIMIT, Duration.DAY),
    BEST_LIMIT("6", "최유리지정가", Pricing.OPPOSITE_TOUCH, Duration.DAY),
    PRIORITY_LIMIT("7", "최우선지정가", Pricing.OWN_TOUCH, Duration.DAY),
    LIMIT_IOC("10", "보통(IOC)", Pricing.LIMIT, Duration.IOC),
    MARKET_IOC("13", "시장가(IOC)", Pricing.MARKET, Duration.IOC),
    BEST_IOC("16", "최유리(IOC)", Pricing.OPPOSITE_TOUCH, Duration.IOC),
    LIMIT_FOK("20", "보통(FOK)", Pricing.LIMIT, Duration.FOK),
    MARKET_FOK("23", "시장가(FOK)", Pricing.MARKET, Duration.FOK),
    BEST_FOK("26", "최유리(FOK)", Pricing.OPPOSITE_TOUCH, Duration.FOK),
    STOP_LIMIT("28", "스톱지정가", Pricing.STOP, Duration.DAY),
    // 중간가 exists on NXT only; the sandbox has no mid-point book and fills it at the opposite touch.
    MID("29", "중간가", Pricing.OPPOSITE_TOUCH, Duration.DAY),
    MID_IOC("30", "중간가(IOC)", Pricing.OPPOSITE_TOUCH, Duration.IOC),
    MID_FOK("31", "중간가(FOK)", Pricing.OPPOSITE_TOUCH, Duration.FOK),
    PRE_MARKET_CLOSE("61", "장전시간외", Pricing.PREVIOUS_CLOSE, Duration.DAY),
    AFTER_HOURS_SINGLE("62", "시간외단일가", Pricing.LIMIT, Duration.DAY),
    AFTER_MARKET_CLOSE("81", "장후시간외", Pricing.LAST_PRICE, Duration.DAY);

    /** How the order's limit is set. */
    enum Pricing {
        /** ord_uv is the limit. */
        LIMIT,
        /** No limit: fills at the touch, remainder keeps waiting. */
        MARKET,
        /** Limit = best opposite price at acceptance (buy: best ask). */
        OPPOSITE_TOUCH,
        /** Limit = best own-side price at acceptance (buy: best bid). */
        OWN_TOUCH,
        /** ord_uv becomes live once the price reaches cond_uv. */
        STOP,
        /** Limit = the previous close (장전 시간외 종가). */
        PREVIOUS_CLOSE,
        /** Limit = the last price (장후 시간외 종가). */
        LAST_PRICE
    }

    enum Duration { DAY, IOC, FOK }

    final String code;
    final String text;
    final Pricing pricing;
    final Duration duration;

    TradeType(String code, String text, Pricing pricing, Duration duration) {
        this.code = code;
        this.text = text;
        this.pricing = pricing;
        this.duration = duration;
    }

    boolean needsPrice() {
        return pricing == Pricing.LIMIT || pricing == Pricing.STOP;
    }

    boolean midPoint() {
        return this == MID || this == MID_IOC || this == MID_FOK;
    }

    static Optional<TradeType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
