package com.kiwoomhub.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.cluster.*}: how several hub instances share the configured accounts.
 *
 * @param service           {@code none}: this instance owns every account (one instance);
 *                          {@code kafka}: each account is owned by one live instance, elected through a
 *                          consumer group on {@code topics.hub-ownership}
 * @param groupId           the consumer group of the election; instances with the same accounts share it
 * @param instanceId        this instance's name in health details and logs; blank = host name and process id
 * @param sessionTimeout    the group's session timeout: a dead owner is replaced after it
 * @param heartbeatInterval the group's heartbeat interval; the local lease is session timeout minus this
 */
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(
        @DefaultValue("none") Service service,
        @DefaultValue("kiwoom-hub-ownership") String groupId,
        @DefaultValue("") String instanceId,
        @DefaultValue("10s") Duration sessionTimeout,
        @DefaultValue("3s") Duration heartbeatInterval) {

    public enum Service { NONE, KAFKA }

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
}
