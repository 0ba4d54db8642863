package com.kiwoomhub.ops;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The Kafka clients of the routes, with their own metrics in Micrometer: send latency and errors per
 * producer ({@code kafka_producer_*}), consumer lag per topic partition
 * ({@code kafka_consumer_fetch_manager_records_lag}). camel-kafka does not bind them itself; the
 * component uses this factory ({@code camel.component.kafka.kafka-client-factory}).
 * <p>
 * A client creates some metrics only later (a partition's lag after its first fetch); Micrometer's
 * binder looks for them on a fixed one-minute schedule. All clients share one refresh thread, which runs
 * that look at {@code kafka.metrics-refresh} instead.
 */
@Component("kafkaClientMeters")
public class KafkaClientMeters extends DefaultKafkaClientFactory implements DisposableBean {

    private final MeterRegistry registry;
    private final MeterRefresh refresh;

    public KafkaClientMeters(MeterRegistry registry, @Value("${kafka.metrics-refresh}") Duration interval) {
        this.registry = registry;
        this.refresh = new MeterRefresh(interval);
    }

    @Override
    public Producer getProducer(Properties props) {
        Producer producer = super.getProducer(props);
        new KafkaClientMetrics(producer, List.of(), refresh).bindTo(registry);
        return producer;
    }

    @Override
    public Consumer getConsumer(Properties props) {
        Consumer consumer = super.getConsumer(props);
        new KafkaClientMetrics(consumer, List.of(), refresh).bindTo(registry);
        return consumer;
    }

    @Override
    public void destroy() {
        refresh.shutdownNow();
    }

    /** The binder's scheduler: its fixed-rate look for new client metrics runs at the configured interval. */
    private static final class MeterRefresh extends ScheduledThreadPoolExecutor {

        private final long intervalMs;

        MeterRefresh(Duration interval) {
            super(1, runnable -> {
                Thread thread = new Thread(runnable, "kafka-client-meters");
                thread.setDaemon(true);
                return thread;
            });
            this.intervalMs = interval.toMillis();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return super.scheduleAtFixedRate(command, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        }
    }
}
