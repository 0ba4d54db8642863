package com.kiwoomhub.realtime;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

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
}
