package com.kiwoomhub.realtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where new real-time items go: each on the carrying session with the most free slots at that moment
 * (the first one listed on a tie), so a list of items spreads evenly and the same inputs always give
 * the same placement on every instance.
 */
final class Placement {

    private Placement() {
    }

    /**
     * @param items new items, in order
     * @param free  free slots per carrying account alias, in configuration order
     * @return item → account alias, in the order of {@code items}; null when they do not all fit
     */
    static Map<String, String> place(List<String> items, Map<String, Integer> free) {
        Map<String, Integer> left = new LinkedHashMap<>(free);
        Map<String, String> placed = new LinkedHashMap<>();
        for (String item : items) {
            String roomiest = null;
            for (Map.Entry<String, Integer> e : left.entrySet()) {
                if (e.getValue() > 0 && (roomiest == null || e.getValue() > left.get(roomiest))) {
                    roomiest = e.getKey();
                }
            }
            if (roomiest == null) {
                return null;
            }
            left.merge(roomiest, -1, Integer::sum);
            placed.put(item, roomiest);
        }
        return placed;
    }
}
