package com.kiwoomhub.orders;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.canonical.OrderAction;

/**
 * Pre-trade limits on NEW orders ({@code kiwoom.orders.risk.*}) and the kill switch. MODIFY and
 * CANCEL always pass so that exposure can still be reduced. The daily notional counts every order of
 * the account journaled today (KST) that was not rejected, so it survives restarts and is shared by
 * instances through the journal. Market-type orders carry no price: only the quantity limit and the
 * symbol lists apply to them.
 */
public class RiskGuard {

    private static final Logger LOG = LoggerFactory.getLogger(RiskGuard.class);

    private final OrdersProperties.Risk limits;
    private final OrderJournal journal;
    private final AtomicBoolean killSwitch;
    private final Set<String> allowed;
    private final Set<String> blocked;

    public RiskGuard(OrdersProperties.Risk limits, OrderJournal journal) {
        this.limits = limits;
        this.journal = journal;
        this.killSwitch = new AtomicBoolean(limits.killSwitch());
        this.allowed = Set.copyOf(limits.allowedSymbols());
        this.blocked = Set.copyOf(limits.blockedSymbols());
    }

    public boolean killSwitchOn() {
        return killSwitch.get();
    }

    public void killSwitch(boolean on) {
        if (killSwitch.getAndSet(on) != on) {
            LOG.warn("Order kill switch turned {}: {}", on ? "ON" : "OFF",
                    on ? "every NEW order is rejected with HUB_RISK" : "NEW orders are accepted again");
        }
    }

    /**
     * The reason the order may not go out, or empty when it may.
     *
     * @param requested when the request was produced (the Kafka record time), null if unknown
     */
    public Optional<String> check(OrderTicket ticket, Instant requested, Instant now) {
        if (ticket.request().action() != OrderAction.NEW) {
            return Optional.empty();
        }
        if (killSwitch.get()) {
            return Optional.of("the order kill switch is on: no new orders are sent");
        }
        Duration maxAge = limits.maxAge();
        if (requested != null && !maxAge.isZero() && Duration.between(requested, now).compareTo(maxAge) > 0) {
            return Optional.of("the request is " + Duration.between(requested, now).toSeconds() + " s old, older than "
                    + maxAge.toSeconds() + " s (kiwoom.orders.risk.max-age): a stale order is not sent");
        }
        LocalDate today = LocalDate.ofInstant(now, KST);
        String symbol = ticket.symbol();
        if (blocked.contains(symbol)) {
            return Optional.of("symbol " + symbol + " is blocked (kiwoom.orders.risk.blocked-symbols)");
        }
        if (!allowed.isEmpty() && !allowed.contains(symbol)) {
            return Optional.of("symbol " + symbol + " is not in kiwoom.orders.risk.allowed-symbols");
        }
        long quantity = ticket.request().quantity();
        if (limits.maxQuantity() > 0 && quantity > limits.maxQuantity()) {
            return Optional.of("quantity " + quantity + " exceeds the limit of " + limits.maxQuantity() + " shares per order");
        }
        long notional = ticket.notional();
        if (limits.maxNotional() > 0 && notional > limits.maxNotional()) {
            return Optional.of("notional " + notional + " KRW exceeds the limit of " + limits.maxNotional() + " KRW per order");
        }
        if (limits.dailyNotionalCap() > 0 && notional > 0) {
            long used = usedToday(ticket.account(), today);
            if (used + notional > limits.dailyNotionalCap()) {
                return Optional.of("notional " + notional + " KRW would bring account '" + ticket.account() + "' to "
                        + (used + notional) + " KRW today, over the daily cap of " + limits.dailyNotionalCap() + " KRW");
            }
        }
        return Optional.empty();
    }

    private long usedToday(String account, LocalDate today) {
        return journal.entries().stream()
                .filter(e -> e.action() == OrderAction.NEW && account.equals(e.account()) && today.equals(e.tradingDate())
                        && e.phase() != JournalEntry.JournalPhase.REJECTED)
                .mapToLong(JournalEntry::notional)
                .sum();
    }
}
