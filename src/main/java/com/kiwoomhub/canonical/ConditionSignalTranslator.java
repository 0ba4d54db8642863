package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Condition search (조건검색) → {@link ConditionSignal}: the CNSRREQ search answer (MATCH) and
 * real-time 02 alerts (ENTER / EXIT).
 */
public final class ConditionSignalTranslator {

    public static final String TYPE = "02";
    public static final String CNSRREQ = "CNSRREQ";

    private ConditionSignalTranslator() {
    }

    /**
     * A CNSRREQ answer: search_type 0 rows ({@code 9001} = {@code A005930} plus price FIDs) or the
     * search_type 1 initial list ({@code jmcode}). One MATCH per distinct symbol, in answer order
     * (Kiwoom's own example repeats a code).
     *
     * @param conditionNames seq → name from CNSRLST; a missing entry leaves the name out
     * @param searchedAt     when the hub received the answer, KST: the answer carries no time
     */
    public static List<ConditionSignal> fromSearch(JsonNode response, Map<String, String> conditionNames,
                                                   OffsetDateTime searchedAt) {
        String seq = KiwoomValues.text(response.path("seq").asText(null));
        if (seq == null) {
            throw new KiwoomFormatException(CNSRREQ + ": answer without seq");
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (JsonNode node : response.path("data")) {
            KiwoomRow row = new KiwoomRow(node, CNSRREQ);
            symbols.add(row.requireSymbol(row.has("jmcode") ? "jmcode" : "9001").symbol());
        }
        List<ConditionSignal> signals = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            signals.add(new ConditionSignal(seq, conditionNames.get(seq), symbol, ConditionEvent.MATCH, searchedAt));
        }
        return signals;
    }

    /** Every 02 row of a REAL frame, in frame order. */
    public static List<ConditionSignal> fromFrame(JsonNode frame, Map<String, String> conditionNames,
                                                  LocalDate tradingDate) {
        return KiwoomRealRow.of(frame, TYPE).stream().map(row -> fromRow(row, conditionNames, tradingDate)).toList();
    }

    /** One 02 row: FID 841 seq, 9001 code (the item when absent), 843 {@code I}/{@code D}, 20 time. */
    public static ConditionSignal fromRow(KiwoomRealRow row, Map<String, String> conditionNames,
                                          LocalDate tradingDate) {
        KiwoomRow v = row.values();
        String seq = v.requireText("841");
        KiwoomSymbol code = v.has("9001") ? v.requireSymbol("9001") : TradeTranslator.requireItem(row);
        String insertDelete = v.requireText("843");
        ConditionEvent event = switch (insertDelete) {
            case "I" -> ConditionEvent.ENTER;
            case "D" -> ConditionEvent.EXIT;
            default -> throw new KiwoomFormatException("ws/02 843: expected I or D, got \"" + insertDelete + "\"");
        };
        return new ConditionSignal(seq, conditionNames.get(seq), code.symbol(), event,
                v.requireTime("20", tradingDate));
    }
}
