package com.kiwoomhub.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.kiwoomhub.canonical.OrderEvent;
import com.kiwoomhub.realtime.KiwoomRealtimeHeaders;

/**
 * The one way FILL, MODIFIED, CANCELLED (and the 00 stream's ACCEPTED/REJECTED of outside orders) reach
 * {@code kiwoom.order-events}, from the 00 stream and from the catch-up alike: each event is checked against
 * its order's {@link ExecutionMark} and written in one Kafka transaction with the updated mark, on the
 * order journal. So "published" is durable, atomic with the event, and shared by instances.
 *
 * <p>Why a transaction and not only the deterministic {@code ce_id}: with the mark written apart from the event,
 * a crash between the two would either lose the event (mark first) or repeat it after the restart (event
 * first); in one transaction, read {@code read_committed}, a crash leaves both or neither, and the next source
 * (a later 00 row or the catch-up) publishes what is still missing. The journal is read to its end before each
 * decision, so an event another instance published is not repeated; two instances deciding on the same fill
 * in the very same moment can still both publish it, and then both records carry the same {@code ce_id}
 * (a FILL's id is its order key, brokerOrderId and cumulative quantity), which consumers drop duplicates by.
 */
public class ExecutionLedger {

    private final OrderJournal journal;
    private final OrderEvents events;
    private final Clock clock;
    /** Batches whose transaction failed: the tracker has counted them, so nothing else would publish them again. */
    private final List<Batch> failed = new ArrayList<>();

    private record Batch(String account, List<OrderEvent> events, String origin, boolean exactAmounts) {
    }

    public ExecutionLedger(OrderJournal journal, OrderEvents events, Clock clock) {
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /** The events of one 00 frame (route {@code order-executions}). */
    public void publishFrame(@Header(KiwoomRealtimeHeaders.ACCOUNT) String account, @Body List<OrderEvent> frameEvents) {
        publish(account, frameEvents, "ws/00");
    }

    /**
     * Publishes the events that add to what was published of their orders (today's marks of that account).
     *
     * @param origin the {@code ce_source} suffix: {@code ws/00} or the TR the catch-up read it from
     * @return the events published, as published (a FILL's last-fill figures adjusted to the last published fill)
     */
    public List<OrderEvent> publish(String account, List<OrderEvent> candidates, String origin) {
        return publish(account, candidates, origin, true);
    }

    /**
     * @param exactAmounts false when the events' cumulative amounts are approximate (from ka10076's price): a FILL
     *                     covering other shares than its own last fill then gets no lastFillPrice
     */
    public synchronized List<OrderEvent> publish(String account, List<OrderEvent> candidates, String origin,
                                                 boolean exactAmounts) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        try {
            return write(account, candidates, origin, exactAmounts);
        } catch (RuntimeException e) {
            failed.add(new Batch(account, List.copyOf(candidates), origin, exactAmounts));
            throw e;
        }
    }

    /**
     * Publishes again what failed before (Kafka was unreachable), oldest first, until one fails again; the marks
     * keep a batch that another source published meanwhile from being repeated. (After a crash the start-up
     * catch-up does this from Kiwoom's lists.)
     *
     * @return the events published
     */
    public synchronized List<OrderEvent> republishFailed() {
        List<OrderEvent> published = new ArrayList<>();
        while (!failed.isEmpty()) {
            Batch b = failed.get(0);
            published.addAll(write(b.account(), b.events(), b.origin(), b.exactAmounts()));
            failed.remove(0);
        }
        return published;
    }

    private List<OrderEvent> write(String account, List<OrderEvent> candidates, String origin, boolean exactAmounts) {
        journal.refresh();
        LocalDate today = JournalEntry.tradingDate(clock.instant());
        Map<String, ExecutionMark> marks = new LinkedHashMap<>();
        List<OrderEvent> published = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (OrderEvent candidate : candidates) {
            String key = ExecutionMark.key(account, today, candidate.topicKey());
            ExecutionMark mark = marks.computeIfAbsent(key, k -> mark(account, today, candidate.topicKey()));
            Optional<OrderEvent> admitted = mark.admit(candidate, exactAmounts);
            if (admitted.isPresent()) {
                marks.put(key, mark.after(admitted.get()));
                published.add(admitted.get());
                records.add(events.record(admitted.get(), origin));
            }
        }
        if (!published.isEmpty()) {
            journal.recordExecutions(marks.values().stream().filter(m -> !isUnchanged(m)).toList(), records);
        }
        return published;
    }

    /** What was published of an order of that account today. */
    public ExecutionMark mark(String account, LocalDate tradingDate, String orderKey) {
        return journal.execution(account, tradingDate, orderKey).orElseGet(() -> ExecutionMark.none(account, tradingDate, orderKey));
    }

    private boolean isUnchanged(ExecutionMark m) {
        return journal.execution(m.account(), m.tradingDate(), m.orderKey()).map(m::equals).orElse(false);
    }
}
