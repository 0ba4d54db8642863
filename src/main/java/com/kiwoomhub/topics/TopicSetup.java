package com.kiwoomhub.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * Creates and checks the hub's topics when the application starts, before any route runs. When Kafka
 * does not answer within the timeout the start goes on (routes retry on their own, readiness stays
 * DOWN) and the setup is tried again every {@code topics.retry} until it succeeds. A refused permission
 * or a missing topic with {@code topics.create=false} stops the application: at start by failing it,
 * later by closing it with exit code 1.
 */
public class TopicSetup implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private final List<TopicSpec> specs;
    private final TopicsProperties settings;
    private final Duration timeout;
    private final ApplicationContext context;
    private final Admin admin;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiwoom-hub-topic-setup");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, Integer> partitions;

    public TopicSetup(String bootstrapServers, List<TopicSpec> specs, TopicsProperties settings,
                      ApplicationContext context) {
        this.specs = specs;
        this.settings = settings;
        this.timeout = settings.timeout();
        this.context = context;
        this.admin = TopicAdministration.client(bootstrapServers, "kiwoom-hub-topics", timeout);
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException, ExecutionException {
        if (!attempt()) {
            LOG.warn("Kafka did not answer within {}: the hub starts without it, retries every {} and stays not ready "
                    + "(/actuator/health/readiness) until its {} topics are in place", timeout, settings.retry(), specs.size());
            retries.schedule(this::retry, settings.retry().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether every topic exists and was checked. */
    public boolean ready() {
        return partitions != null;
    }

    /**
     * The partitions of a topic, at once.
     *
     * @throws IllegalStateException while the topics are not in place (Kafka has not answered yet)
     */
    public int partitions(String name) {
        Map<String, Integer> known = partitions;
        if (known == null) {
            throw new IllegalStateException("Topic " + name + " is not in place yet: Kafka has not answered the topic setup");
        }
        Integer count = known.get(name);
        if (count == null) {
            throw new IllegalArgumentException("Not one of the hub's topics: " + name);
        }
        return count;
    }

    public List<TopicSpec> specs() {
        return specs;
    }

    /** One try: false when Kafka did not answer in time; permission and missing-topic errors are thrown. */
    private boolean attempt() throws InterruptedException, ExecutionException {
        try {
            partitions = Map.copyOf(new TopicAdministration(admin, timeout).ensure(specs, settings.create()));
            LOG.info("Topics in place: {}", partitions.keySet());
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                return false;
            }
            throw e;
        }
    }

    private void retry() {
        try {
            if (!attempt()) {
                retries.schedule(this::retry, settings.retry().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            Throwable reason = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.error("The hub cannot run without its topics and stops: {}", reason.getMessage());
            Thread stop = new Thread(() -> System.exit(SpringApplication.exit(context, () -> 1)), "kiwoom-hub-stop");
            stop.start();
        }
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
        admin.close(Duration.ofSeconds(1));
    }
}
