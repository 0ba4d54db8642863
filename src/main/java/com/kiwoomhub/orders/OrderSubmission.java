package com.kiwoomhub.orders;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.kiwoom.CallOptions;
import com.kiwoomhub.kiwoom.KiwoomAmbiguousOrderException;
import com.kiwoomhub.kiwoom.KiwoomClient;
import com.kiwoomhub.kiwoom.KiwoomError;
import com.kiwoomhub.kiwoom.KiwoomErrorCategory;
import com.kiwoomhub.kiwoom.KiwoomException;
import com.kiwoomhub.kiwoom.KiwoomOrderTr;
import com.kiwoomhub.kiwoom.RateLimiter;
import com.kiwoomhub.kiwoom.TrResponse;
import com.kiwoomhub.security.Untrusted;

/**
 * The step of {@code routes/orders.camel.yaml} that sends an {@link Admission.Admitted} request: the
 * write-ahead claim, the order TR, then outcome and event in one journal transaction. A claim that loses to
 * an earlier one sends nothing and turns the admission into {@link Admission.Duplicate} or
 * {@link Admission.Redelivered}, for the route to handle.
 */
public class OrderSubmission {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSubmission.class);

    private final OrderJournal journal;
    private final KiwoomClient kiwoom;
    private final ExecutionTracker executions;
    private final OrderOutcomes outcomes;
    private final SubmissionLock lock;
    private final OrderFlowProbe probe;
    private final Clock clock;

    public OrderSubmission(OrderJournal journal, KiwoomClient kiwoom, ExecutionTracker executions, OrderOutcomes outcomes,
                           SubmissionLock lock, OrderFlowProbe probe, Clock clock) {
        this.journal = journal;
        this.kiwoom = kiwoom;
        this.executions = executions;
        this.outcomes = outcomes;
        this.lock = lock;
        this.probe = probe;
        this.clock = clock;
    }

    /** Claims the request's clientOrderId and, when the claim owns it, sends the order TR and journals the outcome. */
    public void submit(Exchange exchange) {
        OrderTicket ticket = ((Admission.Admitted) Admission.of(exchange)).ticket();
        RecordSource source = RecordSource.of(exchange.getMessage());
        lock.lock();
        try {
            JournalEntry submitting = JournalEntry.submitting(ticket, journal.instance(), clock.instant(), source);
            if (!journal.claim(submitting)) {
                Admission lost = Admission.seenBefore(journal.find(ticket.clientOrderId()).orElseThrow(), source);
                if (lost instanceof Admission.Redelivered) {
                    outcomes.count("redelivered", "none");
                }
                exchange.setProperty(Admission.PROPERTY, lost);
                return;
            }
            probe.reached(OrderFlowProbe.Step.SUBMITTING_JOURNALED, submitting);
            JournalEntry outcome = null;
            executions.callStarted();
            try {
                outcome = call(submitting);
                probe.reached(OrderFlowProbe.Step.CALL_ANSWERED, outcome);
                outcomes.record(outcome);
            } finally {
                outcomes.publishExecutions(submitting.account(), executions.callEnded(outcome));
            }
            probe.reached(OrderFlowProbe.Step.OUTCOME_JOURNALED, outcome);
        } finally {
            lock.unlock();
        }
    }

    /** The order TR, sent once: ACCEPTED with Kiwoom's order number, REJECTED, or UNKNOWN when the answer was lost. */
    private JournalEntry call(JournalEntry entry) {
        KiwoomOrderTr tr = entry.orderTr();
        try {
            TrResponse response = kiwoom.call(entry.account(), tr.apiId(), tr.body(),
                    CallOptions.DEFAULT.withPriority(RateLimiter.Priority.ORDER));
            String number = response.body().path("ord_no").asText("");
            if (number.isBlank()) {
                return entry.unknown("Kiwoom answered without an order number");
            }
            return entry.accepted(number, null);
        } catch (KiwoomAmbiguousOrderException e) {
            LOG.warn("Order {}: outcome unknown after {} ({}); reconciling before anything else", Untrusted.forLog(entry.clientOrderId()),
                    e.underlying().category(), e.underlying().code());
            return entry.unknown(
                    "Kiwoom's answer was lost (" + e.underlying().category() + " " + e.underlying().code() + "); reconciling");
        } catch (KiwoomException e) {
            KiwoomError error = e.error();
            if (error.category() == KiwoomErrorCategory.TRANSPORT) {
                // surely not sent (refused connection): nothing reached Kiwoom, the request is rejected
                return entry.rejected(OrderFlowCodes.KIWOOM_PREFIX + error.code(),
                        "Kiwoom could not be reached: " + error.text());
            }
            return entry.rejected(OrderFlowCodes.KIWOOM_PREFIX + error.code(), KiwoomOrderTr.refusalText(error));
        }
    }
}
