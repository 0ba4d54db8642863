package com.kiwoomhub.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.canonical.KiwoomValues;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderEvent;
import com.kiwoomhub.canonical.OrderEventType;
import com.kiwoomhub.canonical.OrderExecution;
import com.kiwoomhub.canonical.OrderExecutionState;
import com.kiwoomhub.canonical.OrderExecutionTranslator;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.CallOptions;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomClient;
import com.kiwoomhub.kiwoom.RateLimiter;
import com.kiwoomhub.kiwoom.TrResponse;
import com.kiwoomhub.realtime.KiwoomRealtimeHeaders;
import com.kiwoomhub.security.Untrusted;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Catches up on what the 00 stream missed (the session was down, the hub was restarting): reads the
 * account's orders of the day from Kiwoom, ka10075 (open) then ka10076 (with fills), every page, and hands
 * them to the {@link ExecutionTracker} as 00 rows would have come; the {@link ExecutionLedger} publishes the
 * FILL, MODIFIED, CANCELLED (and, for orders placed outside the hub, ACCEPTED) events not published yet.
 * Runs at start, after every LOGIN of the account's session, and every {@code kiwoom.orders.catch-up-interval}
 * while the account has orders of the day that are not final (route {@code order-catch-up}).
 *
 * <p>The lists carry no fill times and no cancelled quantity: a caught-up event's time is the catch-up's, and a
 * cancel is inferred when an order that was open leaves ka10075 with shares remaining (docs/kiwoom-protocol.md
 * §7.3). The cumulative amount is ka10075's {@code cntr_tot_amt}, or for an order only in ka10076,
 * {@code cntr_qty × cntr_pric} (read as the average price; UNCERTAIN, {@code kiwoom.orders.catch-up-average-price}),
 * which gives averageFillPrice but, being approximate, no derived lastFillPrice.
 */
public class ExecutionCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionCatchUp.class);
    private static final int MAX_PAGES = 50;
    /** After a failed catch-up the account waits this long before the next attempt (one WARN per attempt). */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final KiwoomClient kiwoom;
    private final KiwoomAccounts accounts;
    private final AccountOwnership ownership;
    private final OrderJournal journal;
    private final ExecutionTracker tracker;
    private final ExecutionLedger ledger;
    private final Duration interval;
    private final boolean ka10076AveragePrice;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer afterLogin;
    /** Account alias → when it logged in (System.nanoTime), for accounts whose catch-up is due; 0 = at start. */
    private final Map<String, Long> due = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();
    private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();

    /**
     * @param ka10076AveragePrice whether ka10076 {@code cntr_pric} is the order's average fill price (else no amount
     *                            is taken from ka10076, and a FILL of an order no longer open has no lastFillPrice)
     */
    public ExecutionCatchUp(KiwoomClient kiwoom, KiwoomAccounts accounts, AccountOwnership ownership, OrderJournal journal,
                            ExecutionTracker tracker, ExecutionLedger ledger, Duration interval, boolean ka10076AveragePrice,
                            Clock clock, MeterRegistry meters) {
        this.kiwoom = kiwoom;
        this.accounts = accounts;
        this.ownership = ownership;
        this.journal = journal;
        this.tracker = tracker;
        this.ledger = ledger;
        this.interval = interval;
        this.ka10076AveragePrice = ka10076AveragePrice;
        this.clock = clock;
        this.meters = meters;
        this.afterLogin = Timer.builder("kiwoom.orders.catchup.after-login")
                .description("From a LOGIN of the account's session to the end of its execution catch-up").register(meters);
        accounts.all().forEach(a -> due.put(a.alias(), 0L));
        List.of(OrderEventType.FILL, OrderEventType.MODIFIED, OrderEventType.CANCELLED, OrderEventType.ACCEPTED)
                .forEach(type -> events(type.name()));
    }

    /** {@code kiwoom.orders.catchup.events{type}}, registered up front so that the dashboard finds it before any catch-up. */
    private Counter events(String type) {
        return Counter.builder("kiwoom.orders.catchup.events")
                .description("Order events published by the execution catch-up (ka10075/ka10076), by type")
                .tag("type", type).register(meters);
    }

    /** The account's session logged in (again): its catch-up is due at the next tick. */
    public void loggedIn(@Header(KiwoomRealtimeHeaders.ACCOUNT) String account) {
        due.put(account, System.nanoTime());
    }

    /**
     * One tick of the {@code order-catch-up} timer: the accounts that logged in (or all, the first time), and those
     * with orders not final whose last catch-up is older than the interval.
     *
     * @return how many events were published
     */
    public int run() {
        int published = 0;
        Instant now = clock.instant();
        try {
            published += ledger.republishFailed().size();
        } catch (RuntimeException e) {
            LOG.warn("Orders: order events whose publication failed are still not published ({}); will retry",
                    Untrusted.forLog(e.getMessage()));
            return 0;
        }
        for (KiwoomAccount account : accounts.all()) {
            String alias = account.alias();
            // another instance owns it (hub.cluster): its catch-up runs there, and here again after a takeover's LOGIN
            if (!ownership.owns(alias)) {
                continue;
            }
            Instant failed = failedAt.get(alias);
            if (failed != null && now.isBefore(failed.plus(RETRY_AFTER))) {
                continue;
            }
            Long login = due.remove(alias);
            Instant last = lastRun.get(alias);
            boolean periodic = (last == null || !now.isBefore(last.plus(interval)))
                    && !tracker.openOrders(alias, JournalEntry.tradingDate(now)).isEmpty();
            if (login == null && !periodic) {
                continue;
            }
            try {
                int events = catchUp(alias);
                published += events;
                lastRun.put(alias, now);
                failedAt.remove(alias);
                if (login != null && login != 0L) {
                    long nanos = System.nanoTime() - login;
                    afterLogin.record(nanos, TimeUnit.NANOSECONDS);
                    LOG.info("Orders: execution catch-up of account '{}' after LOGIN done in {} ms: {} event(s) the 00 stream "
                            + "missed", alias, TimeUnit.NANOSECONDS.toMillis(nanos), events);
                } else if (login != null || events > 0) {
                    LOG.info("Orders: execution catch-up of account '{}' {} done: {} event(s) the 00 stream missed", alias,
                            login != null ? "at start" : "(periodic)", events);
                }
            } catch (RuntimeException e) {
                failedAt.put(alias, now);
                if (login != null) {
                    due.putIfAbsent(alias, login);
                }
                LOG.warn("Orders: execution catch-up of account '{}' failed ({}); will retry", alias,
                        Untrusted.forLog(e.getMessage()));
            }
        }
        return published;
    }

    /** Reads the account's orders of the day and publishes what the 00 stream did not; returns how many events. */
    public int catchUp(String account) {
        LocalDate today = JournalEntry.tradingDate(clock.instant());
        Set<String> trackedBefore = tracker.openOrders(account, today);
        journal.refresh();
        boolean outsideAllowed = journal.entries().stream()
                .noneMatch(e -> !e.decided() && account.equals(e.account()) && today.equals(e.tradingDate()));
        TrResponse open = kiwoom.call(account, OrderExecutionTranslator.KA10075,
                Map.of("all_stk_tp", "0", "trde_tp", "0", "stex_tp", "0"), options("oso"));
        TrResponse executed = kiwoom.call(account, OrderExecutionTranslator.KA10076,
                Map.of("qry_tp", "0", "sell_tp", "0", "stex_tp", "0"), options("cntr"));
        Map<String, OrderExecution> byNumber = new LinkedHashMap<>();
        for (OrderExecution row : OrderExecutionTranslator.fromKa10076(executed.body(), today)) {
            byNumber.put(row.orderNumber(), row);
        }
        List<OrderExecution> openRows = OrderExecutionTranslator.fromKa10075(open.body(), today);
        openRows.forEach(row -> byNumber.put(row.orderNumber(), row));
        Set<String> openNumbers = new HashSet<>();
        openRows.forEach(row -> openNumbers.add(row.orderNumber()));
        boolean complete = !open.hasMore() && !executed.hasMore();
        if (!complete) {
            LOG.warn("Orders: account '{}' has more orders than {} pages of ka10075/ka10076; cancels are not inferred",
                    account, MAX_PAGES);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(KiwoomValues.KST).toOffsetDateTime()
                .truncatedTo(ChronoUnit.SECONDS);
        List<OrderExecution> rows = new ArrayList<>();
        byNumber.values().stream().sorted(Comparator.comparing(OrderExecution::orderNumber))
                .forEach(row -> rows.addAll(asStreamRows(row, openNumbers.contains(row.orderNumber()), now)));
        List<OrderEvent> events = tracker.caughtUp(account, today, rows, openNumbers,
                complete ? trackedBefore : Set.of(), outsideAllowed, now);
        List<OrderEvent> published = new ArrayList<>();
        // ka10075 gives an open order's exact cumulative amount; ka10076's price only an approximate one
        published.addAll(ledger.publish(account, events.stream()
                .filter(e -> e.type() == OrderEventType.FILL && openNumbers.contains(e.brokerOrderId())).toList(),
                OrderExecutionTranslator.KA10076, true));
        published.addAll(ledger.publish(account, events.stream()
                .filter(e -> e.type() == OrderEventType.FILL && !openNumbers.contains(e.brokerOrderId())).toList(),
                OrderExecutionTranslator.KA10076, false));
        published.addAll(ledger.publish(account, events.stream().filter(e -> e.type() != OrderEventType.FILL).toList(),
                OrderExecutionTranslator.KA10075));
        published.forEach(e -> events(e.type().name()).increment());
        return published.size();
    }

    /**
     * One listed order as the 00 rows that would have told it: RECEIVED (so an order first seen is taken for an
     * outside one), CONFIRMED for a modify or cancel, EXECUTED with the cumulative figures when it has fills.
     */
    private List<OrderExecution> asStreamRows(OrderExecution row, boolean open, OffsetDateTime now) {
        List<OrderExecution> rows = new ArrayList<>();
        rows.add(as(row, OrderExecutionState.RECEIVED, null, now));
        if (row.action() != OrderAction.NEW) {
            rows.add(as(row, OrderExecutionState.CONFIRMED, null, now));
        }
        long filled = row.cumulativeFilledQuantity() == null ? 0 : row.cumulativeFilledQuantity();
        if (filled > 0) {
            Long amount = open ? row.cumulativeFilledAmount()
                    : ka10076AveragePrice && row.executionPrice() != null ? filled * row.executionPrice() : null;
            rows.add(as(row, OrderExecutionState.EXECUTED, amount, now));
        }
        return rows;
    }

    /** The row in that state, stamped with the catch-up's time (the lists have no fill times), without last-fill figures. */
    private static OrderExecution as(OrderExecution r, OrderExecutionState state, Long amount, OffsetDateTime time) {
        return new OrderExecution(r.accountNumber(), r.orderNumber(), r.originalOrderNumber(), r.symbol(), r.venue(),
                r.name(), state, r.stateText(), r.action(), r.side(), r.orderKind(), r.tradeType(), r.orderQuantity(),
                r.orderPrice(), r.remainingQuantity(), amount, r.cumulativeFilledQuantity(), null, null, null, null, null,
                r.fee(), r.tax(), time);
    }

    private static CallOptions options(String listKey) {
        return CallOptions.pages(MAX_PAGES).withListKey(listKey).withPriority(RateLimiter.Priority.ORDER);
    }
}
