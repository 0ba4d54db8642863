package com.kiwoomhub.canonical;

/**
 * Where a quote, trade or book comes from: Kiwoom selects it with a suffix on the stock code
 * ({@code 005930} = KRX, {@code 005930_NX} = Nextrade, {@code 005930_AL} = unified KRX+NXT / SOR).
 */
public enum Venue {
    KRX(""),
    NXT("_NX"),
    UNIFIED("_AL");

    private final String suffix;

    Venue(String suffix) {
        this.suffix = suffix;
    }

    /** The Kiwoom code suffix, {@code ""} for KRX. */
    public String suffix() {
        return suffix;
    }
}
