package com.kiwoomhub.topics;

/**
 * A topic's settings that code depends on, declared by the part of the hub that owns the topic (the
 * order journal needs compaction). Configuration ({@code topics.overrides.<key>}) still wins over it,
 * except that an {@code enforced} cleanup policy is set on an existing topic that lacks it.
 *
 * @param key      the topic's key under {@code topics}, e.g. {@code order-journal}
 * @param settings the settings, laid over {@code topics.defaults}
 * @param enforced whether an existing topic's differing cleanup policy is changed instead of only warned about
 */
public record TopicDeclaration(String key, TopicSettings settings, boolean enforced) {
}
