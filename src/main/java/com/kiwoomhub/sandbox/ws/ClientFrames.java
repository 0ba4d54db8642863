package com.kiwoomhub.sandbox.ws;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reading the fields of client frames leniently: clients send strings, but numbers must not break us. */
final class ClientFrames {

    private ClientFrames() {
    }

    /** A field as text, {@code ""} when absent. */
    static String field(JsonObject frame, String key) {
        Object value = frame.getValue(key);
        return value == null ? "" : value.toString();
    }

    /** The (type, item) pairs of a REG/REMOVE: every item of a data entry for every type of the same entry. */
    static List<Subscription> subscriptions(JsonObject frame) {
        List<Subscription> result = new ArrayList<>();
        if (!(frame.getValue("data") instanceof JsonArray entries)) {
            return result;
        }
        for (Object entry : entries) {
            if (entry instanceof JsonObject json) {
                for (String type : strings(json.getValue("type"))) {
                    for (String item : strings(json.getValue("item"))) {
                        result.add(new Subscription(type, item));
                    }
                }
            }
        }
        return result;
    }

    private static List<String> strings(Object value) {
        if (value instanceof JsonArray array) {
            return array.stream().map(v -> v == null ? "" : v.toString()).toList();
        }
        return value == null ? List.of("") : List.of(value.toString());
    }
}
