package com.kiwoomhub.topics;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub administers its topics; the topic names themselves are the other keys under
 * {@code topics} (see {@link TopicCatalog}).
 *
 * @param create    create missing topics at start; false = only check, and stop when one is missing
 * @param defaults  settings of every topic the hub creates
 * @param overrides settings per topic key (e.g. {@code order-journal}), laid over the defaults
 * @param timeout   how long one Kafka admin call may take; a start waits this long for an unreachable Kafka
 * @param retry     how often the setup is tried again while Kafka does not answer
 */
@ConfigurationProperties("topics")
public record TopicsProperties(@DefaultValue("true") boolean create, TopicSettings defaults,
                               Map<String, TopicSettings> overrides, @DefaultValue("5s") Duration timeout,
                               @DefaultValue("5s") Duration retry) {

    public TopicsProperties {
        defaults = defaults == null ? TopicSettings.NONE : defaults;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }
}
