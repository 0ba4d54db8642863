package com.kiwoomhub.canonical;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Kafka key and CloudEvents headers (Kafka protocol binding, binary mode) of one canonical record.
 * <p>
 * {@code ce_id} is a name-based UUID (version 3, {@link UUID#nameUUIDFromBytes}) over
 * {@code <ce_type>|<identity values joined by "|">}, so the same source data always yields the same id
 * and a consumer can drop duplicates (a re-polled bar, a replayed frame). The identity of each type
 * is documented on its record ({@link CanonicalMessage#identity()}).
 *
 * @param key    Kafka record key (may be null where the contract says "any")
 * @param source {@code kiwoom-hub/<tr>} or {@code kiwoom-hub/ws/<type>}
 * @param time   when the data was observed (trade/frame time, or the poll time for polled data)
 */
public record CloudEvent(String key, String id, String source, String type, OffsetDateTime time) {

    public CloudEvent {
        time = KiwoomValues.inKst(time);
    }

    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE_PREFIX = "kiwoom-hub/";
    public static final String CONTENT_TYPE = "application/json";

    /**
     * @param origin the Kiwoom origin of the record: a TR id ({@code "ka10095"}) or {@code "ws/<type>"}
     *               ({@code "ws/0B"}); prefixed with {@value #SOURCE_PREFIX}
     */
    public static CloudEvent of(CanonicalMessage message, String origin, OffsetDateTime time) {
        String type = message.messageType().ceType();
        return new CloudEvent(message.topicKey(), idOf(type, message), SOURCE_PREFIX + origin, type, time);
    }

    /** The deterministic {@code ce_id} of a record. */
    public static String idOf(String ceType, CanonicalMessage message) {
        String name = ceType + "|" + message.identity().stream()
                .map(CloudEvent::identityText)
                .collect(Collectors.joining("|"));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Header name → value, in the contract's order, ready for a Kafka producer. */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_specversion", SPEC_VERSION);
        h.put("ce_id", id);
        h.put("ce_source", source);
        h.put("ce_type", type);
        h.put("ce_time", CanonicalJson.TIME_FORMAT.format(time));
        h.put("content-type", CONTENT_TYPE);
        return h;
    }

    private static String identityText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime t) {
            return CanonicalJson.TIME_FORMAT.format(t);
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Enum<?>
                || value instanceof Boolean || value instanceof LocalDate) {
            return value.toString();
        }
        return CanonicalJson.toJson(value);
    }
}
