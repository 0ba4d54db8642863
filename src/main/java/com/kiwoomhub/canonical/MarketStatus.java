package com.kiwoomhub.canonical;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A market phase change from real-time 0s 장시작시간 (topic {@code kiwoom.market-status}, key
 * {@code venue}).
 *
 * @param phase       the FID 215 code as Kiwoom sends it ({@code "3"} 장시작, {@code "R"} NXT 메인마켓 시작 …)
 * @param description the code's Korean meaning; null for a code not in the table
 * @param time        FID 20 on the trading date, KST
 * @param venue       whose phase it is: NXT for the Nextrade codes P–W, KRX otherwise (an addition
 *                    to the contract's fields; it is also the topic key)
 */
public record MarketStatus(String phase, String description, OffsetDateTime time, Venue venue)
        implements CanonicalMessage {

    public MarketStatus {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(venue, "venue");
        time = KiwoomValues.inKst(time);
    }

    @Override
    public MessageType messageType() {
        return MessageType.MARKET_STATUS;
    }

    @Override
    public String topicKey() {
        return venue.name();
    }

    /** venue, phase, time. */
    @Override
    public List<Object> identity() {
        return List.of(venue, phase, time);
    }
}
