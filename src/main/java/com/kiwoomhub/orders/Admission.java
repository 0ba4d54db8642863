package com.kiwoomhub.orders;

import org.apache.camel.Exchange;

import com.kiwoomhub.canonical.Side;

/**
 * What becomes of one order-request record, the value {@code routes/orders.camel.yaml} branches on: the
 * exchange property {@value #PROPERTY}, by its {@link #kind()}. The intake decides it; a submission whose
 * claim loses to an earlier one turns it into {@link Duplicate} or {@link Redelivered}.
 */
public sealed interface Admission {

    /** The exchange property that holds the admission of the record in the body. */
    String PROPERTY = "orderAdmission";

    /** The route's branches. */
    enum Kind { ADMITTED, INVALID, RISK_REJECTED, DUPLICATE, REDELIVERED }

    Kind kind();

    /** The admission of the exchange's record. */
    static Admission of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, Admission.class);
    }

    /** A record whose clientOrderId the journal already has: this very record again, or another one. */
    static Admission seenBefore(JournalEntry entry, RecordSource source) {
        return entry.cameFrom(source) ? new Redelivered(entry) : new Duplicate(entry);
    }

    /** Valid and within the risk limits: it goes to Kiwoom. */
    record Admitted(OrderTicket ticket) implements Admission {
        @Override
        public Kind kind() {
            return Kind.ADMITTED;
        }
    }

    /**
     * Breaks the contract: a dead letter and REJECTED {@code HUB_VALIDATION}; never sent.
     *
     * @param clientOrderId the request's id when it is usable as an event key, else null
     * @param symbol        the request's symbol when it is well-formed, else null
     * @param side          the request's side when it is one, else null
     */
    record Invalid(String reason, String clientOrderId, String symbol, Side side) implements Admission {
        @Override
        public Kind kind() {
            return Kind.INVALID;
        }
    }

    /** Refused by the risk guard or the kill switch: REJECTED {@code HUB_RISK}; never sent. */
    record RiskRejected(OrderTicket ticket, String reason) implements Admission {
        @Override
        public Kind kind() {
            return Kind.RISK_REJECTED;
        }
    }

    /** The clientOrderId belongs to an earlier record: REJECTED {@code HUB_DUPLICATE} and a dead letter; never sent. */
    record Duplicate(JournalEntry first) implements Admission {
        @Override
        public Kind kind() {
            return Kind.DUPLICATE;
        }
    }

    /** This very record was handled before (a redelivery): its outcome is journaled or being reconciled. */
    record Redelivered(JournalEntry entry) implements Admission {
        @Override
        public Kind kind() {
            return Kind.REDELIVERED;
        }
    }
}
