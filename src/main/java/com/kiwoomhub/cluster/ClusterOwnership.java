package com.kiwoomhub.cluster;

import java.time.Duration;

import com.kiwoomhub.kiwoom.AccountOwnership;

/**
 * Ownership elected among several instances ({@code hub.cluster.service} kafka or kubernetes): what
 * {@link OwnershipClusterService}, health and meters read besides {@link #owns}.
 */
public interface ClusterOwnership extends AccountOwnership {

    /** This instance's name in the election. */
    String instanceId();

    /** Time since this instance's lease on the account was last renewed, or null while it does not own it. */
    Duration leaseAge(String alias);

    /** How many times this instance has taken the account over (gained it after start or after a loss). */
    int takeovers(String alias);
}
