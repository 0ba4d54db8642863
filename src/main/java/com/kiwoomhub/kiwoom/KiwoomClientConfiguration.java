package com.kiwoomhub.kiwoom;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the Kiwoom client side: one HTTP client, token manager, rate limiter and TR client, and the {@code kiwoom:} component. */
@Configuration(proxyBeanMethods = false)
public class KiwoomClientConfiguration {

    @Bean
    KiwoomHttp kiwoomHttp(KiwoomClientProperties properties) {
        return new KiwoomHttp(properties.connectTimeout(), properties.requestTimeout());
    }

    /** Closed on shutdown after Camel has stopped, which revokes the tokens of the accounts still owned when so configured. */
    @Bean
    TokenManager tokenManager(KiwoomHttp http, KiwoomClientProperties properties, ObjectProvider<Clock> clock,
                              MeterRegistry meters, ObjectProvider<AccountOwnership> ownership) {
        return new TokenManager(http, properties.token(), clock.getIfAvailable(Clock::systemUTC), meters,
                ownership.getIfAvailable(() -> AccountOwnership.ALL));
    }

    @Bean
    RateLimiter rateLimiter(KiwoomClientProperties properties, MeterRegistry meters) {
        return new RateLimiter(properties.rateLimit(), meters);
    }

    @Bean
    KiwoomClient kiwoomClient(KiwoomAccounts accounts, TokenManager tokens, RateLimiter limiter, KiwoomHttp http,
                              KiwoomClientProperties properties, MeterRegistry meters,
                              ObjectProvider<AccountOwnership> ownership) {
        return new KiwoomClient(accounts, tokens, limiter, http, properties.retry(), meters,
                ownership.getIfAvailable(() -> AccountOwnership.ALL));
    }

    /** Registered under the name {@code kiwoom}, which is how Camel finds it for {@code kiwoom:} URIs. */
    @Bean("kiwoom")
    KiwoomComponent kiwoomComponent(KiwoomClient client) {
        return new KiwoomComponent(client);
    }
}
