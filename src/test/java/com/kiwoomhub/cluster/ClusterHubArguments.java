package com.kiwoomhub.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;

/**
 * The command-line settings of one hub instance in kafka cluster mode against a test's broker and sandbox:
 * accounts {@code key-<alias>} / {@code secret-<alias>}, no feed, no route reload, a random port, a 6 s session
 * timeout with 1 s heartbeats. Callers add what their test is about, then pass {@link #list}.
 */
public final class ClusterHubArguments {

    private final Map<String, String> settings = new LinkedHashMap<>();

    private ClusterHubArguments() {
    }

    /**
     * A started broker for several hubs: 3 partitions a topic, topics created on first use, no wait before the first
     * rebalance, transactions on one node; {@code more} adds or replaces broker properties.
     */
    public static EmbeddedKafkaKraftBroker broker(Map<String, String> more) {
        Map<String, String> properties = new LinkedHashMap<>(Map.of("auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        properties.putAll(more);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        return broker;
    }

    /**
     * The sandbox that knows these accounts with the credentials {@link #of} gives the hubs: a manually stepped
     * market and no rate limit. Account numbers: the first 5012345601, every other 5099999901.
     */
    public static SandboxSettings sandboxFor(List<String> accounts) {
        return sandboxFor(accounts, Map.of("rate-limit", "0"));
    }

    /** The same with further sandbox settings, e.g. Kiwoom's own rate limit (no {@code rate-limit}). */
    public static SandboxSettings sandboxFor(List<String> accounts, Map<String, Object> more) {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("tick-interval", "0"));
        settings.putAll(more);
        for (int i = 0; i < accounts.size(); i++) {
            String alias = accounts.get(i);
            settings.put("credentials[" + i + "].app-key", "key-" + alias);
            settings.put("credentials[" + i + "].secret-key", "secret-" + alias);
            settings.put("credentials[" + i + "].account-number", accountNumber(i));
        }
        return SandboxSettings.of(settings);
    }

    /** @param accounts the aliases; the first is the primary account */
    public static ClusterHubArguments of(String bootstrapServers, Sandbox sandbox, List<String> accounts, String instance) {
        ClusterHubArguments a = new ClusterHubArguments();
        a.set("kafka.bootstrap-servers", bootstrapServers);
        for (int i = 0; i < accounts.size(); i++) {
            String alias = accounts.get(i);
            a.set("kiwoom.accounts[" + i + "].alias", alias);
            a.set("kiwoom.accounts[" + i + "].app-key", "key-" + alias);
            a.set("kiwoom.accounts[" + i + "].secret-key", "secret-" + alias);
            a.set("kiwoom.accounts[" + i + "].account-number", accountNumber(i));
        }
        a.set("kiwoom.base-url", sandbox.baseUrl());
        a.set("kiwoom.ws-url", sandbox.wsUrl());
        a.set("kiwoom.market-hours-only", "false");
        a.set("hub.feed.enabled", "false");
        a.set("hub.cluster.service", "kafka");
        a.set("hub.cluster.instance-id", instance);
        a.set("hub.cluster.session-timeout", "6s");
        a.set("hub.cluster.heartbeat-interval", "1s");
        a.set("camel.main.name", "hub-" + instance);
        a.set("camel.main.routes-reload-enabled", "false");
        a.set("server.port", "0");
        return a;
    }

    private static String accountNumber(int index) {
        return index == 0 ? "5012345601" : String.format("50999999%02d", index);
    }

    public ClusterHubArguments set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** {@code --key=value}, in the order set. */
    public List<String> list() {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }
}
