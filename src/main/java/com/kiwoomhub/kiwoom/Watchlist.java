package com.kiwoomhub.kiwoom;

import java.util.Collection;
import java.util.List;

/**
 * How a configured list of Kiwoom codes is read, the quote and real-time watchlists and the index
 * codes alike: each entry trimmed, blank entries dropped, a repeated code kept once in its first place.
 */
public final class Watchlist {

    private Watchlist() {
    }

    public static List<String> codes(Collection<String> configured) {
        return configured.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
