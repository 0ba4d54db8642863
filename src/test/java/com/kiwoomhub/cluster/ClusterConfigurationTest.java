package com.kiwoomhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomProperties;
import com.kiwoomhub.topics.TopicNames;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The Spring wiring of {@code hub.cluster.service}: none and kafka without any Kubernetes class, kubernetes end to end. */
class ClusterConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KiwoomProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, ClusterConfiguration.class, KubernetesOwnershipConfiguration.class)
            .withBean(KiwoomAccounts.class)
            .withBean(TopicNames.class, ClusterConfigurationTest::topics)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("kafka.bootstrap-servers=127.0.0.1:1", "kiwoom.accounts[0].alias=main",
                    "kiwoom.accounts[0].app-key=k", "kiwoom.accounts[0].secret-key=s");

    /** Neither needs io.fabric8 nor camel-kubernetes: the context starts with both hidden from it. */
    @Test
    void noneAndKafkaStartWithoutKubernetesClasses() {
        ApplicationContextRunner hidden = runner
                .withClassLoader(new FilteredClassLoader("io.fabric8", "org.apache.camel.component.kubernetes"))
                .withBean(CamelContext.class, DefaultCamelContext::new);
        hidden.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("accountOwnership")).isSameAs(AccountOwnership.ALL);
            assertThat(context).doesNotHaveBean(OwnershipClusterService.class);
        });
        hidden.withPropertyValues("hub.cluster.service=kafka").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(KafkaOwnership.class).doesNotHaveBean(KubernetesOwnership.class);
            assertThat(context.getBean("primaryAccountOwner")).isInstanceOf(ClusteredRoutePolicy.class);
        });
    }

    @Test
    void kubernetesTimingsAreCheckedAtStartup() {
        runner.withBean(CamelContext.class, DefaultCamelContext::new)
                .withPropertyValues("hub.cluster.service=kubernetes", "hub.cluster.kubernetes.renew-deadline=20s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("hub.cluster.kubernetes.lease-duration (PT10S) must be longer than "
                                + "hub.cluster.kubernetes.renew-deadline (PT20S)"));
    }

    /** Ownership, route policy, health and meters in kubernetes mode against the mock API server. */
    @Test
    void kubernetesOwnsThroughALeaseAndReportsIt() throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        String url = "http://127.0.0.1:" + server.getPort();
        try (KubernetesClient admin = server.createClient()) {
            admin.pods().inNamespace("hub").resource(new PodBuilder().withNewMetadata().withName("hub-0")
                    .addToLabels("app", "kiwoom-hub").endMetadata().withNewStatus().withPhase("Running")
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create();
            runner.withBean(CamelContext.class, DefaultCamelContext::new)
                    .withPropertyValues("hub.cluster.service=kubernetes", "hub.cluster.kubernetes.namespace=hub",
                            "hub.cluster.kubernetes.pod-name=hub-0", "hub.cluster.kubernetes.master-url=" + url,
                            "hub.cluster.kubernetes.lease-duration=3s", "hub.cluster.kubernetes.renew-deadline=2s",
                            "hub.cluster.kubernetes.retry-period=500ms")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        context.getBean(CamelContext.class).start();
                        AccountOwnership ownership = context.getBean(AccountOwnership.class);
                        assertThat(ownership).isInstanceOf(KubernetesOwnership.class);
                        await().atMost(Duration.ofSeconds(20)).until(() -> ownership.owns("main"));
                        assertThat(admin.leases().inNamespace("hub").withName("kiwoom-hub-kiwoom-main").get()
                                .getSpec().getHolderIdentity()).isEqualTo("hub-0");
                        ClusteredRoutePolicy policy = context.getBean("primaryAccountOwner", ClusteredRoutePolicy.class);
                        assertThat(policy).isNotNull();
                        await().atMost(Duration.ofSeconds(5)).until(() -> takeovers(context.getBean(MeterRegistry.class)) == 1);

                        Health health = context.getBean("hubCluster", ClusterHealthIndicator.class).health();
                        assertThat(health.getDetails()).containsEntry("service", "kubernetes")
                                .containsEntry("instance", "hub-0");
                        @SuppressWarnings("unchecked")
                        Map<String, Object> main = (Map<String, Object>) health.getDetails().get("main");
                        assertThat(main).containsEntry("role", "OWNER").containsEntry("takeovers", 1L);
                        assertThat((Long) main.get("leaseAgeMs")).isBetween(0L, 2000L);
                        MeterRegistry meters = context.getBean(MeterRegistry.class);
                        assertThat(meters.get("hub.cluster.owned").tag("account", "main").gauge().value()).isEqualTo(1.0);
                        assertThat(meters.get("hub.cluster.lease.age").gauge().value()).isBetween(0.0, 2.0);
                    });
        } finally {
            server.destroy();
        }
    }

    private static double takeovers(MeterRegistry meters) {
        return meters.get("hub.cluster.takeovers").tag("account", "main").functionCounter().count();
    }

    private static TopicNames topics() {
        TopicNames topics = mock(TopicNames.class);
        when(topics.hubOwnership()).thenReturn("kiwoom.hub-ownership");
        return topics;
    }
}
