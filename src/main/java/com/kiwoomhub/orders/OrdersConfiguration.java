package com.kiwoomhub.orders;

import java.time.Clock;
import java.util.List;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kiwoomhub.cluster.AccountOwnerPolicies;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomClient;
import com.kiwoomhub.ops.DeadLetterMeter;
import com.kiwoomhub.realtime.KiwoomSession;
import com.kiwoomhub.realtime.KiwoomSessions;
import com.kiwoomhub.topics.TopicDeclaration;
import com.kiwoomhub.topics.TopicNames;
import com.kiwoomhub.topics.TopicSetup;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The order flow's beans, used by {@code routes/orders.camel.yaml}. The journal is read to its end
 * before the first request is judged (the first step of the intake and of recovery reads it).
 */
@Configuration(proxyBeanMethods = false)
public class OrdersConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersConfiguration.class);
    /** Registration group of the account-wide 00 stream, apart from the market-data groups. */
    static final String EXECUTIONS_GROUP = "9";

    /** The journal's topic as the topic setup creates it: compacted, whatever topics.defaults say. */
    @Bean
    TopicDeclaration orderJournalTopic() {
        return JournalTopic.declaration();
    }

    @Bean(destroyMethod = "close")
    OrderJournal orderJournal(OrdersProperties settings, @Value("${kafka.bootstrap-servers}") String bootstrapServers,
                              TopicNames topics, TopicSetup setup, ObjectProvider<Clock> clock) {
        String topic = topics.orderJournal();
        String instance = settings.instanceId().isBlank() ? OrderJournal.newInstanceId() : settings.instanceId();
        return new OrderJournal(bootstrapServers, topic, () -> setup.partitions(topic), instance,
                settings.journalLoadTimeout(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    JournalRetention journalRetention(OrderJournal journal, ExecutionTracker executions, OrdersProperties settings,
                                      ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new JournalRetention(journal, executions, settings.journalRetention(), clock.getIfAvailable(Clock::systemUTC),
                meters);
    }

    @Bean
    ExecutionTracker executionTracker(OrderJournal journal, OrdersProperties settings,
                                      ObjectProvider<KiwoomSessions> sessions, ObjectProvider<Clock> clock) {
        if (settings.enabled()) {
            // every account's 00 주문체결 rows, item "" = the whole account; restored after each reconnect;
            // routes/orders.camel.yaml (order-executions) reads them from every session
            List<KiwoomSession> all = sessions.stream().flatMap(s -> s.all().stream()).toList();
            all.forEach(session -> {
                session.register(EXECUTIONS_GROUP, List.of("00"), List.of(""));
                LOG.info("Orders: 00 executions registered for account '{}'", session.account().alias());
            });
            if (all.isEmpty()) {
                LOG.warn("Orders: no real-time session (kiwoom.realtime.enabled=false?): FILL, MODIFIED and CANCELLED events come "
                        + "only from the execution catch-up, every kiwoom.orders.catch-up-interval");
            }
        }
        return new ExecutionTracker(() -> {
            journal.load();
            return journal.entries();
        }, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RiskGuard riskGuard(OrdersProperties settings, OrderJournal journal, MeterRegistry meters,
                        ObjectProvider<Clock> clock) {
        RiskGuard risk = new RiskGuard(settings.risk(), journal);
        OrderFlowGauges.register(meters, risk, journal, settings.recoveryAfter(), clock.getIfAvailable(Clock::systemUTC));
        return risk;
    }

    @Bean
    KillSwitchEndpoint orderKillSwitchEndpoint(RiskGuard risk) {
        return new KillSwitchEndpoint(risk);
    }

    @Bean
    OrderValidation orderValidation(KiwoomAccounts accounts, OrdersProperties settings, OrderJournal journal,
                                    ExecutionTracker executions, ObjectProvider<Clock> clock) {
        return new OrderValidation(accounts, settings, journal, executions, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    OrderEvents orderEvents(TopicNames topics) {
        return new OrderEvents(topics.orderEvents());
    }

    @Bean
    ExecutionLedger executionLedger(OrderJournal journal, OrderEvents events, ObjectProvider<Clock> clock) {
        return new ExecutionLedger(journal, events, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ExecutionCatchUp executionCatchUp(KiwoomClient kiwoom, KiwoomAccounts accounts, AccountOwnership ownership,
                                      OrderJournal journal, ExecutionTracker executions, ExecutionLedger ledger,
                                      OrdersProperties settings, ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new ExecutionCatchUp(kiwoom, accounts, ownership, journal, executions, ledger, settings.catchUpInterval(),
                settings.catchUpAveragePrice(), clock.getIfAvailable(Clock::systemUTC), meters);
    }

    @Bean
    OrderOutcomes orderOutcomes(OrderJournal journal, OrderEvents events, MeterRegistry meters, ExecutionLedger ledger) {
        return new OrderOutcomes(journal, events, meters, ledger);
    }

    @Bean
    SubmissionLock submissionLock() {
        return new SubmissionLock();
    }

    @Bean
    OrderIntake orderIntake(OrderJournal journal, OrderValidation validation, RiskGuard risk,
                            ObjectProvider<Clock> clock) {
        return new OrderIntake(journal, validation, risk, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Camel finds it in the registry as the parameter source of the intakes' route template. */
    @Bean
    OrderIntakes orderIntakes(KiwoomAccounts accounts, OrdersProperties settings, AccountOwnerPolicies policies,
                              CamelContext camel, @Value("${kafka.bootstrap-servers}") String bootstrapServers,
                              TopicNames topics) {
        return new OrderIntakes(accounts, settings.groupId(), policies, camel, bootstrapServers, topics.orderRequests());
    }

    @Bean
    OrderRejections orderRejections(OrderJournal journal, OrderEvents events, OrderOutcomes outcomes,
                                    ExecutionTracker executions, TopicNames topics,
                                    DeadLetterMeter deadLetterMeter, ObjectProvider<Clock> clock) {
        return new OrderRejections(journal, events, outcomes, executions, topics.deadLetters(), deadLetterMeter,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    OrderSubmission orderSubmission(OrderJournal journal, KiwoomClient kiwoom, ExecutionTracker executions,
                                    OrderOutcomes outcomes, SubmissionLock lock, ObjectProvider<OrderFlowProbe> probe,
                                    ObjectProvider<Clock> clock) {
        return new OrderSubmission(journal, kiwoom, executions, outcomes, lock,
                probe.getIfAvailable(() -> OrderFlowProbe.NONE), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Reconciliation reconciliation(KiwoomClient kiwoom, AccountOwnership ownership, OrderJournal journal,
                                  OrdersProperties settings, ExecutionTracker executions, OrderOutcomes outcomes,
                                  SubmissionLock lock, ObjectProvider<Clock> clock) {
        return new Reconciliation(kiwoom, ownership, journal, settings.reconcileWindow(), settings.recoveryAfter(), executions,
                outcomes, lock, clock.getIfAvailable(Clock::systemUTC));
    }
}
