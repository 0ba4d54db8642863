package com.kiwoomhub.canonical;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A holding changed (real-time 04 잔고; topic {@code kiwoom.account}, key {@code account}).
 *
 * @param account          the configured account alias
 * @param name             종목명 (FID 302), an addition to the contract's fields
 * @param quantity         보유수량, shares (FID 930)
 * @param sellableQuantity 주문가능수량, shares (FID 933)
 * @param averagePrice     매입단가, KRW (FID 931)
 * @param currentPrice     현재가, KRW (|FID 10|)
 * @param time             when the hub received the frame, KST (04 carries no time)
 */
public record Position(String account, String symbol, String name, long quantity, Long sellableQuantity,
                       Long averagePrice, Long currentPrice, OffsetDateTime time) implements CanonicalMessage {

    public Position {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        time = KiwoomValues.inKst(time);
    }

    @Override
    public MessageType messageType() {
        return MessageType.POSITION;
    }

    @Override
    public String topicKey() {
        return account;
    }

    /** account, symbol, time, quantity, sellableQuantity, averagePrice. */
    @Override
    public List<Object> identity() {
        return Arrays.asList(account, symbol, time, quantity, sellableQuantity, averagePrice);
    }
}
