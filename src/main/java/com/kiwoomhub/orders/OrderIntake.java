package com.kiwoomhub.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * The first and last steps of {@code routes/orders.camel.yaml} for one order-request record: {@link #admit}
 * decides its {@link Admission} (journal, validation, risk) before anything is sent, {@link #commit} commits
 * its offset once its outcome is durable.
 */
public class OrderIntake {

    private final OrderJournal journal;
    private final OrderValidation validation;
    private final RiskGuard risk;
    private final Clock clock;

    public OrderIntake(OrderJournal journal, OrderValidation validation, RiskGuard risk, Clock clock) {
        this.journal = journal;
        this.validation = validation;
        this.risk = risk;
        this.clock = clock;
    }

    /**
     * Whether the record in the body is another account's intake's to handle ({@link OrderValidation#intakeAccount}):
     * every intake reads every request, and each handles only its own.
     *
     * @param account the alias of the account of the asking intake
     */
    public boolean belongsToAnother(byte[] value, String account) {
        return !validation.intakeAccount(value).equals(account);
    }

    /** Sets the {@value Admission#PROPERTY} property of the record in the body. */
    public void admit(Exchange exchange) {
        journal.refresh();
        Message in = exchange.getMessage();
        Admission validated = validation.validate(in.getBody(byte[].class));
        String clientOrderId = validated instanceof Admission.Admitted a ? a.ticket().clientOrderId()
                : ((Admission.Invalid) validated).clientOrderId();
        Optional<JournalEntry> existing = clientOrderId == null ? Optional.empty() : journal.find(clientOrderId);
        Admission admission;
        if (existing.isPresent()) {
            admission = Admission.seenBefore(existing.get(), RecordSource.of(in));
        } else if (validated instanceof Admission.Admitted admitted) {
            admission = withinRisk(admitted.ticket(), in.getHeader(KafkaConstants.TIMESTAMP, Long.class));
        } else {
            admission = validated;
        }
        exchange.setProperty(Admission.PROPERTY, admission);
    }

    /** @param timestamp the Kafka record time, epoch ms; null if unknown */
    private Admission withinRisk(OrderTicket ticket, Long timestamp) {
        Optional<String> refused = risk.check(ticket, timestamp == null ? null : Instant.ofEpochMilli(timestamp),
                clock.instant());
        return refused.<Admission>map(reason -> new Admission.RiskRejected(ticket,
                "Refused by the hub's risk guard: " + reason)).orElseGet(() -> new Admission.Admitted(ticket));
    }

    /** Commits the record's offset: its outcome is durable by now. */
    public void commit(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }
}
