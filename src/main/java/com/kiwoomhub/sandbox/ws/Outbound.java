package com.kiwoomhub.sandbox.ws;

/** Something queued for a session's ordered output: a REAL row, or a raw frame from the fault API. */
sealed interface Outbound permits RealtimeRow, Outbound.Raw {

    record Raw(String text) implements Outbound {
    }
}
