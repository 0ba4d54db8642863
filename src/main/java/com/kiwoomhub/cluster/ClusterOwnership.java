package com.kiwoomhub.cluster;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

import com.kiwoomhub.kiwoom.AccountOwnership;

/**
 * Ownership elected among several instances ({@code hub.cluster.service} kafka or kubernetes): what
 * {@link OwnershipClusterService}, health and meters read besides {@link #owns}. An election joins once
 * Camel has fully started (see ClusterConfiguration), not with Spring: a {@code ClusteredRoutePolicy}
 * ignores a leadership gained while Camel is still starting. It leaves before everything else, so that
 * the accounts are handed over before Camel and the sessions stop.
 */
public interface ClusterOwnership extends AccountOwnership, SmartLifecycle {

    /** This instance's name in the election. */
    String instanceId();

    /** Time since this instance's lease on the account was last renewed, or null while it does not own it. */
    Duration leaseAge(String alias);

    /** How many times this instance has taken the account over (gained it after start or after a loss). */
    int takeovers(String alias);

    @Override
    default boolean isAutoStartup() {
        return false;
    }

    @Override
    default int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
