package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks canonical records against the published JSON Schemas ({@code src/main/resources/schemas/}),
 * exactly as a consumer would see them: serialized with {@link CanonicalJson}, then validated with
 * format assertions on.
 */
public final class CanonicalSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<MessageType, JsonSchema> SCHEMAS = new EnumMap<>(MessageType.class);

    private CanonicalSchemas() {
    }

    static synchronized JsonSchema schema(MessageType type) {
        return SCHEMAS.computeIfAbsent(type, t -> FACTORY.getSchema(
                SchemaLocation.of("classpath:" + t.schemaResource().substring(1)), CONFIG));
    }

    /** For tests outside this package that read records back from Kafka. */
    public static Set<ValidationMessage> validate(MessageType type, JsonNode json) {
        return schema(type).validate(json);
    }

    /** Asserts that a record value as read from a topic satisfies the schema of its {@code ce_type}. */
    public static JsonNode assertValid(String ceType, String value) {
        MessageType type = java.util.Arrays.stream(MessageType.values()).filter(t -> t.ceType().equals(ceType))
                .findFirst().orElseThrow(() -> new AssertionError("unknown ce_type " + ceType));
        JsonNode json;
        try {
            json = CanonicalJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(validate(type, json)).as("%s against %s: %s", type, type.schemaResource(), json).isEmpty();
        return json;
    }

    /** Serializes the record and asserts it satisfies its type's schema; returns the JSON for more checks. */
    public static JsonNode assertValid(CanonicalMessage message) {
        // Through the bytes a consumer gets, not valueToTree: that is what the schema promises.
        JsonNode json;
        try {
            json = CanonicalJson.mapper().readTree(CanonicalJson.toBytes(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(validate(message.messageType(), json))
                .as("%s against %s: %s", message.messageType(), message.messageType().schemaResource(), json)
                .isEmpty();
        return json;
    }

    static void assertAllValid(Iterable<? extends CanonicalMessage> messages) {
        for (CanonicalMessage m : messages) {
            assertValid(m);
        }
    }
}
