package com.kiwoomhub.kiwoom;

/**
 * How one TR call pages and queues.
 *
 * @param maxPages  pages to fetch at most by following {@code cont-yn}/{@code next-key} (1 = no paging)
 * @param listKey   the response array holding the rows; null = the first array field of the first page
 * @param nextKey   continue a previous call from this {@code next-key}; null = start at the first page
 * @param priority  rate-limit priority; null = {@code ORDER} for order TRs, else {@code QUERY}
 * @param walk      told of every page and may stop the walk before {@code maxPages}; null = none
 */
public record CallOptions(int maxPages, String listKey, String nextKey, RateLimiter.Priority priority, PageWalk walk) {

    public static final CallOptions DEFAULT = new CallOptions(1, null, null, null, null);

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
        return new CallOptions(pages, listKey, nextKey, priority, walk);
    }

    public CallOptions withListKey(String key) {
        return new CallOptions(maxPages, key, nextKey, priority, walk);
    }

    public CallOptions continueFrom(String key) {
        return new CallOptions(maxPages, listKey, key, priority, walk);
    }

    public CallOptions withPriority(RateLimiter.Priority p) {
        return new CallOptions(maxPages, listKey, nextKey, p, walk);
    }

    public CallOptions walkedBy(PageWalk w) {
        return new CallOptions(maxPages, listKey, nextKey, priority, w);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
