package com.kiwoomhub.startup;

import java.lang.reflect.Method;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.common.utils.Exit;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default for Kafka: when {@code kafka.bootstrap-servers} is blank, starts a real
 * single-node KRaft broker on 127.0.0.1 before any bean exists and points every Kafka client at it.
 *
 * <p>The broker comes from spring-kafka-test, which is on the classpath for {@code spring-boot:run}
 * and tests only, so it is reached by reflection and the production jar stays free of it. It is
 * registered as a disposable bean so that it stops after Camel on shutdown, not before.
 */
public class EmbeddedKafka implements EnvironmentPostProcessor, Ordered {

    static final String BROKER_CLASS = "org.springframework.kafka.test.EmbeddedKafkaKraftBroker";
    public static final String BEAN_NAME = "embeddedKafkaBroker";
    public static final String ADDRESS_PROPERTY = "kafka.embedded-address";

    private final Log log;

    public EmbeddedKafka(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedKafka.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        String configured = env.getProperty("kafka.bootstrap-servers", "");
        if (!configured.isBlank()) {
            return;
        }
        if (!env.getProperty("kafka.embedded.enabled", Boolean.class, true)) {
            throw new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS is not set and the embedded broker is disabled "
                    + "(kafka.embedded.enabled=false): set KAFKA_BOOTSTRAP_SERVERS to host:port[,host:port]");
        }
        Object broker = start();
        String address = (String) invoke(broker, "getBrokersAsString");
        env.getPropertySources().addFirst(new MapPropertySource("embeddedKafka",
                Map.of("kafka.bootstrap-servers", address, ADDRESS_PROPERTY, address)));
        log.info("Started the embedded KRaft Kafka broker at " + address);
        app.addListeners((ApplicationListener<ApplicationPreparedEvent>) event -> {
            var beanFactory = (DefaultListableBeanFactory) event.getApplicationContext().getBeanFactory();
            if (!beanFactory.containsSingleton(BEAN_NAME)) {
                beanFactory.registerSingleton(BEAN_NAME, broker);
                beanFactory.registerDisposableBean(BEAN_NAME, () -> stop(broker));
            }
        });
    }

    /**
     * A broker that, like most managed clusters, creates no topic on first use: the hub's topic setup
     * creates every topic it needs (com.kiwoomhub.topics), so the embedded default behaves as production does.
     */
    private Object start() {
        Class<?> brokerClass;
        try {
            brokerClass = Class.forName(BROKER_CLASS, true, EmbeddedKafka.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS is not set and this build has no embedded broker "
                    + "(it is only on the spring-boot:run and test classpath): set KAFKA_BOOTSTRAP_SERVERS to host:port[,host:port]");
        }
        // Kafka's testkit adds a JVM shutdown hook that deletes the log dir while the broker and
        // Camel are still stopping; the disposable bean deletes it in order instead.
        Exit.setShutdownHookAdder((name, runnable) -> { });
        try {
            Object broker = brokerClass.getConstructor(int.class, int.class, String[].class)
                    .newInstance(1, 1, new String[0]);
            brokerClass.getMethod("brokerProperties", Map.class).invoke(broker, Map.of(
                    "auto.create.topics.enable", "false",
                    "offsets.topic.num.partitions", "5",
                    "group.initial.rebalance.delay.ms", "0",
                    // one broker: the order journal's transactions need a transaction log it can hold
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
            brokerClass.getMethod("afterPropertiesSet").invoke(broker);
            return broker;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker: " + rootMessage(e), e);
        }
    }

    /**
     * Stops the broker after the hub's own Kafka clients are closed. Kafka's test kit closes the
     * broker's controller channel twice and warns about it on every stop; that client logger has
     * nothing else left to say by then.
     */
    private static void stop(Object broker) {
        LoggingSystem.get(EmbeddedKafka.class.getClassLoader()).setLogLevel(NetworkClient.class.getName(), LogLevel.ERROR);
        invoke(broker, "destroy");
    }

    private static Object invoke(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Embedded Kafka broker call " + method + " failed: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
