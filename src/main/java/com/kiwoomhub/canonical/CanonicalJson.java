package com.kiwoomhub.canonical;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The JSON form of every canonical record, shared by the whole hub (routes, tests, the sandbox):
 * <ul>
 *   <li>null fields are <b>omitted</b> (the contract reads null and absent alike as "not known");
 *       empty lists are kept;</li>
 *   <li>times are ISO-8601 with the offset and whole seconds, {@code 2026-08-19T15:59:50+09:00};
 *       dates {@code 2026-08-19};</li>
 *   <li>decimals are plain JSON numbers ({@code 2.34}, never {@code 2.34E0});</li>
 *   <li>reading ignores unknown fields (v1 may gain optional fields) and keeps the sender's offset.</li>
 * </ul>
 * The returned mapper is shared: configure a {@link ObjectMapper#copy()} if you need something else.
 */
public final class CanonicalJson {

    /** Canonical time format: seconds always present, no fractions, offset as {@code +09:00}. */
    public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule().addSerializer(OffsetDateTime.class,
                    new OffsetDateTimeSerializer(OffsetDateTimeSerializer.INSTANCE, false, TIME_FORMAT, null)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private CanonicalJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The record as canonical JSON text. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record as canonical UTF-8 JSON bytes, the Kafka value. */
    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
