package com.kiwoomhub.canonical;

/** Real-time 00 FID 913 주문상태. */
public enum OrderExecutionState {
    /** 접수: an order (new, modify or cancel) reached the exchange. */
    RECEIVED("접수"),
    /** 체결: a fill. */
    EXECUTED("체결"),
    /** 확인: a modify or cancel took effect. */
    CONFIRMED("확인"),
    /** 취소. */
    CANCELLED("취소"),
    /** 거부: rejected; FID 919 holds the reason. */
    REFUSED("거부");

    private final String kiwoomText;

    OrderExecutionState(String kiwoomText) {
        this.kiwoomText = kiwoomText;
    }

    public String kiwoomText() {
        return kiwoomText;
    }

    /** The state for a FID 913 text; null for a text Kiwoom has not documented (the raw text is kept). */
    public static OrderExecutionState ofKiwoomText(String text) {
        for (OrderExecutionState s : values()) {
            if (s.kiwoomText.equals(text)) {
                return s;
            }
        }
        return null;
    }
}
