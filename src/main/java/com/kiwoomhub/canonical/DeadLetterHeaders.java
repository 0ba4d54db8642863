package com.kiwoomhub.canonical;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The headers of one dead letter, in this order, as text. */
    public static Map<String, String> of(String code, String reason, String sourceTopic, Integer sourcePartition,
                                         Long sourceOffset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ERROR_CODE, code);
        headers.put(ERROR, reason);
        headers.put(SOURCE_TOPIC, sourceTopic);
        headers.put(SOURCE_PARTITION, String.valueOf(sourcePartition));
        headers.put(SOURCE_OFFSET, String.valueOf(sourceOffset));
        return headers;
    }
}
