package com.kiwoomhub.topics;

/**
 * One topic the hub writes or reads, with the settings it is created with.
 *
 * @param name     the topic name (prefix included)
 * @param settings the merged settings: defaults, declaration, overrides
 * @param enforced whether an existing topic's cleanup policy is corrected (see {@link TopicDeclaration})
 */
public record TopicSpec(String name, TopicSettings settings, boolean enforced) {
}
