package com.kiwoomhub.canonical;

/**
 * Header names a record carries on {@link MessageType#DEAD_LETTER_TOPIC}, next to its original key and
 * value, unchanged.
 */
public final class DeadLetterHeaders {

    /** Machine-readable reason, e.g. {@code HUB_VALIDATION}. */
    public static final String ERROR_CODE = "kiwoomhub_error_code";
    /** Human-readable reason. */
    public static final String ERROR = "kiwoomhub_error";
    public static final String SOURCE_TOPIC = "kiwoomhub_source_topic";
    public static final String SOURCE_PARTITION = "kiwoomhub_source_partition";
    public static final String SOURCE_OFFSET = "kiwoomhub_source_offset";

    private DeadLetterHeaders() {
    }
}
