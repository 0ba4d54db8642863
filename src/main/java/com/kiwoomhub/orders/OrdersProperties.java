package com.kiwoomhub.orders;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kiwoom.orders.*}: the order flow.
 *
 * @param enabled         trading switch: false = no intake, no 00 registration, no recovery
 * @param groupId         consumer group of the primary account's order intake; another account's is {@code <groupId>-<alias>}
 * @param exchanges       exchanges a NEW order may name (mock accounts are always KRX only)
 * @param recoveryAfter   a SUBMITTING journal entry older than this has no call in flight any more
 *                        (longer than the client's request timeout) and is reconciled
 * @param reconcileWindow a Kiwoom order placed this long before the request was journaled still matches it
 * @param journalLoadTimeout how long startup may take to read the journal to its end
 * @param journalRetention decided journal entries unchanged for this long are pruned; at least a day, since
 *                        the daily notional cap and the day's executions read the day's entries
 * @param instanceId      this hub instance in journal claims; blank = a random id per start
 * @param catchUpInterval how often an account with orders of the day that are not final has its executions caught
 *                        up from ka10075/ka10076 (also at start and after every LOGIN of its session)
 * @param catchUpAveragePrice whether ka10076 {@code cntr_pric} is read as the order's average fill price (UNCERTAIN):
 *                        it gives a caught-up FILL of an order no longer open its amount
 */
@ConfigurationProperties("kiwoom.orders")
public record OrdersProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("kiwoom-hub-orders") String groupId,
        @DefaultValue({"KRX", "NXT", "SOR"}) Set<String> exchanges,
        @DefaultValue("30s") Duration recoveryAfter,
        @DefaultValue("60s") Duration reconcileWindow,
        @DefaultValue("60s") Duration journalLoadTimeout,
        @DefaultValue("7d") Duration journalRetention,
        @DefaultValue("") String instanceId,
        @DefaultValue("60s") Duration catchUpInterval,
        @DefaultValue("true") boolean catchUpAveragePrice,
        @DefaultValue Risk risk) {

    public OrdersProperties {
        if (journalRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("kiwoom.orders.journal-retention must be at least 1d (the daily notional "
                    + "cap and the day's executions need the day's journal entries), got " + journalRetention);
        }
    }

    /**
     * Pre-trade limits, checked on NEW orders only (a MODIFY or CANCEL always passes, so risk can be
     * reduced while the kill switch is on). 0 = no limit.
     *
     * @param killSwitch        start with the kill switch on (every NEW order rejected with HUB_RISK)
     * @param maxAge            a NEW request older than this (Kafka record time) is not sent: after an outage
     *                          or a new consumer group reading old history, stale orders stay stale; 0 = no limit
     * @param maxQuantity       shares per order
     * @param maxNotional       quantity × limit price per order, KRW
     * @param dailyNotionalCap  sum of the notionals of one account's orders sent today (KST), KRW
     * @param allowedSymbols    empty = every symbol
     * @param blockedSymbols    never traded
     */
    public record Risk(
            @DefaultValue("false") boolean killSwitch,
            @DefaultValue("10m") Duration maxAge,
            @DefaultValue("0") long maxQuantity,
            @DefaultValue("0") long maxNotional,
            @DefaultValue("0") long dailyNotionalCap,
            @DefaultValue List<String> allowedSymbols,
            @DefaultValue List<String> blockedSymbols) {
    }
}
