package com.kiwoomhub.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** Kiwoom payloads from src/test/resources/kiwoom/&lt;tr&gt;/, verbatim from the reference. */
final class Fixtures {

    private Fixtures() {
    }

    static JsonNode load(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/kiwoom/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture kiwoom/" + path);
            }
            return RestTestClient.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
