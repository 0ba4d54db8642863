package com.kiwoomhub.canonical;

import java.util.List;

/**
 * A record published on (or read from) a canonical topic. The methods below are not JSON fields:
 * they feed {@link CloudEvent} (Kafka key, {@code ce_type}, deterministic {@code ce_id}).
 */
public interface CanonicalMessage {

    MessageType messageType();

    /** The Kafka record key of the contract's topic table. */
    String topicKey();

    /**
     * The values that make two records "the same source data": equal lists give equal {@code ce_id}s.
     * Each record documents its recipe.
     */
    List<Object> identity();
}
