package com.kiwoomhub.canonical;

/** The session of a trade, from 0B FID 290 (장구분). */
public enum TradingSession {
    /** {@code 1} 장전 시간외. */
    PRE("1"),
    /** {@code 2} 장중. */
    REGULAR("2"),
    /** {@code 3} 장후 시간외. */
    POST("3");

    private final String fid290;

    TradingSession(String fid290) {
        this.fid290 = fid290;
    }

    public String fid290() {
        return fid290;
    }

    /** The session of a FID 290 value; null for no value or a code Kiwoom has not documented. */
    public static TradingSession ofFid290(String code) {
        for (TradingSession s : values()) {
            if (s.fid290.equals(code)) {
                return s;
            }
        }
        return null;
    }
}
