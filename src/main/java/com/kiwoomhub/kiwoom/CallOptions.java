package com.kiwoomhub.kiwoom;

/**
 * How one TR call pages and queues.
 *
 * @param maxPages  pages to fetch at most by following {@code cont-yn}/{@code next-key} (1 = no paging)
 * @param listKey   the response array holding the rows; null = the first array field of the first page
 * @param nextKey   continue a previous call from this {@code next-key}; null = start at the first page
 * @param priority  rate-limit priority; null = {@code ORDER} for order TRs, else {@code QUERY}
 */
public record CallOptions(int maxPages, String listKey, String nextKey, RateLimiter.Priority priority) {

    public static final CallOptions DEFAULT = new CallOptions(1, null, null, null);

    public CallOptions {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, got " + maxPages);
        }
        listKey = blankToNull(listKey);
        nextKey = blankToNull(nextKey);
    }

    public static CallOptions pages(int maxPages) {
        return DEFAULT.withMaxPages(maxPages);
    }

    public CallOptions withMaxPages(int pages) {
        return new CallOptions(pages, listKey, nextKey, priority);
    }

    public CallOptions withListKey(String key) {
        return new CallOptions(maxPages, key, nextKey, priority);
    }

    public CallOptions continueFrom(String key) {
        return new CallOptions(maxPages, listKey, key, priority);
    }

    public CallOptions withPriority(RateLimiter.Priority p) {
        return new CallOptions(maxPages, listKey, nextKey, p);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
