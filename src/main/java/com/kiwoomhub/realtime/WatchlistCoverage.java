package com.kiwoomhub.realtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How much of the configured real-time subscriptions fits the accounts' Kiwoom item slots (200 per
 * connection, the sum over the configured accounts). The order is documented (README): the indices
 * first, then the real-time watchlist in its configured order; whatever comes after the last free
 * slot is left out rather than sent and refused with 105115.
 *
 * @param indices  index codes that got a slot
 * @param symbols  watchlist symbols that got a slot
 * @param leftOut  index codes and symbols that did not, in order
 * @param slots    the item slots of all sessions together
 */
public record WatchlistCoverage(List<String> indices, List<String> symbols, List<String> leftOut, int slots) {

    /** Nothing configured yet (before the start-up subscription ran). */
    public static final WatchlistCoverage NONE = new WatchlistCoverage(List.of(), List.of(), List.of(), 0);

    /**
     * @param subscribed whether an item holds a slot already (it fits without a new one)
     * @param free       slots free now
     */
    static WatchlistCoverage plan(List<String> indices, List<String> symbols, Predicate<String> subscribed, int free,
                                  int slots) {
        int[] left = {free};
        List<String> leftOut = new ArrayList<>();
        List<String> fittingIndices = fitting(indices, subscribed, left, leftOut);
        List<String> fittingSymbols = fitting(symbols, subscribed, left, leftOut);
        return new WatchlistCoverage(fittingIndices, fittingSymbols, leftOut, slots);
    }

    private static List<String> fitting(List<String> items, Predicate<String> subscribed, int[] left,
                                        List<String> leftOut) {
        List<String> fit = new ArrayList<>();
        for (String item : items) {
            if (subscribed.test(item)) {
                fit.add(item);
            } else if (left[0] > 0) {
                left[0]--;
                fit.add(item);
            } else {
                leftOut.add(item);
            }
        }
        return fit;
    }

    public boolean complete() {
        return leftOut.isEmpty();
    }

    /** The one log line about a watchlist that does not fit. */
    public String shortfall(int accounts, int itemsPerConnection) {
        int wanted = indices.size() + symbols.size() + leftOut.size();
        return "The real-time subscriptions need " + wanted + " Kiwoom item slots but " + accounts + " account(s) carry "
                + slots + " (" + itemsPerConnection + " per connection, less what is taken): subscribed "
                + indices.size() + " index(es) and the first " + symbols.size() + " real-time watchlist symbol(s); left out "
                + leftOut.size() + " (" + preview(leftOut) + "). Shorten KIWOOM_REALTIME_WATCHLIST or add an account "
                + "under kiwoom.accounts.";
    }

    /** For {@code /actuator/health}. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("complete", complete());
        details.put("slots", slots);
        details.put("indices", indices.size());
        details.put("symbols", symbols.size());
        details.put("leftOut", leftOut.size());
        if (!leftOut.isEmpty()) {
            details.put("firstLeftOut", preview(leftOut));
        }
        return details;
    }

    private static String preview(List<String> items) {
        return items.size() <= 5 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 5)) + " … " + items.get(items.size() - 1);
    }
}
