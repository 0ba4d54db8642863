package com.kiwoomhub.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.kiwoom.KiwoomAccount;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Ownership of the configured accounts through camel-kubernetes' {@link KubernetesClusterService}: this
 * instance owns account {@code a} while it leads the namespace {@code kiwoom-a}, whose Lease is
 * {@code <lease-prefix>-kiwoom-a}. Camel's controller decides who holds a Lease: a pod may take it when it
 * is free or its holder is no longer a Running and Ready pod with {@code pod-labels}; the new holder waits
 * {@code lease-duration} before it leads, and a leader whose refresh fails stops leading once
 * {@code renew-deadline} (shorter) has passed since its last read of the Lease.
 *
 * <p>Fencing: {@link #owns} is true only while Camel says this pod leads <em>and</em> less than
 * {@code renew-deadline} has passed since the start of this instance's own last read of the Lease that
 * showed this pod as holder (one read per account every retry period). Another pod can
 * only write itself as holder after that read, and only leads {@code lease-duration} later, so owns() has
 * turned false by then by at least lease-duration − renew-deadline, even after a GC pause or SIGSTOP (the
 * clock is checked on every call; Camel's own timer would only fire after the process runs again). Only
 * a free Lease is led at once by its taker, and this pod frees a Lease only once owns() is false for it
 * (or an operator deletes it). A watchdog tells the listeners within 100 ms of a lapse. A clean stop tells the listeners first, then
 * frees the Leases this pod holds, so another pod takes them at its next retry without waiting.
 */
public final class KubernetesOwnership implements ClusterOwnership {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesOwnership.class);

    private final List<KiwoomAccount> accounts;
    private final ClusterProperties.Kubernetes settings;
    private final String podName;
    private final String namespace;
    private final Supplier<KubernetesClient> clients;
    private final CamelContext camel;
    private final long deadlineNanos;
    /** Longer than a holder can legitimately wait to lead: lease duration, renew deadline and two retries. */
    private final long orphanAfterNanos;
    private final OwnershipChanges changes;

    // Guarded by this.
    private final Map<String, Long> confirmedNanos = new HashMap<>();
    /** Since when the Lease has named this pod while Camel said it does not lead. */
    private final Map<String, Long> orphanedSinceNanos = new HashMap<>();

    private final Map<String, CamelClusterView> views = new ConcurrentHashMap<>();
    private volatile boolean running;
    private KubernetesClusterService service;
    private KubernetesClient leases;
    private ScheduledExecutorService scheduler;

    /**
     * @param namespace the Kubernetes namespace of the Leases and the pods (already resolved)
     * @param clients   makes a client for the API server; called twice (Camel's controllers close theirs on stop)
     */
    public KubernetesOwnership(List<KiwoomAccount> accounts, ClusterProperties.Kubernetes settings, String podName,
                               String namespace, Supplier<KubernetesClient> clients, CamelContext camel) {
        this.accounts = List.copyOf(accounts);
        this.settings = settings;
        this.podName = podName;
        this.namespace = namespace;
        this.clients = clients;
        this.camel = camel;
        this.changes = new OwnershipChanges(accounts, "pod '" + podName + "'", LOG);
        this.deadlineNanos = settings.renewDeadline().toNanos();
        this.orphanAfterNanos = settings.leaseDuration().plus(settings.renewDeadline()).toNanos()
                + (long) (2 * settings.jitterFactor() * settings.retryPeriod().toNanos());
    }

    @Override
    public boolean owns(String alias) {
        return leads(alias) && confirmed(alias, System.nanoTime());
    }

    @Override
    public void addListener(Listener listener) {
        changes.addListener(listener);
    }

    @Override
    public String instanceId() {
        return podName;
    }

    @Override
    public synchronized Duration leaseAge(String alias) {
        Long confirmed = confirmedNanos.get(alias);
        return confirmed != null && owns(alias) ? Duration.ofNanos(System.nanoTime() - confirmed) : null;
    }

    @Override
    public int takeovers(String alias) {
        return changes.takeovers(alias);
    }

    /** The Lease of an account, named as camel-kubernetes names it: prefix-namespace, as a valid Kubernetes name. */
    public String leaseName(String alias) {
        String name = (settings.leasePrefix() + "-" + OwnershipClusterService.namespace(alias)).toLowerCase()
                .replaceAll("[^a-z0-9-.]", "-");
        return name.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
    }

    /** Joins the election of every account; the first become owned about one retry period later. */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            service = new KubernetesClusterService(camel, camelConfiguration());
            service.setPodName(podName);
            service.setKubernetesResourcesNamespace(namespace);
            service.setClusterLabels(settings.podLabels());
            service.setKubernetesResourceName(settings.leasePrefix());
            service.setLeaseDurationMillis(settings.leaseDuration().toMillis());
            service.setRenewDeadlineMillis(settings.renewDeadline().toMillis());
            service.setRetryPeriodMillis(settings.retryPeriod().toMillis());
            service.setJitterFactor(settings.jitterFactor());
            service.start();
            leases = clients.get();
            running = true;
            scheduler = Executors.newScheduledThreadPool(2, r -> daemon(r, "hub-ownership-lease"));
            scheduler.scheduleWithFixedDelay(this::settle, 100, 100, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(this::confirmAll, 0, settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
            for (KiwoomAccount account : accounts) {
                String alias = account.alias();
                CamelClusterView view = service.getView(OwnershipClusterService.namespace(alias));
                view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) -> {
                    if (running) {
                        scheduler.execute(() -> confirm(alias));
                    }
                });
                views.put(alias, view);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cluster: could not join the Kubernetes election in namespace '"
                    + namespace + "' as pod '" + podName + "'", e);
        }
        LOG.info("Cluster: pod '{}' joins the Lease election of {} account(s) in namespace '{}' (pods {}); lease {} ms, "
                + "renew deadline {} ms", podName, accounts.size(), namespace, settings.podLabels(),
                settings.leaseDuration().toMillis(), settings.renewDeadline().toMillis());
    }

    /** Gives up every account (listeners told first), stops the controllers, then frees the Leases held here. */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        settle();
        scheduler.shutdownNow();
        try {
            service.stop();
        } catch (Exception e) {
            LOG.warn("Cluster: stopping the Kubernetes cluster service failed ({})", e.toString());
        }
        accounts.forEach(a -> free(a.alias()));
        leases.close();
        LOG.info("Cluster: pod '{}' left the Lease election", podName);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Camel's controller says this pod leads the account's namespace (its own timer: renew deadline). */
    private boolean leads(String alias) {
        CamelClusterView view = views.get(alias);
        return running && view != null && view.getLocalMember().isLeader();
    }

    private synchronized boolean confirmed(String alias, long now) {
        Long at = confirmedNanos.get(alias);
        return at != null && now - at < deadlineNanos;
    }

    private void confirmAll() {
        accounts.forEach(a -> confirm(a.alias()));
    }

    /**
     * Reads the account's Lease: holder = this pod renews the local deadline as of the read's start. Also
     * frees a Lease that this pod holds without leading for longer than a takeover can take: Camel's
     * controller ends its refresh loop when a renewal write fails, after which nobody would lead while
     * this pod stays Ready.
     */
    private void confirm(String alias) {
        long started = System.nanoTime();
        boolean orphaned;
        try {
            Lease lease = leases.leases().inNamespace(namespace).withName(leaseName(alias)).get();
            boolean holder = lease != null && lease.getSpec() != null
                    && podName.equals(lease.getSpec().getHolderIdentity());
            synchronized (this) {
                if (holder) {
                    confirmedNanos.merge(alias, started, Math::max);
                }
                if (holder && !leads(alias)) {
                    orphanedSinceNanos.putIfAbsent(alias, started);
                } else {
                    orphanedSinceNanos.remove(alias);
                }
                orphaned = orphanedSinceNanos.containsKey(alias)
                        && started - orphanedSinceNanos.get(alias) > orphanAfterNanos;
            }
        } catch (RuntimeException e) {
            LOG.debug("Cluster: Lease of '{}' not read ({})", alias, e.toString());
            orphaned = false;
        }
        settle();
        if (orphaned && running) {
            LOG.error("Cluster: pod '{}' holds the Lease of account '{}' but its election has stopped renewing it; "
                    + "freeing it so that a Ready pod takes the account (this pod takes it again only after a restart)",
                    podName, alias);
            synchronized (this) {
                // owns() stays false from before the write, whatever Camel says next, until a read confirms again
                confirmedNanos.remove(alias);
                orphanedSinceNanos.remove(alias);
            }
            settle();
            free(alias);
        }
    }

    /** A clean stop: the Lease held by this pod is made free (optimistically), so another pod takes it at once. */
    private void free(String alias) {
        try {
            Lease lease = leases.leases().inNamespace(namespace).withName(leaseName(alias)).get();
            if (lease == null || lease.getSpec() == null || !podName.equals(lease.getSpec().getHolderIdentity())) {
                return;
            }
            Lease free = new LeaseBuilder(lease).editSpec().withHolderIdentity(null).withAcquireTime(null)
                    .withRenewTime(null).withLeaseDurationSeconds(null).endSpec().build();
            leases.leases().inNamespace(namespace).resource(free)
                    .lockResourceVersion(lease.getMetadata().getResourceVersion()).update();
            LOG.info("Cluster: pod '{}' freed the Lease of account '{}'", podName, alias);
        } catch (RuntimeException e) {
            LOG.warn("Cluster: could not free the Lease of account '{}' ({}); another pod takes it once this one "
                    + "is no longer Ready", alias, e.toString());
        }
    }

    /** Tells the listeners what changed: owned = Camel says this pod leads and the read deadline holds. */
    private void settle() {
        changes.settle(this::owns);
    }

    /** Camel's views get a client of their own: they close it when they stop. */
    private KubernetesConfiguration camelConfiguration() {
        KubernetesConfiguration configuration = new KubernetesConfiguration();
        configuration.setKubernetesClient(clients.get());
        return configuration;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
