package com.kiwoomhub.sandbox;

import java.util.Optional;

/**
 * Where the simulated trades print, as Kiwoom selects it with a stock code suffix (docs/kiwoom-protocol.md
 * §6.6, §10.2): KRX ({@code 005930}), Nextrade ({@code 005930_NX}) and SOR/통합 ({@code 005930_AL}),
 * the merged tape of both.
 */
public enum TradingVenue {
    KRX(""),
    NXT("_NX"),
    SOR("_AL");

    private final String suffix;

    TradingVenue(String suffix) {
        this.suffix = suffix;
    }

    /** The {@code stk_cd} and real-time item of {@code code} on this venue, e.g. {@code 005930_NX}. */
    public String item(String code) {
        return code + suffix;
    }

    static Optional<TradingVenue> ofSuffix(String suffix) {
        for (TradingVenue venue : values()) {
            if (venue.suffix.equals(suffix)) {
                return Optional.of(venue);
            }
        }
        return Optional.empty();
    }
}
