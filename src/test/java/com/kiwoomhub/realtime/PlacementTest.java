package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** New items go to the session with the most free slots, the first one listed on a tie, and never past the slots. */
class PlacementTest {

    @Test
    void eachItemGoesToTheSessionWithTheMostFreeSlotsAndTiesGoToTheFirstListed() {
        Map<String, Integer> free = new LinkedHashMap<>();
        free.put("alpha", 2);
        free.put("beta", 3);
        free.put("gamma", 0);

        assertThat(Placement.place(List.of("a", "b", "c", "d", "e"), free)).containsExactly(
                Map.entry("a", "beta"), Map.entry("b", "alpha"), Map.entry("c", "beta"), Map.entry("d", "alpha"),
                Map.entry("e", "beta"));
        assertThat(free).as("the input is left alone").containsEntry("alpha", 2).containsEntry("beta", 3);
    }

    @Test
    void itemsBeyondTheFreeSlotsPlaceNothing() {
        assertThat(Placement.place(List.of("a", "b", "c"), Map.of("alpha", 1, "beta", 1))).isNull();
        assertThat(Placement.place(List.of(), Map.of("alpha", 0))).isEmpty();
    }
}
