package com.kiwoomhub.orders;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderExecution;
import com.kiwoomhub.canonical.OrderExecutionTranslator;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.kiwoom.CallOptions;
import com.kiwoomhub.kiwoom.KiwoomClient;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomException;
import com.kiwoomhub.kiwoom.RateLimiter;
import com.kiwoomhub.kiwoom.TrResponse;
import com.kiwoomhub.security.Untrusted;

/**
 * Resolves the requests whose outcome the hub does not know (a crash between journal and answer, a
 * timeout, a 5xx), on the {@code order-recovery} timer: it publishes UNKNOWN once, then finds out whether
 * Kiwoom received the request. It reads the account's open orders (ka10075 미체결) and
 * orders with fills (ka10076 체결) for the symbol and side, and looks for an order with the same
 * quantity and price placed after the request was journaled (less the window, Kiwoom's clock and
 * seconds-only times) whose number no other request owns. A MODIFY/CANCEL matches by its original
 * order number instead. Never sends an order.
 *
 * <p>ka10075/ka10076 answer for the trading day they are asked on, and Kiwoom numbers orders per
 * trading day: only a request of today's trading day is reconciled. A request of a past day (the hub was
 * down over the day change) stays UNKNOWN and is never reported not placed, since Kiwoom can no longer
 * prove it absent; it is logged and counted once ({@code kiwoom.orders.requests}, outcome {@code unreconcilable}) for an operator
 * to check against Kiwoom's order history.
 *
 * <p>Known gap: an order that is neither open nor filled any more (an IOC/FOK that expired, or one
 * cancelled outside the hub) is in neither list and is reported as not placed.
 */
public class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final KiwoomClient kiwoom;
    private final AccountOwnership ownership;
    private final OrderJournal journal;
    private final Duration window;
    private final Duration recoveryAfter;
    private final ExecutionTracker executions;
    private final OrderOutcomes outcomes;
    private final SubmissionLock lock;
    private final Clock clock;
    /** Requests of a past trading day already reported as beyond reconciliation. */
    private final Set<String> unreconcilable = ConcurrentHashMap.newKeySet();

    /**
     * @param window        how much earlier than the request's journal time a matching order may be (clocks, seconds)
     * @param recoveryAfter how long a request's outcome may stay unknown before it is reconciled
     */
    public Reconciliation(KiwoomClient kiwoom, AccountOwnership ownership, OrderJournal journal, Duration window,
                          Duration recoveryAfter, ExecutionTracker executions, OrderOutcomes outcomes, SubmissionLock lock,
                          Clock clock) {
        this.kiwoom = kiwoom;
        this.ownership = ownership;
        this.journal = journal;
        this.window = window;
        this.recoveryAfter = recoveryAfter;
        this.executions = executions;
        this.outcomes = outcomes;
        this.lock = lock;
        this.clock = clock;
    }

    /**
     * Resolves every request of an account this instance owns (hub.cluster) whose outcome is unknown and
     * whose call cannot be in flight any more (SUBMITTING or UNKNOWN, journaled longer than
     * {@code recovery-after} ago by this instance, three times that by another): UNKNOWN is published once, then ka10075/ka10076 decide between ACCEPTED
     * (with the order number) and REJECTED.
     *
     * @return how many requests were resolved
     */
    public int recover() {
        lock.lock();
        try {
            journal.refresh();
            Instant now = clock.instant();
            int resolved = 0;
            for (JournalEntry entry : journal.entries()) {
                // another instance's request is left to it for three times as long, so two instances rarely both resolve one
                Duration wait = journal.instance().equals(entry.instance()) ? recoveryAfter : recoveryAfter.multipliedBy(3);
                // only the account's owner may ask Kiwoom (hub.cluster); the others leave the request to it
                if (!entry.decided() && ownership.owns(entry.account()) && !entry.submittedAt().isAfter(now.minus(wait)) && resolve(entry)) {
                    resolved++;
                }
            }
            return resolved;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether Kiwoom's answer decided the request (false: reconciliation failed, retried next time) */
    private boolean resolve(JournalEntry entry) {
        JournalEntry unknown = entry;
        if (entry.phase() == JournalEntry.JournalPhase.SUBMITTING) {
            unknown = entry.unknown("The hub stopped before it knew whether Kiwoom received this request; reconciling");
            outcomes.recordUnknown(unknown);
        }
        if (!entry.tradingDate().equals(JournalEntry.tradingDate(clock.instant()))) {
            if (unreconcilable.add(entry.clientOrderId())) {
                outcomes.count("unreconcilable", "none");
                LOG.warn("Order {} of trading day {} stays UNKNOWN: Kiwoom answers ka10075/ka10076 only for today; "
                        + "check it in Kiwoom's order history", entry.clientOrderId(), entry.tradingDate());
            }
            return false;
        }
        Optional<String> found;
        try {
            found = find(unknown);
        } catch (KiwoomException e) {
            LOG.warn("Order {} still unknown: reconciliation failed ({}); will retry", Untrusted.forLog(entry.clientOrderId()),
                    Untrusted.forLog(e.getMessage()));
            return false;
        }
        JournalEntry outcome = found
                .map(number -> entry.accepted(number, "Reconciled: Kiwoom has order " + number + " (ka10075/ka10076)"))
                .orElseGet(() -> entry.rejected(OrderFlowCodes.NOT_PLACED,
                        "Reconciled: Kiwoom has no order for this request, it was not placed; send a new request to retry"));
        outcomes.record(outcome);
        outcomes.publishExecutions(entry.account(), executions.resolved(outcome));
        return true;
    }

    /**
     * Kiwoom's order number for the request, or empty when Kiwoom has no such order today. The rows belong
     * to the trading day they were asked on; a number another request of that day owns is not a match.
     */
    public Optional<String> find(JournalEntry entry) {
        LocalDate today = JournalEntry.tradingDate(clock.instant());
        List<OrderExecution> rows = new ArrayList<>();
        String sideCode = entry.side() == null ? "0" : entry.side() == Side.SELL ? "1" : "2";
        TrResponse open = kiwoom.call(entry.account(), OrderExecutionTranslator.KA10075,
                Map.of("all_stk_tp", "1", "trde_tp", sideCode, "stk_cd", entry.symbol(), "stex_tp", "0"), options("oso"));
        rows.addAll(OrderExecutionTranslator.fromKa10075(open.body(), today));
        TrResponse filled = kiwoom.call(entry.account(), OrderExecutionTranslator.KA10076,
                Map.of("qry_tp", "1", "sell_tp", sideCode, "stk_cd", entry.symbol(), "stex_tp", "0"), options("cntr"));
        rows.addAll(OrderExecutionTranslator.fromKa10076(filled.body(), today));
        Instant earliest = entry.submittedAt().minus(window);
        return rows.stream()
                .filter(r -> entry.symbol().equals(r.symbol()))
                .filter(r -> !r.time().toInstant().isBefore(earliest))
                .filter(r -> matches(entry, r))
                .filter(r -> journal.byBrokerOrderId(entry.account(), today, r.orderNumber()).isEmpty())
                .min(Comparator.comparing(OrderExecution::time).thenComparing(OrderExecution::orderNumber))
                .map(OrderExecution::orderNumber);
    }

    private static boolean matches(JournalEntry entry, OrderExecution row) {
        if (entry.action() == OrderAction.NEW) {
            return row.action() == OrderAction.NEW && (entry.side() == null || entry.side() == row.side())
                    && Objects.equals(entry.quantity(), row.orderQuantity())
                    && (entry.price() == null ? row.orderPrice() == null : entry.price().equals(row.orderPrice()));
        }
        return row.action() == entry.action() && entry.targetBrokerOrderId() != null
                && entry.targetBrokerOrderId().equals(row.originalOrderNumber());
    }

    private static CallOptions options(String listKey) {
        return CallOptions.pages(10).withListKey(listKey).withPriority(RateLimiter.Priority.ORDER);
    }
}
