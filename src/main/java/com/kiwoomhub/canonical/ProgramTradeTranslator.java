package com.kiwoomhub.canonical;

import java.time.LocalDate;

/**
 * Real-time 0w 종목프로그램매매 → {@link ProgramTrade}. FIDs 202/206/210 are shares and 204/208/212
 * are 백만원 (measured on real accounts: 210 = 206 − 202 and 212 = 208 − 204).
 */
public final class ProgramTradeTranslator {

    public static final String TYPE = "0w";
    /** FIDs 204, 208 and 212 are in 백만원. */
    static final long AMOUNT_TO_KRW = 1_000_000L;

    private ProgramTradeTranslator() {
    }

    public static ProgramTrade fromRow(KiwoomRealRow row, LocalDate tradingDate) {
        KiwoomSymbol code = TradeTranslator.requireItem(row);
        KiwoomRow v = row.values();
        return new ProgramTrade(code.symbol(), code.venue(), v.requireTime("20", tradingDate), v.price("10"),
                v.signed("11"), v.decimal("12"), v.magnitude("13"),
                v.requireMagnitude("202"), v.requireMagnitude("204") * AMOUNT_TO_KRW,
                v.requireMagnitude("206"), v.requireMagnitude("208") * AMOUNT_TO_KRW,
                v.requireSigned("210"), v.requireSigned("212") * AMOUNT_TO_KRW);
    }
}
