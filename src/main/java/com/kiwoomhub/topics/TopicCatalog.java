package com.kiwoomhub.topics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Every topic the hub writes or reads: the names under {@code topics} ({@code topics.quotes},
 * {@code topics.order-journal}, ...), each with its settings: {@code topics.defaults}, then what
 * code declares for it, then {@code topics.overrides.<key>}.
 */
public final class TopicCatalog {

    /** Keys under {@code topics} that are settings, not topic names. */
    private static final Set<String> SETTINGS = Set.of("prefix", "create", "timeout", "retry");

    private TopicCatalog() {
    }

    /** Topic key → name, e.g. {@code quotes} → {@code prod.kiwoom.quotes}. */
    public static Map<String, String> names(Environment env) {
        Map<String, String> all = Binder.get(env).bind("topics", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Map<String, String> names = new TreeMap<>();
        // nested keys (defaults.partitions, overrides.x.y) are settings too
        all.forEach((key, name) -> {
            if (!SETTINGS.contains(key) && !key.contains(".") && !name.isBlank()) {
                names.put(key, name);
            }
        });
        return names;
    }

    public static List<TopicSpec> specs(Map<String, String> names, TopicsProperties settings,
                                        Collection<TopicDeclaration> declarations) {
        Map<String, TopicDeclaration> declared = new TreeMap<>();
        declarations.forEach(d -> declared.put(d.key(), d));
        return names.entrySet().stream().map(e -> {
            TopicDeclaration declaration = declared.get(e.getKey());
            TopicSettings merged = settings.defaults();
            if (declaration != null) {
                merged = declaration.settings().over(merged);
            }
            merged = settings.overrides().getOrDefault(e.getKey(), TopicSettings.NONE).over(merged);
            return new TopicSpec(e.getValue(), merged, declaration != null && declaration.enforced());
        }).toList();
    }
}
