package com.kiwoomhub.canonical;

/** Order type and its Kiwoom {@code trde_tp} code (kt10000/kt10001). */
public enum OrderType {
    /** 보통(지정가). */
    LIMIT("0"),
    /** 시장가. */
    MARKET("3"),
    /** 조건부지정가. */
    CONDITIONAL_LIMIT("5"),
    /** 최유리지정가. */
    BEST_LIMIT("6"),
    /** 최우선지정가. */
    PRIORITY_LIMIT("7"),
    /** 보통(IOC). */
    LIMIT_IOC("10"),
    /** 시장가(IOC). */
    MARKET_IOC("13"),
    /** 최유리(IOC). */
    BEST_IOC("16"),
    /** 보통(FOK). */
    LIMIT_FOK("20"),
    /** 시장가(FOK). */
    MARKET_FOK("23"),
    /** 최유리(FOK). */
    BEST_FOK("26"),
    /** 스톱지정가 (NXT); the stop price goes in {@code cond_uv}. */
    STOP_LIMIT("28"),
    /** 중간가 (NXT). */
    MID("29"),
    /** 중간가(IOC). */
    MID_IOC("30"),
    /** 중간가(FOK). */
    MID_FOK("31"),
    /** 장시작전시간외. */
    PRE_MARKET_CLOSE("61"),
    /** 시간외단일가. */
    AFTER_HOURS_SINGLE("62"),
    /** 장마감후시간외. */
    AFTER_MARKET_CLOSE("81");

    private final String trdeTp;

    OrderType(String trdeTp) {
        this.trdeTp = trdeTp;
    }

    /** The Kiwoom {@code trde_tp} request value. */
    public String trdeTp() {
        return trdeTp;
    }

    /**
     * Whether the order carries a limit price ({@code ord_uv}). Market, best/priority and mid-price
     * types are priced by the exchange; the closing-price sessions trade at the close.
     */
    public boolean requiresPrice() {
        return switch (this) {
            case LIMIT, CONDITIONAL_LIMIT, LIMIT_IOC, LIMIT_FOK, STOP_LIMIT, AFTER_HOURS_SINGLE -> true;
            default -> false;
        };
    }

    public static OrderType ofTrdeTp(String code) {
        for (OrderType t : values()) {
            if (t.trdeTp.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown trde_tp " + code);
    }
}
