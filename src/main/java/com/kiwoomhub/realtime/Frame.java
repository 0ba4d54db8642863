package com.kiwoomhub.realtime;

import java.time.Instant;

/**
 * One text frame received from Kiwoom, as handed to listeners.
 *
 * @param trnm          the frame's service name ({@code REAL}, {@code REG}, {@code CNSRREQ} ...)
 * @param json          the frame exactly as received
 * @param receivedAt    wall-clock time the reader got it
 * @param receivedNanos {@link System#nanoTime()} at receipt, for lag measurement
 */
public record Frame(String trnm, String json, Instant receivedAt, long receivedNanos) {
}
