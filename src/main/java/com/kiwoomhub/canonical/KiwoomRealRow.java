package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a WebSocket {@code REAL} frame: {@code {"type": "0B", "name": …, "item": "005930_NX",
 * "values": {"10": "+34950", …}}}. A frame batches rows of different items and types, so translators
 * pick theirs with {@link #of(JsonNode, String)}.
 *
 * @param type   real-time type code, case-sensitive ({@code 0B}, {@code 0D}, {@code 00} …)
 * @param item   the registered code as echoed, suffix included; {@code ""} for market/account-wide types
 * @param values the FID values
 */
public record KiwoomRealRow(String type, String item, KiwoomRow values) {

    /** The rows of the given type in a {@code REAL} frame, in frame order. */
    public static List<KiwoomRealRow> of(JsonNode frame, String type) {
        List<KiwoomRealRow> rows = new ArrayList<>();
        for (JsonNode row : frame.path("data")) {
            if (type.equals(row.path("type").asText())) {
                rows.add(parse(row));
            }
        }
        return rows;
    }

    /** One element of a frame's {@code data} array. */
    public static KiwoomRealRow parse(JsonNode row) {
        String type = row.path("type").asText();
        JsonNode values = row.path("values");
        // Some clients saw (or feared) values as a one-element list; accept both shapes.
        if (values.isArray() && values.size() == 1) {
            values = values.get(0);
        }
        return new KiwoomRealRow(type, row.path("item").asText(""), new KiwoomRow(values, "ws/" + type));
    }

    /** The item's symbol and venue; null for an empty item. */
    public KiwoomSymbol symbol() {
        return KiwoomSymbol.parse(item);
    }
}
