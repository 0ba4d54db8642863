package com.kiwoomhub.orders;

import static com.kiwoomhub.canonical.KiwoomValues.KST;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.KiwoomFormatException;
import com.kiwoomhub.canonical.OrderAction;
import com.kiwoomhub.canonical.OrderEvent;
import com.kiwoomhub.canonical.OrderEventType;
import com.kiwoomhub.canonical.OrderExecution;
import com.kiwoomhub.canonical.OrderExecutionState;
import com.kiwoomhub.canonical.OrderExecutionTranslator;
import com.kiwoomhub.canonical.OrderStatus;
import com.kiwoomhub.canonical.Side;
import com.kiwoomhub.realtime.KiwoomRealtimeHeaders;

/**
 * Turns real-time 00 주문체결 rows into FILL, MODIFIED, CANCELLED and REJECTED events of the order
 * they belong to. Kiwoom gives a modify or cancel its own order number; the tracker follows the chain
 * back to the NEW order, so every event of one order carries the NEW request's clientOrderId, with
 * quantities for the whole order: filledQuantity sums the fills of every order number in the chain,
 * remainingQuantity is orderQuantity − filled − cancelled.
 *
 * <p>Kiwoom pushes the 00 rows of an order before the order TR answers, so a row of an unknown order
 * number is held while an order call is in flight and applied once the answer binds the number to its
 * request; rows still unknown when no call is in flight are orders placed outside the hub
 * ({@code clientOrderId} null, key {@code kiwoom:<ord_no>}).
 *
 * <p>What the 00 stream missed (an outage, a restart) is read from Kiwoom's lists by {@link ExecutionCatchUp} and
 * applied through {@link #caughtUp}; {@link ExecutionLedger} publishes only what was not published yet.
 *
 * <p>After a restart the chains are rebuilt from the journal; Kiwoom's cumulative figures per order
 * number keep the next fill right, and the start-up catch-up counts again the fills of earlier numbers of
 * a modified order made before the restart.
 */
public class ExecutionTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionTracker.class);

    /** What the tracker knows of an order number (for a MODIFY/CANCEL by brokerOrderId of an outside order). */
    public record OrderView(String brokerOrderId, String symbol, Side side) {
    }

    /** A 00 row as received: the account and the KST trading day it arrived on, which its order number belongs to. */
    private record Row(String account, LocalDate tradingDate, OrderExecution execution) {
    }

    private final ObjectMapper json = CanonicalJson.mapper();
    /** {@link #key} of an order number → the chain it belongs to. */
    private final Map<String, ExecutionChain> chains = new HashMap<>();
    private final List<Row> waiting = new ArrayList<>();
    private int callsInFlight;

    private Supplier<Collection<JournalEntry>> journaled;
    private final Clock clock;

    /**
     * @param journaled the journal's entries, asked for once on first use (the journal is read then):
     *                  accepted requests become chains again
     * @param clock     tells the trading day a 00 row was received on
     */
    public ExecutionTracker(Supplier<Collection<JournalEntry>> journaled, Clock clock) {
        this.journaled = journaled;
        this.clock = clock;
    }

    private void restoreOnce() {
        if (journaled == null) {
            return;
        }
        Collection<JournalEntry> entries = journaled.get();
        journaled = null;
        entries.stream()
                .filter(e -> e.phase() == JournalEntry.JournalPhase.ACCEPTED)
                .sorted(java.util.Comparator.comparing(JournalEntry::submittedAt))
                .forEach(this::bindQuietly);
    }

    /** The order number's symbol and side when the tracker has seen it on that account and trading day. */
    public synchronized Optional<OrderView> find(String account, LocalDate tradingDate, String brokerOrderId) {
        restoreOnce();
        ExecutionChain c = chains.get(key(account, tradingDate, brokerOrderId));
        return c == null ? Optional.empty() : Optional.of(new OrderView(brokerOrderId, c.symbol, c.side));
    }

    /** Journal entries were pruned: the orders they started are not tracked any more (under any of their numbers). */
    public synchronized void forget(Collection<JournalEntry> pruned) {
        Set<String> ids = new HashSet<>();
        pruned.forEach(e -> ids.add(e.clientOrderId()));
        chains.values().removeIf(c -> c.clientOrderId != null && ids.contains(c.clientOrderId));
    }

    /** The current status of a hub order (NEW when nothing was executed yet or the order is not tracked). */
    public synchronized OrderStatus statusOf(String account, LocalDate tradingDate, String brokerOrderId) {
        restoreOnce();
        ExecutionChain c = brokerOrderId == null ? null : chains.get(key(account, tradingDate, brokerOrderId));
        return c == null ? OrderStatus.NEW : c.status();
    }

    /** An order TR is about to be sent: rows of unknown order numbers wait for its answer. */
    public synchronized void callStarted() {
        restoreOnce();
        callsInFlight++;
    }

    /**
     * The order TR answered (or failed). An accepted request's order number is bound to its chain; the
     * events of rows that waited for it are returned, as are those of rows that now turn out to be
     * orders placed outside the hub.
     */
    public synchronized List<OrderEvent> callEnded(JournalEntry outcome) {
        callsInFlight = Math.max(0, callsInFlight - 1);
        return resolved(outcome);
    }

    /** A request's outcome became known without a call (reconciliation): binds it like {@link #callEnded}. */
    public synchronized List<OrderEvent> resolved(JournalEntry outcome) {
        restoreOnce();
        if (outcome != null && outcome.phase() == JournalEntry.JournalPhase.ACCEPTED) {
            bindQuietly(outcome);
        }
        List<OrderEvent> events = new ArrayList<>();
        for (Iterator<Row> it = waiting.iterator(); it.hasNext(); ) {
            Row row = it.next();
            if (chainOf(row) != null || callsInFlight == 0) {
                it.remove();
                events.addAll(apply(row));
            }
        }
        return events;
    }

    /** The events of one 00 REAL frame (body as received from {@code kiwoom-realtime:}). */
    public synchronized List<OrderEvent> onFrame(@Header(KiwoomRealtimeHeaders.ACCOUNT) String account, @Body String frame) {
        restoreOnce();
        LocalDate received = JournalEntry.tradingDate(clock.instant());
        List<OrderExecution> rows;
        try {
            JsonNode node = json.readTree(frame);
            rows = OrderExecutionTranslator.fromFrame(node, received);
        } catch (KiwoomFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warn("00 frame of account '{}' skipped: {}", account, e.getMessage());
            return List.of();
        }
        List<OrderEvent> events = new ArrayList<>();
        for (OrderExecution row : rows) {
            if (row.orderNumber() == null || row.orderNumber().isBlank()) {
                continue; // a refused TR has no order number; its REJECTED came from the TR answer
            }
            Row r = new Row(account, received, row);
            if (chainOf(r) == null && callsInFlight > 0) {
                waiting.add(r);
                continue;
            }
            events.addAll(apply(r));
        }
        return events;
    }

    private void bindQuietly(JournalEntry e) {
        if (e.brokerOrderId() == null) {
            return;
        }
        String key = key(e.account(), e.tradingDate(), e.brokerOrderId());
        ExecutionChain seen = chains.get(key);
        if (seen != null && seen.clientOrderId != null) {
            return;
        }
        if (e.action() == OrderAction.NEW) {
            // an order first taken for an outside one (its rows came while its outcome was unknown) is the request's
            ExecutionChain chain = new ExecutionChain(e.clientOrderId(), e.symbol(), e.side(),
                    e.quantity() == null ? 0 : e.quantity());
            if (seen != null) {
                chain.filled.putAll(seen.filled);
                chain.amount.putAll(seen.amount);
                chain.cancelled.putAll(seen.cancelled);
                chain.confirmed.addAll(seen.confirmed);
                chains.replaceAll((k, c) -> c == seen ? chain : c);
            }
            chains.put(key, chain);
            return;
        }
        if (seen != null) {
            return;
        }
        ExecutionChain target = e.targetBrokerOrderId() == null ? null : chains.get(key(e.account(), e.tradingDate(), e.targetBrokerOrderId()));
        if (target != null) {
            chains.put(key, target);
        }
    }

    /** The one key of an order number here: Kiwoom numbers orders per account and trading day. */
    static String key(String account, LocalDate tradingDate, String brokerOrderId) {
        return account + ":" + tradingDate + ":" + brokerOrderId;
    }

    private ExecutionChain chainOf(Row r) {
        OrderExecution row = r.execution();
        ExecutionChain chain = chains.get(key(r.account(), r.tradingDate(), row.orderNumber()));
        if (chain == null && row.originalOrderNumber() != null) {
            chain = chains.get(key(r.account(), r.tradingDate(), row.originalOrderNumber()));
            if (chain != null) {
                chains.put(key(r.account(), r.tradingDate(), row.orderNumber()), chain);
            }
        }
        return chain;
    }

    private List<OrderEvent> apply(Row r) {
        OrderExecution row = r.execution();
        ExecutionChain chain = chainOf(r);
        if (chain == null) {
            if (row.action() != OrderAction.NEW) {
                LOG.debug("00 row of order {} modifies or cancels an order the hub has not seen; skipped", row.orderNumber());
                return List.of();
            }
            chain = new ExecutionChain(null, row.symbol(), row.side(),
                    row.orderQuantity() == null ? 0 : row.orderQuantity());
            chains.put(key(r.account(), r.tradingDate(), row.orderNumber()), chain);
            if (row.state() == OrderExecutionState.RECEIVED) {
                return List.of(chain.event(row, OrderEventType.ACCEPTED, OrderStatus.NEW, null, null));
            }
        }
        OrderExecutionState state = row.state();
        if (state == null) {
            return List.of();
        }
        String number = row.orderNumber();
        return switch (state) {
            case RECEIVED -> List.of();
            case EXECUTED -> chain.fill(row);
            case CONFIRMED -> {
                if (!chain.confirmed.add(number)) {
                    yield List.of();
                }
                if (row.action() == OrderAction.CANCEL) {
                    chain.cancelled.put(number, row.orderQuantity() == null ? 0 : row.orderQuantity());
                    yield List.of(chain.event(row, OrderEventType.CANCELLED, chain.status(), null, null));
                }
                if (row.action() == OrderAction.MODIFY) {
                    yield List.of(chain.event(row, OrderEventType.MODIFIED, chain.status(), null, null));
                }
                yield List.of();
            }
            case CANCELLED -> {
                if (!chain.confirmed.add(number)) {
                    yield List.of();
                }
                long quantity = row.orderQuantity() == null ? 0 : row.orderQuantity();
                chain.cancelled.put(number, Math.max(0, quantity - chain.filled.getOrDefault(number, 0L)));
                yield List.of(chain.event(row, OrderEventType.CANCELLED, chain.status(), null, null));
            }
            case REFUSED -> {
                if (row.action() != OrderAction.NEW || !chain.confirmed.add(number)) {
                    yield List.of();
                }
                chain.refused = true;
                yield List.of(chain.event(row, OrderEventType.REJECTED, OrderStatus.REJECTED, null, null));
            }
        };
    }

    /**
     * The order numbers of that account and trading day whose order may still change (not filled, cancelled or
     * refused as far as this tracker knows): what a catch-up looks for in Kiwoom's open orders.
     */
    public synchronized Set<String> openOrders(String account, LocalDate tradingDate) {
        restoreOnce();
        String prefix = key(account, tradingDate, "");
        Set<String> open = new HashSet<>();
        chains.forEach((k, c) -> {
            if (k.startsWith(prefix) && !c.refused && c.remaining() > 0) {
                open.add(k.substring(prefix.length()));
            }
        });
        return open;
    }

    /**
     * Applies what a catch-up read of Kiwoom's orders of the day ({@link ExecutionCatchUp}), as rows in 00 terms
     * (RECEIVED for an order first seen, CONFIRMED for a modify or cancel, EXECUTED with the cumulative figures),
     * and infers the cancels the lists cannot show: an order of {@code trackedBefore} (open before the lists were
     * asked for) none of whose numbers is in {@code open} any more and that still has a remaining quantity was
     * cancelled (or expired) for that remainder; its CANCELLED carries the chain's latest order number.
     *
     * @param outsideAllowed whether unknown order numbers may be taken for orders placed outside the hub (false
     *                       while a request of the account awaits its outcome: the number may be that request's)
     */
    public synchronized List<OrderEvent> caughtUp(String account, LocalDate tradingDate, List<OrderExecution> rows,
                                                  Set<String> open, Set<String> trackedBefore, boolean outsideAllowed,
                                                  OffsetDateTime now) {
        restoreOnce();
        List<OrderEvent> events = new ArrayList<>();
        for (OrderExecution row : rows) {
            Row r = new Row(account, tradingDate, row);
            if (chainOf(r) == null && (!outsideAllowed || callsInFlight > 0)) {
                continue;
            }
            events.addAll(apply(r));
        }
        Set<ExecutionChain> done = new HashSet<>();
        for (String number : trackedBefore) {
            ExecutionChain chain = chains.get(key(account, tradingDate, number));
            if (chain == null || chain.refused || chain.remaining() == 0 || !done.add(chain)) {
                continue;
            }
            List<String> numbers = numbersOf(chain, key(account, tradingDate, ""));
            if (numbers.stream().noneMatch(open::contains)) {
                String latest = numbers.get(numbers.size() - 1);
                chain.cancelled.merge(latest, chain.remaining(), Long::sum);
                chain.confirmed.add(latest);
                events.add(new OrderEvent(chain.clientOrderId, OrderEventType.CANCELLED, chain.status(), latest, null,
                        chain.symbol, chain.side, chain.orderQuantity, chain.filled(), chain.remaining(), null, null,
                        chain.averagePrice(), "Not open at Kiwoom any more (ka10075): cancelled or expired", null, now));
            }
        }
        return events;
    }

    /** The order numbers of a chain under that key prefix, lowest first. */
    private List<String> numbersOf(ExecutionChain chain, String prefix) {
        return chains.entrySet().stream().filter(e -> e.getValue() == chain && e.getKey().startsWith(prefix))
                .map(e -> e.getKey().substring(prefix.length())).sorted().toList();
    }
}
