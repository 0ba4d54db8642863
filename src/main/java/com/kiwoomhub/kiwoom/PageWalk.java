package com.kiwoomhub.kiwoom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Watches a paged TR call page by page and decides whether it goes on: a caller that reads history
 * back to a date stops once a page reaches it, and reports its progress meanwhile.
 */
@FunctionalInterface
public interface PageWalk {

    /**
     * Called after every page read, the last one included.
     *
     * @return false to stop after this page although Kiwoom has more ({@code hasMore} stays true)
     */
    boolean proceed(Page page);

    /**
     * One page read.
     *
     * @param number 1 for the first page of the call
     * @param body   the page as Kiwoom sent it
     * @param rows   rows in the page's list, or -1 for a flat TR
     * @param more   Kiwoom has more after this page ({@code cont-yn: Y}, a next-key and rows in this page)
     */
    record Page(int number, JsonNode body, int rows, boolean more) {
    }
}
