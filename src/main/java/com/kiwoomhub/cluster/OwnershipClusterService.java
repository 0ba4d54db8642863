package com.kiwoomhub.cluster;

import java.util.List;
import java.util.Optional;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

import com.kiwoomhub.kiwoom.AccountOwnership;

/**
 * Account ownership as a Camel cluster service: the namespace {@code kiwoom-<alias>} has this
 * instance as leader while it owns that account, whichever election decides it (kafka or kubernetes),
 * so that routes follow {@link AccountOwnership#owns} and its fencing, not a second notion of leadership. Routes follow it with a route policy, e.g.
 * {@code routePolicy: "#primaryAccountOwner"} (a {@code ClusteredRoutePolicy} on the primary
 * account's namespace), so that a Quartz poll runs on the owner only.
 */
public final class OwnershipClusterService extends AbstractCamelClusterService<OwnershipClusterService.AccountView> {

    private static final String PREFIX = "kiwoom-";

    private final ClusterOwnership ownership;

    public OwnershipClusterService(ClusterOwnership ownership) {
        super("hub-ownership");
        this.ownership = ownership;
    }

    /** The namespace of an account's ownership. */
    public static String namespace(String alias) {
        return PREFIX + alias;
    }

    @Override
    protected AccountView createView(String namespace) {
        if (!namespace.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Cluster namespaces of the hub are kiwoom-<account alias>, got " + namespace);
        }
        return new AccountView(namespace, namespace.substring(PREFIX.length()));
    }

    /** One account's view: this instance leads it while it owns the account; the other members are not known here. */
    final class AccountView extends AbstractCamelClusterView implements AccountOwnership.Listener {

        private final String alias;
        private final CamelClusterMember local = new CamelClusterMember() {
            @Override
            public boolean isLeader() {
                return ownership.owns(alias);
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return ownership.instanceId();
            }
        };

        AccountView(String namespace, String alias) {
            super(OwnershipClusterService.this, namespace);
            this.alias = alias;
            ownership.addListener(this);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return ownership.owns(alias) ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        public void gained(String account) {
            if (account.equals(alias)) {
                fireLeadershipChangedEvent(local);
            }
        }

        @Override
        public void lost(String account) {
            if (account.equals(alias)) {
                fireLeadershipChangedEvent(Optional.empty());
            }
        }

        @Override
        protected void doStart() {
            // Ownership is kept by the ClusterOwnership, which runs with the application context.
        }

        @Override
        protected void doStop() {
            // Likewise.
        }
    }
}
