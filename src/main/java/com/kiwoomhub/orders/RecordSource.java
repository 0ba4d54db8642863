package com.kiwoomhub.orders;

import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an order-request record was read: a redelivery of the record has the same source, another record
 * with the same clientOrderId does not. The journal writes it as {@code sourceTopic}, {@code sourcePartition}
 * and {@code sourceOffset} beside the entry's other fields.
 */
public record RecordSource(@JsonProperty("sourceTopic") String topic, @JsonProperty("sourcePartition") int partition,
                           @JsonProperty("sourceOffset") long offset) {

    /** The source of the Kafka record an intake exchange carries (topic "", partition and offset -1 when absent). */
    static RecordSource of(Message in) {
        return new RecordSource(in.getHeader(KafkaConstants.TOPIC, "", String.class),
                in.getHeader(KafkaConstants.PARTITION, -1, Integer.class),
                in.getHeader(KafkaConstants.OFFSET, -1L, Long.class));
    }

    /** As logs and reasons quote it: {@code kiwoom.order-requests-0 offset 42}. */
    @Override
    public String toString() {
        return topic + "-" + partition + " offset " + offset;
    }
}
