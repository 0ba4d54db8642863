package com.kiwoomhub.marketdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One account's share of the quote watchlist: a contiguous run of it, in watchlist order, and the
 * request bodies of the calls that poll it (ka10095 batches, or one ka10001 call per symbol).
 *
 * <p>The watchlist is cut into calls first, then the calls are dealt out in runs, in account order:
 * each account gets calls / accounts of them and the first calls % accounts accounts one more, so
 * the longest slice has at most one call more than the shortest and no call is added by the split.
 * Only the configuration decides the cut, so every instance cuts the same slices.
 *
 * @param account the alias of the account whose app key polls the slice
 * @param symbols the codes of the slice, in watchlist order
 * @param requests one body per call, in watchlist order
 */
public record QuoteSlice(String account, List<String> symbols, List<Map<String, String>> requests) {

    public QuoteSlice {
        symbols = List.copyOf(symbols);
        requests = List.copyOf(requests);
    }

    /**
     * The slices of the watchlist over these accounts; an account left without a call (more accounts
     * than calls) has no slice.
     *
     * @param codesPerCall codes joined by {@code |} into one call: the ka10095 batch size, 1 for ka10001
     */
    static List<QuoteSlice> of(List<String> watchlist, List<String> accounts, int codesPerCall) {
        if (codesPerCall < 1) {
            throw new IllegalArgumentException("codesPerCall must be at least 1, got " + codesPerCall);
        }
        int calls = (watchlist.size() + codesPerCall - 1) / codesPerCall;
        List<QuoteSlice> slices = new ArrayList<>();
        int firstCall = 0;
        for (int i = 0; i < accounts.size() && firstCall < calls; i++) {
            int share = calls / accounts.size() + (i < calls % accounts.size() ? 1 : 0);
            List<String> symbols = watchlist.subList(firstCall * codesPerCall,
                    Math.min((firstCall + share) * codesPerCall, watchlist.size()));
            List<Map<String, String>> requests = new ArrayList<>();
            for (int from = 0; from < symbols.size(); from += codesPerCall) {
                List<String> batch = symbols.subList(from, Math.min(from + codesPerCall, symbols.size()));
                requests.add(Map.of("stk_cd", String.join("|", batch)));
            }
            slices.add(new QuoteSlice(accounts.get(i), symbols, requests));
            firstCall += share;
        }
        return slices;
    }
}
