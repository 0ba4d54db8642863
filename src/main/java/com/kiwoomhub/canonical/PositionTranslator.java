package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;

/** Real-time 04 잔고 (현물잔고) → {@link Position}. */
public final class PositionTranslator {

    public static final String TYPE = "04";

    private PositionTranslator() {
    }

    /** Every 04 row of a REAL frame, in frame order. */
    public static List<Position> fromFrame(JsonNode frame, String account, OffsetDateTime receivedAt) {
        return KiwoomRealRow.of(frame, TYPE).stream().map(row -> fromRow(row, account, receivedAt)).toList();
    }

    /**
     * One 04 row: FID 9001 code (the item when absent), 302 name, 930 quantity, 933 orderable
     * quantity, 931 average price, 10 current price.
     *
     * @param account    the account alias; the caller maps FID 9201 (the account number) to it
     * @param receivedAt when the frame arrived: 04 carries no time of its own
     */
    public static Position fromRow(KiwoomRealRow row, String account, OffsetDateTime receivedAt) {
        KiwoomRow v = row.values();
        KiwoomSymbol code = v.has("9001") ? v.requireSymbol("9001") : TradeTranslator.requireItem(row);
        return new Position(account, code.symbol(), v.text("302"), v.requireMagnitude("930"), v.magnitude("933"),
                v.price("931"), v.price("10"), receivedAt);
    }
}
