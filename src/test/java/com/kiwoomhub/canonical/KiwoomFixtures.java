package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Kiwoom payloads as recorded, from {@code src/test/resources/kiwoom/<tr-or-real-type>/}. */
final class KiwoomFixtures {

    private KiwoomFixtures() {
    }

    static JsonNode load(String path) {
        try (InputStream in = KiwoomFixtures.class.getResourceAsStream("/kiwoom/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture kiwoom/" + path);
            }
            return CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
