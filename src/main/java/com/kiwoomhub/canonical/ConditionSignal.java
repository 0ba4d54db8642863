package com.kiwoomhub.canonical;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A symbol matched, entered or left an HTS condition (topic {@code kiwoom.condition-signals}, key
 * {@code symbol}).
 *
 * @param conditionSeq  the condition's 일련번호 as Kiwoom lists it ({@code "4"}), trimmed
 * @param conditionName its name from CNSRLST, when known
 * @param time          alert time (FID 20) for ENTER/EXIT; the search time for MATCH; KST
 */
public record ConditionSignal(String conditionSeq, String conditionName, String symbol, ConditionEvent event,
                              OffsetDateTime time) implements CanonicalMessage {

    public ConditionSignal {
        Objects.requireNonNull(conditionSeq, "conditionSeq");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(time, "time");
        time = KiwoomValues.inKst(time);
    }

    @Override
    public MessageType messageType() {
        return MessageType.CONDITION_SIGNAL;
    }

    @Override
    public String topicKey() {
        return symbol;
    }

    /** conditionSeq, symbol, event, time. */
    @Override
    public List<Object> identity() {
        return List.of(conditionSeq, symbol, event, time);
    }
}
