package com.kiwoomhub.realtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code kiwoomSubscriptions} in /actuator/health: whether subscriptions are shared over the accounts'
 * sessions, and per account alias the items its session carries (the count and the first
 * {@value #SAMPLE} in code order), whether this instance registers them at Kiwoom ({@code heldHere}
 * false: another instance owns the account, and this one only keeps them for a takeover), and the
 * run-time subscriptions (from {@code kiwoom.subscription-requests}) among them, listed as
 * {@code symbol channel} or, past {@value #LISTED} of them, counted per channel. Every instance shows
 * the same placement. DOWN when the stored run-time subscriptions could not be read at start (they are
 * then not subscribed).
 */
@Component("kiwoomSubscriptions")
public class SubscriptionsHealthIndicator implements HealthIndicator {

    /** Beyond this many run-time subscriptions an account shows counts per channel instead of a list. */
    static final int LISTED = 50;
    /** Items named per account. */
    static final int SAMPLE = 20;

    private final Subscriptions subscriptions;

    public SubscriptionsHealthIndicator(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sharedSubscriptions", subscriptions.shared());
        subscriptions.itemsByAccount().forEach((account, items) -> {
            List<SubscriptionStore.Entry> runTime = subscriptions.runTime(account);
            List<String> held = subscriptions.itemsOf(account);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("items", items);
            detail.put("heldHere", subscriptions.heldHere(account));
            detail.put("itemSample", held.subList(0, Math.min(SAMPLE, held.size())));
            detail.put("runTime", runTime.size());
            if (runTime.size() <= LISTED) {
                detail.put("runTimeSubscriptions", runTime.stream().map(e -> e.symbol() + " " + e.channel()).toList());
            } else {
                Map<String, Integer> byChannel = new TreeMap<>();
                runTime.forEach(e -> byChannel.merge(e.channel(), 1, Integer::sum));
                detail.put("runTimeByChannel", byChannel);
            }
            details.put(account, detail);
        });
        String error = subscriptions.restoreError();
        if (error != null) {
            return Health.down().withDetail("restoreError", error).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
