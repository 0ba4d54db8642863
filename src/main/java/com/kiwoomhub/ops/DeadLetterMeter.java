package com.kiwoomhub.ops;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code hub.dead.letters{source}}: records a route sent to the dead-letter topic, by the topic they came from. */
@Component("deadLetters")
public class DeadLetterMeter {

    private final MeterRegistry meters;

    public DeadLetterMeter(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One record of {@code source} (a topic key, e.g. {@code order-requests}) went to the dead-letter topic. */
    public void count(String source) {
        Counter.builder("hub.dead.letters").description("Records sent to the dead-letter topic, by the topic they came from")
                .tag("source", source).register(meters).increment();
    }
}
