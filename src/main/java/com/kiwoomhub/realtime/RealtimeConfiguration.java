package com.kiwoomhub.realtime;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.SessionTokens;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One {@link KiwoomSession} per configured account, the {@code kiwoom-realtime} Camel component
 * and the {@code kiwoomRealtime} health check, unless {@code kiwoom.realtime.enabled=false}.
 * With no account there are simply no sessions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kiwoom.realtime.enabled", havingValue = "true", matchIfMissing = true)
public class RealtimeConfiguration {

    /** Tokens come from the token manager (the {@link SessionTokens} bean), asked for only when an account exists. */
    @Bean
    KiwoomSessions kiwoomSessions(KiwoomAccounts accounts, ObjectProvider<SessionTokens> tokens,
                                  RealtimeProperties settings, MeterRegistry registry,
                                  ObjectProvider<AccountOwnership> ownerships) {
        AccountOwnership ownership = ownerships.getIfAvailable(() -> AccountOwnership.ALL);
        List<KiwoomSession> sessions = accounts.all().stream()
                .map((KiwoomAccount a) -> new KiwoomSession(a, tokens.getObject(), settings, registry, ownership)).toList();
        return new KiwoomSessions(sessions, ownership);
    }

    @Bean("kiwoom-realtime")
    KiwoomRealtimeComponent kiwoomRealtimeComponent(KiwoomSessions sessions) {
        return new KiwoomRealtimeComponent(sessions);
    }

    @Bean("kiwoomRealtime")
    KiwoomRealtimeHealthIndicator kiwoomRealtimeHealthIndicator(KiwoomSessions sessions, RealtimeProperties settings,
                                                                ObjectProvider<Subscriptions> subscriptions) {
        return new KiwoomRealtimeHealthIndicator(sessions, settings.downAfter(), () -> {
            Subscriptions s = subscriptions.getIfAvailable();
            return s == null ? WatchlistCoverage.NONE : s.coverage();
        });
    }
}
