package com.kiwoomhub.ops;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import com.kiwoomhub.topics.TopicAdministration;
import com.kiwoomhub.topics.TopicSetup;

/**
 * {@code kafka} in /actuator/health: UP when the cluster answers a describe within the timeout and the
 * hub's topics are in place (created or checked by the topic setup).
 */
@Component("kafka")
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final String bootstrapServers;
    private final Duration timeout;
    private final Admin admin;
    private final TopicSetup topics;

    public KafkaHealthIndicator(@Value("${kafka.bootstrap-servers}") String bootstrapServers,
                                @Value("${kafka.health-timeout:3s}") Duration timeout, TopicSetup topics) {
        super("Kafka is not reachable");
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.topics = topics;
        this.admin = TopicAdministration.client(bootstrapServers, "kiwoom-hub-health", timeout);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        (topics.ready() ? builder.up() : builder.down())
                .withDetail("bootstrapServers", bootstrapServers)
                .withDetail("clusterId", cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .withDetail("nodes", nodes)
                .withDetail("topics", topics.ready() ? "in place" : "not in place yet (retrying)");
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
