package com.kiwoomhub.realtime;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.kiwoomhub.canonical.CanonicalJson;

/**
 * One text frame received from Kiwoom, as handed to listeners.
 *
 * @param trnm          the frame's service name ({@code REAL}, {@code REG}, {@code CNSRREQ} ...)
 * @param json          the frame exactly as received
 * @param receivedAt    wall-clock time the reader got it
 * @param receivedNanos {@link System#nanoTime()} at receipt, for lag measurement
 * @param tree          the frame as the session parsed it, so listeners need not parse it again;
 *                      shared by every listener, so read-only
 */
public record Frame(String trnm, String json, Instant receivedAt, long receivedNanos, JsonNode tree) {

    private static final ObjectMapper JSON = CanonicalJson.mapper();

    /** A field of a frame as trimmed text; empty if absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    /** The trnm of a frame about to be sent. */
    static String trnmOf(String json) {
        try {
            return text(JSON.readTree(json), "trnm");
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON frame with a trnm: " + e.getMessage());
        }
    }
}
