package com.kiwoomhub.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Route policies that run a route on the owner of one account only: a {@link ClusteredRoutePolicy} on the
 * account's namespace of {@link OwnershipClusterService}; with {@code hub.cluster.service: none} a policy
 * that does nothing. Camel releases a clustered policy with the last route it manages, so a route created
 * again (live reload) needs a new one.
 */
public final class AccountOwnerPolicies {

    private final OwnershipClusterService cluster;
    private final CamelContext camel;

    /** @param cluster null with {@code hub.cluster.service: none} */
    public AccountOwnerPolicies(OwnershipClusterService cluster, CamelContext camel) {
        this.cluster = cluster;
        this.camel = camel;
    }

    /** A new policy that runs its routes while this instance owns the account. */
    public RoutePolicy forAccount(String alias) throws Exception {
        if (cluster == null) {
            return new RoutePolicySupport() {
            };
        }
        ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(cluster, OwnershipClusterService.namespace(alias));
        policy.setCamelContext(camel);
        return policy;
    }
}
