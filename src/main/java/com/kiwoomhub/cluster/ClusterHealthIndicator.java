package com.kiwoomhub.cluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hubCluster} in /actuator/health, always UP (a standby is healthy): the cluster service, this
 * instance, and per account its role here (OWNER or STANDBY), the lease age and the takeovers. The same
 * as meters: {@code hub.cluster.owned{account}} (1 = owner), {@code hub.cluster.lease.age} (seconds
 * since the oldest lease held here was renewed) and {@code hub.cluster.takeovers{account}}.
 */
public final class ClusterHealthIndicator implements HealthIndicator {

    private final ClusterProperties settings;
    private final KiwoomAccounts accounts;
    private final AccountOwnership ownership;
    /** Null with {@code hub.cluster.service: none}. */
    private final ClusterOwnership election;

    public ClusterHealthIndicator(ClusterProperties settings, KiwoomAccounts accounts, AccountOwnership ownership,
                                  ClusterOwnership election, MeterRegistry meters) {
        this.settings = settings;
        this.accounts = accounts;
        this.ownership = ownership;
        this.election = election;
        for (KiwoomAccount account : accounts.all()) {
            String alias = account.alias();
            Gauge.builder("hub.cluster.owned", () -> ownership.owns(alias) ? 1 : 0)
                    .description("1 while this instance owns the account, 0 while it is a standby for it")
                    .tag("account", alias).register(meters);
            FunctionCounter.builder("hub.cluster.takeovers", this, h -> h.takeovers(alias))
                    .description("Times this instance took the account over").tag("account", alias).register(meters);
        }
        Gauge.builder("hub.cluster.lease.age", this, h -> h.leaseAgeSeconds())
                .description("Seconds since this instance's oldest ownership lease was renewed (NaN when it owns nothing)")
                .baseUnit("seconds").register(meters);
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("service", settings.service().name().toLowerCase());
        details.put("instance", election == null ? "single" : election.instanceId());
        for (KiwoomAccount account : accounts.all()) {
            String alias = account.alias();
            Map<String, Object> detail = new LinkedHashMap<>();
            boolean owner = ownership.owns(alias);
            detail.put("role", owner ? "OWNER" : "STANDBY");
            Duration age = election == null ? null : election.leaseAge(alias);
            if (owner && age != null) {
                detail.put("leaseAgeMs", age.toMillis());
            }
            detail.put("takeovers", (long) takeovers(alias));
            details.put(alias, detail);
        }
        return Health.up().withDetails(details).build();
    }

    private double takeovers(String alias) {
        return election == null ? 0 : election.takeovers(alias);
    }

    /** The oldest lease of the accounts owned here (with kafka all of them are one lease). */
    private double leaseAgeSeconds() {
        if (election == null) {
            return Double.NaN;
        }
        return accounts.all().stream().map(a -> election.leaseAge(a.alias())).filter(age -> age != null)
                .mapToDouble(age -> age.toMillis() / 1000.0).max().orElse(Double.NaN);
    }
}
