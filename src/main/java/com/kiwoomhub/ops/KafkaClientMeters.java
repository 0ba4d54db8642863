package com.kiwoomhub.ops;

import java.util.Properties;

import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The Kafka clients of the routes, with their own metrics in Micrometer: send latency and errors per
 * producer ({@code kafka_producer_*}), consumer lag per topic partition
 * ({@code kafka_consumer_fetch_manager_records_lag}). camel-kafka does not bind them itself; the
 * component uses this factory ({@code camel.component.kafka.kafka-client-factory}).
 */
@Component("kafkaClientMeters")
public class KafkaClientMeters extends DefaultKafkaClientFactory {

    private final MeterRegistry registry;

    public KafkaClientMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Producer getProducer(Properties props) {
        Producer producer = super.getProducer(props);
        new KafkaClientMetrics(producer).bindTo(registry);
        return producer;
    }

    @Override
    public Consumer getConsumer(Properties props) {
        Consumer consumer = super.getConsumer(props);
        new KafkaClientMetrics(consumer).bindTo(registry);
        return consumer;
    }
}
