package com.kiwoomhub.topics;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

import com.kiwoomhub.canonical.DeadLetterHeaders;

/**
 * Route step before a send to {@code topics.dead-letters}: adds the reason headers to the record read
 * from Kafka, whose key ({@code kafka.KEY}) and value stay as they were.
 */
@Component("deadLetter")
public class DeadLetterStamp {

    /** {@code code} as given; the reason is the message of the exception the route caught. */
    public void stamp(Exchange exchange, String code) {
        Message in = exchange.getMessage();
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        DeadLetterHeaders.of(code, caught == null ? code : caught.getMessage(),
                        in.getHeader(KafkaConstants.TOPIC, String.class), in.getHeader(KafkaConstants.PARTITION, Integer.class),
                        in.getHeader(KafkaConstants.OFFSET, Long.class))
                .forEach(in::setHeader);
    }
}
