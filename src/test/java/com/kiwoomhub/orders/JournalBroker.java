package com.kiwoomhub.orders;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The in-process KRaft broker of the order-journal tests: one node, three partitions per topic, transactions on a
 * single replica. A test class registers it as a static extension (beside {@code KafkaTestkitShutdownHooks}); it
 * starts before the class's first test and stops after its last.
 */
final class JournalBroker implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKafkaKraftBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.destroy();
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }
}
