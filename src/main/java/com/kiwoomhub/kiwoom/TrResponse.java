package com.kiwoomhub.kiwoom;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer of one TR call across all fetched pages.
 *
 * @param body     the first page with the {@code listKey} array holding the rows of every page, in page order
 * @param pages    each page body as Kiwoom sent it
 * @param listKey  the array field the rows were merged under, or null for a flat TR
 * @param hasMore  Kiwoom said {@code cont-yn: Y} on the last page fetched (the page cap stopped the walk)
 * @param nextKey  the {@code next-key} to continue from when {@code hasMore}, else null
 */
public record TrResponse(String apiId, String account, JsonNode body, List<JsonNode> pages, String listKey,
                         boolean hasMore, String nextKey) {

    /** The merged rows, or an empty list for a flat TR. */
    public List<JsonNode> rows() {
        JsonNode list = listKey == null ? null : body.get(listKey);
        if (list == null || !list.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(list.spliterator(), false).toList();
    }
}
