package com.kiwoomhub.realtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.SubscriptionAction;

/**
 * A SubscriptionRequest (the JSON of {@code kiwoom.subscription-requests}) that passed validation.
 *
 * @param items    the distinct symbols or index codes, in request order
 * @param channels the distinct channel names, in request order
 */
record CheckedRequest(SubscriptionAction action, List<String> items, List<String> channels) {

    /** @throws SubscriptionRejectedException ({@code HUB_VALIDATION}) naming what is wrong */
    static CheckedRequest read(String json) {
        if (json == null || json.isBlank()) {
            throw invalid("an empty record or a tombstone is not a SubscriptionRequest");
        }
        JsonNode request;
        try {
            request = CanonicalJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("not JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw invalid("a SubscriptionRequest is a JSON object with action, symbols and channels");
        }
        SubscriptionAction action = action(request.path("action"));
        List<String> symbols = strings(request, "symbols");
        List<String> channels = strings(request, "channels");
        types(channels, symbols);
        return new CheckedRequest(action, symbols.stream().distinct().toList(), channels.stream().distinct().toList());
    }

    /** The Kiwoom types of the channels, each checked to take the items given (index codes or stock codes). */
    static Set<String> types(Collection<String> channels, Collection<String> items) {
        Set<String> types = new LinkedHashSet<>();
        for (String name : channels) {
            Channel channel = Channel.named(name).orElseThrow(() -> invalid("unknown channel '" + name
                    + "'; the hub supports " + Channel.names()));
            for (String item : items) {
                if (!channel.accepts(item)) {
                    throw invalid("'" + item + "' is not an item of channel " + name + ": " + (channel.isIndex()
                            ? "indices takes 3-digit index codes (001 KOSPI, 101 KOSDAQ)"
                            : "it takes 6-character stock codes with an optional _NX or _AL"));
                }
            }
            types.add(channel.kiwoomType());
        }
        return types;
    }

    private static SubscriptionAction action(JsonNode node) {
        try {
            return SubscriptionAction.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            throw invalid("action must be SUBSCRIBE or UNSUBSCRIBE, got " + (node.isMissingNode() ? "none" : node));
        }
    }

    private static List<String> strings(JsonNode request, String field) {
        JsonNode node = request.path(field);
        if (!node.isArray() || node.isEmpty()) {
            throw invalid(field + " must be a non-empty array");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw invalid(field + " must hold non-blank strings, got " + value);
            }
            values.add(value.asText().trim());
        }
        return values;
    }

    private static SubscriptionRejectedException invalid(String message) {
        return new SubscriptionRejectedException(SubscriptionRejectedException.INVALID, message);
    }
}
