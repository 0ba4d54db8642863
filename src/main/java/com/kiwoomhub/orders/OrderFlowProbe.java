package com.kiwoomhub.orders;

/**
 * The step boundaries of one order submission, where a crash leaves a distinct state behind. The flow
 * reports each one; the default does nothing. Crash tests stop the flow here to prove that a restart
 * neither sends an order twice nor loses one.
 */
public interface OrderFlowProbe {

    OrderFlowProbe NONE = (step, entry) -> { };

    enum Step {
        /** SUBMITTING is durable; the order TR has not been sent. */
        SUBMITTING_JOURNALED,
        /** Kiwoom answered; the outcome is not journaled yet. */
        CALL_ANSWERED,
        /** Outcome and event are durable; the request's offset is not committed yet. */
        OUTCOME_JOURNALED
    }

    void reached(Step step, JournalEntry entry);
}
