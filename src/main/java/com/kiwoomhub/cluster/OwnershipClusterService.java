package com.kiwoomhub.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.cluster.CamelClusterEventListener;
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

    /**
     * One account's view: this instance leads it while it owns the account; the other members are not known here.
     * It keeps its own listeners and tells them holding no lock: Camel's base class holds its view lock while a
     * {@code ClusteredRoutePolicy} stops its routes (which takes the context's route lock), and needs that view lock
     * when a route of that policy is removed under the route lock (a live reload), so a leadership change during a
     * reload deadlocked both threads.
     */
    final class AccountView extends AbstractCamelClusterView implements AccountOwnership.Listener {

        private final String alias;
        private final List<CamelClusterEventListener.Leadership> listeners = new CopyOnWriteArrayList<>();
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

        /** Only leadership is told: the other members are not known here. */
        @Override
        public void addEventListener(CamelClusterEventListener listener) {
            if (listener instanceof CamelClusterEventListener.Leadership leadership) {
                listeners.add(leadership);
                if (isRunAllowed()) {
                    leadership.leadershipChanged(this, getLeader().orElse(null));
                }
            }
        }

        @Override
        public void removeEventListener(CamelClusterEventListener listener) {
            listeners.removeIf(l -> l == listener);
        }

        @Override
        public void gained(String account) {
            if (account.equals(alias)) {
                listeners.forEach(l -> l.leadershipChanged(this, local));
            }
        }

        @Override
        public void lost(String account) {
            if (account.equals(alias)) {
                listeners.forEach(l -> l.leadershipChanged(this, null));
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
