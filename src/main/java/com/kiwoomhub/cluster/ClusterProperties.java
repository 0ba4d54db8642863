package com.kiwoomhub.cluster;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.cluster.*}: how several hub instances share the configured accounts.
 *
 * @param service           {@code none}: this instance owns every account (one instance);
 *                          {@code kafka}: each account is owned by one live instance, elected through a
 *                          consumer group on {@code topics.hub-ownership};
 *                          {@code kubernetes}: the same, elected through one coordination.k8s.io Lease per account
 * @param groupId           the consumer group of the election; instances with the same accounts share it
 * @param instanceId        this instance's name in health details and logs; blank = host name and process id
 *                          ({@code kubernetes}: always the pod name)
 * @param sessionTimeout    the group's session timeout: a dead owner is replaced after it
 * @param heartbeatInterval the group's heartbeat interval; the local lease is session timeout minus this
 * @param kubernetes        the settings of {@code kubernetes}
 */
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(
        @DefaultValue("none") Service service,
        @DefaultValue("kiwoom-hub-ownership") String groupId,
        @DefaultValue("") String instanceId,
        @DefaultValue("10s") Duration sessionTimeout,
        @DefaultValue("3s") Duration heartbeatInterval,
        @DefaultValue Kubernetes kubernetes) {

    public enum Service { NONE, KAFKA, KUBERNETES }

    public ClusterProperties {
        if (heartbeatInterval.compareTo(sessionTimeout.dividedBy(2)) > 0) {
            throw new IllegalStateException("hub.cluster.heartbeat-interval (" + heartbeatInterval
                    + ") must be at most half of hub.cluster.session-timeout (" + sessionTimeout + ")");
        }
    }

    /** How long ownership lasts locally after the last confirmed contact with the group coordinator. */
    public Duration lease() {
        return sessionTimeout.minus(heartbeatInterval);
    }

    /**
     * {@code hub.cluster.kubernetes.*}: camel-kubernetes' Lease-based cluster service, one Lease
     * {@code <lease-prefix>-kiwoom-<alias>} per account.
     *
     * @param namespace     the Kubernetes namespace of the Leases and the hub's pods; blank = the pod's own
     *                      (the service account's namespace file) or the kubeconfig's
     * @param podName       this pod's name, the Lease holder; blank = {@code $HOSTNAME}, which Kubernetes sets to it
     * @param podLabels     the labels of the hub's pods (none = {@code app: kiwoom-hub}): only a Running and
     *                      Ready pod with them may hold a Lease, and a holder that is no longer one loses it
     * @param leasePrefix   the Leases' name prefix
     * @param masterUrl     the API server; blank = in-cluster (service account) or the kubeconfig
     * @param leaseDuration a new holder waits this long before it starts, so that the old one has stopped
     * @param renewDeadline an owner stops once this has passed since it last read itself as holder;
     *                      shorter than the lease duration
     * @param retryPeriod   how often each instance reads and renews the Leases
     * @param jitterFactor  retry period × up to this, so that instances do not call in step; at least 1
     */
    public record Kubernetes(
            @DefaultValue("") String namespace,
            @DefaultValue("") String podName,
            Map<String, String> podLabels,
            @DefaultValue("kiwoom-hub") String leasePrefix,
            @DefaultValue("") String masterUrl,
            @DefaultValue("10s") Duration leaseDuration,
            @DefaultValue("6s") Duration renewDeadline,
            @DefaultValue("2s") Duration retryPeriod,
            @DefaultValue("1.2") double jitterFactor) {

        public Kubernetes {
            if (leaseDuration.compareTo(renewDeadline) <= 0) {
                throw new IllegalStateException("hub.cluster.kubernetes.lease-duration (" + leaseDuration
                        + ") must be longer than hub.cluster.kubernetes.renew-deadline (" + renewDeadline + ")");
            }
            if (jitterFactor < 1 || renewDeadline.toMillis() <= jitterFactor * retryPeriod.toMillis()) {
                throw new IllegalStateException("hub.cluster.kubernetes.renew-deadline (" + renewDeadline
                        + ") must be longer than retry-period (" + retryPeriod + ") × jitter-factor (" + jitterFactor
                        + ", at least 1)");
            }
            podLabels = podLabels == null || podLabels.isEmpty() ? Map.of("app", "kiwoom-hub") : Map.copyOf(podLabels);
        }

        /** The defaults, for code that builds settings by hand. */
        public static Kubernetes defaults() {
            return new Kubernetes("", "", Map.of("app", "kiwoom-hub"), "kiwoom-hub", "", Duration.ofSeconds(10),
                    Duration.ofSeconds(6), Duration.ofSeconds(2), 1.2);
        }
    }
}
