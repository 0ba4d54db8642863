package com.kiwoomhub.realtime;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One {@link KiwoomSession} per configured account, the {@code kiwoom-realtime} Camel component
 * and the {@code kiwoomRealtime} health check, unless {@code kiwoom.realtime.enabled=false}.
 * With no account, or no {@link SessionTokens} bean yet, there are simply no sessions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kiwoom.realtime.enabled", havingValue = "true", matchIfMissing = true)
public class RealtimeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeConfiguration.class);

    @Bean
    KiwoomSessions kiwoomSessions(KiwoomAccounts accounts, ObjectProvider<SessionTokens> tokens,
                                  RealtimeProperties settings, MeterRegistry registry) {
        SessionTokens source = tokens.getIfAvailable();
        if (source == null && !accounts.isEmpty()) {
            LOG.warn("Kiwoom realtime: no SessionTokens bean, so no WebSocket session is started");
            return new KiwoomSessions(List.of());
        }
        List<KiwoomSession> sessions = accounts.all().stream()
                .map((KiwoomAccount a) -> new KiwoomSession(a, source, settings, registry)).toList();
        return new KiwoomSessions(sessions);
    }

    @Bean("kiwoom-realtime")
    KiwoomRealtimeComponent kiwoomRealtimeComponent(KiwoomSessions sessions) {
        return new KiwoomRealtimeComponent(sessions);
    }

    @Bean("kiwoomRealtime")
    KiwoomRealtimeHealthIndicator kiwoomRealtimeHealthIndicator(KiwoomSessions sessions, RealtimeProperties settings) {
        return new KiwoomRealtimeHealthIndicator(sessions, settings.downAfter());
    }
}
