package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * One Kiwoom object (a flat TR response, a list row, or the {@code values} of a REAL row) read
 * through {@link KiwoomValues}. Field names are TR field names or FID strings. The {@code require*}
 * variants throw a {@link KiwoomFormatException} naming the source and field when a canonical
 * required field has no value.
 */
public record KiwoomRow(JsonNode node, String source) {

    public KiwoomRow {
        if (node == null || !node.isObject()) {
            throw new KiwoomFormatException(source + ": expected a JSON object, got " + node);
        }
    }

    /** The raw string of a field; null when absent or JSON null. Numbers sent as JSON numbers are accepted. */
    public String raw(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    public String text(String field) {
        return KiwoomValues.text(raw(field));
    }

    public String requireText(String field) {
        return require(field, text(field));
    }

    public Long price(String field) {
        return parse(field, KiwoomValues::price);
    }

    public long requirePrice(String field) {
        return require(field, price(field));
    }

    public Long signed(String field) {
        return parse(field, KiwoomValues::signed);
    }

    public long requireSigned(String field) {
        return require(field, signed(field));
    }

    public Long magnitude(String field) {
        return parse(field, KiwoomValues::magnitude);
    }

    public long requireMagnitude(String field) {
        return require(field, magnitude(field));
    }

    public BigDecimal decimal(String field) {
        return parse(field, KiwoomValues::decimal);
    }

    public BigDecimal requireDecimal(String field) {
        return require(field, decimal(field));
    }

    public int direction(String field) {
        return KiwoomValues.direction(raw(field));
    }

    public KiwoomSymbol requireSymbol(String field) {
        return require(field, KiwoomSymbol.parse(raw(field)));
    }

    public OffsetDateTime time(String field, LocalDate tradingDate) {
        return parse(field, v -> KiwoomValues.time(v, tradingDate));
    }

    public OffsetDateTime requireTime(String field, LocalDate tradingDate) {
        return require(field, time(field, tradingDate));
    }

    public LocalDate date(String field) {
        return parse(field, KiwoomValues::date);
    }

    public LocalDate requireDate(String field) {
        return require(field, date(field));
    }

    public OffsetDateTime requireDateTime(String field) {
        return require(field, parse(field, KiwoomValues::dateTime));
    }

    private <T> T parse(String field, Function<String, T> parser) {
        try {
            return parser.apply(raw(field));
        } catch (KiwoomFormatException e) {
            throw new KiwoomFormatException(source + " " + field + ": " + e.getMessage());
        }
    }

    private <T> T require(String field, T value) {
        if (value == null) {
            throw new KiwoomFormatException(source + " " + field + ": required value missing (\"" + raw(field) + "\")");
        }
        return value;
    }
}
