package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

/** Real-time 0B 주식체결 → {@link Trade}. */
public final class TradeTranslator {

    public static final String TYPE = "0B";
    /** FID 14 누적거래대금 is in 백만원 (verified: FID 620 VWAP = FID 14 × 10⁶ / FID 13). */
    static final long FID14_TO_KRW = 1_000_000L;

    private TradeTranslator() {
    }

    /** Every 0B row of a REAL frame, in frame order; rows of other types are ignored. */
    public static List<Trade> fromFrame(JsonNode frame, LocalDate tradingDate) {
        return KiwoomRealRow.of(frame, TYPE).stream().map(row -> fromRow(row, tradingDate)).toList();
    }

    /**
     * One 0B row.
     *
     * @param tradingDate the KST trading date the FID 20 time belongs to
     * @throws KiwoomFormatException when FID 15 carries no direction sign: the contract's {@code side}
     *                               is required and cannot be guessed
     */
    public static Trade fromRow(KiwoomRealRow row, LocalDate tradingDate) {
        KiwoomRow v = row.values();
        KiwoomSymbol code = requireItem(row);
        int direction = v.direction("15");
        if (direction == 0) {
            throw new KiwoomFormatException("ws/0B 15: no buy/sell sign on the trade size \"" + v.raw("15") + "\"");
        }
        Long turnover = v.magnitude("14");
        return new Trade(code.symbol(), code.venue(), v.requireTime("20", tradingDate),
                v.requirePrice("10"), v.requireSigned("11"), v.requireDecimal("12"),
                v.requireMagnitude("15"), direction > 0 ? Side.BUY : Side.SELL,
                v.requireMagnitude("13"), turnover == null ? null : turnover * FID14_TO_KRW,
                v.price("16"), v.price("17"), v.price("18"), v.price("27"), v.price("28"),
                TradingSession.ofFid290(v.text("290")));
    }

    static KiwoomSymbol requireItem(KiwoomRealRow row) {
        KiwoomSymbol code = row.symbol();
        if (code == null) {
            throw new KiwoomFormatException("ws/" + row.type() + ": row without item");
        }
        return code;
    }
}
