package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The schemas are strict where the contract is: they reject what the contract forbids. */
class SchemaContractTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-08-19T15:59:50+09:00");

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyMessageTypeHasADraft202012SchemaThatAllowsAdditions(MessageType type) {
        var schema = CanonicalSchemas.schema(type).getSchemaNode();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
        assertThat(schema.path("required").isArray()).isTrue();
    }

    @Test
    void rejectsAMissingRequiredField() {
        ObjectNode json = quoteJson();
        json.remove("asOf");
        assertThat(CanonicalSchemas.validate(MessageType.QUOTE, json)).isNotEmpty();
    }

    @Test
    void rejectsATimeWithoutTheKstOffset() {
        ObjectNode json = quoteJson();
        json.put("asOf", "2026-08-19T06:59:50Z");
        assertThat(CanonicalSchemas.validate(MessageType.QUOTE, json)).isNotEmpty();
    }

    @Test
    void rejectsAnUnknownVenueAndAPrefixedSymbol() {
        assertThat(CanonicalSchemas.validate(MessageType.QUOTE, quoteJson().put("venue", "SOR"))).isNotEmpty();
        assertThat(CanonicalSchemas.validate(MessageType.QUOTE, quoteJson().put("symbol", "A005930"))).isNotEmpty();
    }

    @Test
    void rejectsAFractionalPrice() {
        assertThat(CanonicalSchemas.validate(MessageType.QUOTE, quoteJson().put("price", 34950.5))).isNotEmpty();
    }

    @Test
    void acceptsAnAddedOptionalField() {
        assertThat(CanonicalSchemas.validate(MessageType.QUOTE, quoteJson().put("tradeStrength", 123.72))).isEmpty();
    }

    private static ObjectNode quoteJson() {
        Quote q = new Quote("006360", Venue.KRX, "GS건설", 34950, 34150, 800, new BigDecimal("2.34"),
                null, null, null, null, null, 2837598, null, null, null, null, T, "ka10095");
        return CanonicalJson.mapper().valueToTree(q);
    }
}
