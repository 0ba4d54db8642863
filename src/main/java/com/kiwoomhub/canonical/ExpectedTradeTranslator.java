package com.kiwoomhub.canonical;

import java.time.LocalDate;

/** Real-time 0H 주식예상체결 → {@link ExpectedTrade}. */
public final class ExpectedTradeTranslator {

    public static final String TYPE = "0H";

    private ExpectedTradeTranslator() {
    }

    /** One 0H row. FID 15 carries a sign like 0B's (the official example has {@code "-7805"}); the quantity is its magnitude. */
    public static ExpectedTrade fromRow(KiwoomRealRow row, LocalDate tradingDate) {
        KiwoomSymbol code = TradeTranslator.requireItem(row);
        KiwoomRow v = row.values();
        return new ExpectedTrade(code.symbol(), code.venue(), v.requireTime("20", tradingDate), v.price("10"),
                v.requireSigned("11"), v.requireDecimal("12"), v.requireMagnitude("15"), v.magnitude("13"));
    }
}
