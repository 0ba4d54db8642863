package com.kiwoomhub.cluster;

import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kiwoomhub.kiwoom.KiwoomAccounts;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * {@code hub.cluster.service: kubernetes}. Its own class, evaluated before it is loaded, so that with
 * {@code none} or {@code kafka} no Kubernetes class is loaded and no client looks for a cluster.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.cluster.service", havingValue = "kubernetes")
public class KubernetesOwnershipConfiguration {

    @Bean
    KubernetesOwnership accountOwnership(KiwoomAccounts accounts, ClusterProperties settings, CamelContext camel)
            throws Exception {
        ClusterProperties.Kubernetes kubernetes = settings.kubernetes();
        Config config = clientConfig(kubernetes);
        String namespace = kubernetes.namespace().isBlank() ? config.getNamespace() : kubernetes.namespace();
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalStateException("hub.cluster.service=kubernetes needs the namespace of the Leases: set "
                    + "HUB_CLUSTER_KUBERNETES_NAMESPACE (outside a pod no service account says it)");
        }
        String pod = kubernetes.podName().isBlank() ? System.getenv().getOrDefault("HOSTNAME", "") : kubernetes.podName();
        if (pod.isBlank()) {
            throw new IllegalStateException("hub.cluster.service=kubernetes needs this pod's name: set "
                    + "HUB_CLUSTER_KUBERNETES_POD_NAME (Kubernetes sets HOSTNAME to it)");
        }
        KubernetesOwnership ownership = new KubernetesOwnership(accounts.all(), kubernetes, pod, namespace,
                () -> new KubernetesClientBuilder().withConfig(config).build(), camel);
        ClusterConfiguration.startOnceCamelStarted(ownership, camel);
        return ownership;
    }

    /**
     * In-cluster or kubeconfig settings; calls time out at a third of the renew deadline and are retried
     * twice at most (the election itself retries every retry period), so that a hung API server stalls
     * the election for about one renew deadline, not fabric8's default of minutes.
     */
    private static Config clientConfig(ClusterProperties.Kubernetes kubernetes) {
        ConfigBuilder builder = new ConfigBuilder(Config.autoConfigure(null));
        if (!kubernetes.masterUrl().isBlank()) {
            builder.withMasterUrl(kubernetes.masterUrl());
        }
        int timeout = (int) Math.max(1000, kubernetes.renewDeadline().dividedBy(3).toMillis());
        return builder.withConnectionTimeout(timeout).withRequestTimeout(timeout)
                .withRequestRetryBackoffLimit(2).build();
    }
}
