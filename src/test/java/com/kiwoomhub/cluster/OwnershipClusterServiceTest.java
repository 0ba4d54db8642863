package com.kiwoomhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The account views tell leadership without holding a lock: a listener that is told a loss can wait for another
 * thread that removes a listener from the same view (a ClusteredRoutePolicy stopping its routes while a live reload
 * removes one of them, each under a lock the other needs).
 */
class OwnershipClusterServiceTest {

    @Test
    void aListenerRemovedWhileTheViewTellsALossDoesNotWaitForIt() throws Exception {
        Election election = new Election();
        OwnershipClusterService service = new OwnershipClusterService(election);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            service.setCamelContext(camel);
            service.start();
            CamelClusterView view = service.getView(OwnershipClusterService.namespace("alpha"));
            List<CamelClusterMember> told = new CopyOnWriteArrayList<>();
            CountDownLatch removed = new CountDownLatch(1);
            CamelClusterEventListener.Leadership other = (v, leader) -> { };
            view.addEventListener(other);
            view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) -> {
                told.add(leader);
                if (leader == null) {
                    // the other thread removes a listener of this view while this one is being told
                    CompletableFuture.runAsync(() -> {
                        view.removeEventListener(other);
                        removed.countDown();
                    });
                    try {
                        assertThat(removed.await(10, TimeUnit.SECONDS)).as("removal done while the loss is told").isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });

            election.owned = true;
            election.listeners.forEach(l -> l.gained("alpha"));
            CompletableFuture<Void> loss = CompletableFuture.runAsync(() -> {
                election.owned = false;
                election.listeners.forEach(l -> l.lost("alpha"));
            });
            loss.get(15, TimeUnit.SECONDS);

            assertThat(removed.getCount()).isZero();
            assertThat(told).hasSize(3);
            assertThat(told.get(0)).as("told the leader when added: none yet").isNull();
            assertThat(told.get(1).isLocal()).isTrue();
            assertThat(told.get(2)).isNull();
        } finally {
            service.stop();
        }
    }

    /** An election that owns "alpha" while {@link #owned}. */
    private static final class Election implements ClusterOwnership {

        private final List<Listener> listeners = new ArrayList<>();
        private volatile boolean owned;

        @Override
        public boolean owns(String alias) {
            return owned && alias.equals("alpha");
        }

        @Override
        public void addListener(Listener listener) {
            listeners.add(listener);
        }

        @Override
        public String instanceId() {
            return "test";
        }

        @Override
        public Duration leaseAge(String alias) {
            return owns(alias) ? Duration.ZERO : null;
        }

        @Override
        public int takeovers(String alias) {
            return 0;
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return true;
        }
    }
}
