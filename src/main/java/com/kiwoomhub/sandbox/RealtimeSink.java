package com.kiwoomhub.sandbox;

import java.util.Map;

/**
 * Where the simulated market and account push Kiwoom real-time rows, values already in Kiwoom's
 * wire format (FID number to string). The sandbox WebSocket server delivers them to the sessions
 * that registered them.
 */
public interface RealtimeSink {

    /** A market row (0B, 0D, 0s ...) for every session that registered {@code item} under {@code type}. */
    void market(String type, String item, Map<String, String> values);

    /** An account row (00, 04) for the sessions logged in with {@code appKey} that registered {@code type}. */
    void account(String appKey, String type, String item, Map<String, String> values);

    RealtimeSink NONE = new RealtimeSink() {
        @Override
        public void market(String type, String item, Map<String, String> values) {
        }

        @Override
        public void account(String appKey, String type, String item, Map<String, String> values) {
        }
    };
}
