package com.kiwoomhub.orders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderExecution;
import com.kiwoomhub.canonical.OrderExecutionTranslator;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.kiwoom.CallOptions;
import com.kiwoomhub.kiwoom.KiwoomClient;
import com.kiwoomhub.kiwoom.RateLimiter;
import com.kiwoomhub.kiwoom.TrResponse;

/**
 * Finds out whether Kiwoom received a request whose outcome the hub does not know (a crash between
 * journal and answer, a timeout, a 5xx): it reads the account's open orders (ka10075 미체결) and
 * orders with fills (ka10076 체결) for the symbol and side, and looks for an order with the same
 * quantity and price placed after the request was journaled (less the window, Kiwoom's clock and
 * seconds-only times) whose number no other request owns. A MODIFY/CANCEL matches by its original
 * order number instead. Never sends an order.
 *
 * <p>Known gap: an order that is neither open nor filled any more (an IOC/FOK that expired, or one
 * cancelled outside the hub) is in neither list and is reported as not placed.
 */
public class Reconciliation {

    private final KiwoomClient kiwoom;
    private final OrderJournal journal;
    private final Duration window;

    public Reconciliation(KiwoomClient kiwoom, OrderJournal journal, Duration window) {
        this.kiwoom = kiwoom;
        this.journal = journal;
        this.window = window;
    }

    /** Kiwoom's order number for the request, or empty when Kiwoom has no such order. */
    public Optional<String> find(JournalEntry entry) {
        LocalDate today = LocalDate.now(OrderEvents.KST);
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
                .filter(r -> journal.byBrokerOrderId(r.orderNumber()).isEmpty())
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
