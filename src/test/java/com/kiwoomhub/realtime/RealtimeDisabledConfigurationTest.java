package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomProperties;
import com.kiwoomhub.support.InMemoryStateTopic;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** With real time switched off the routes still load: the component exists and has no session. */
class RealtimeDisabledConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({KiwoomProperties.class, RealtimeProperties.class, SubscriptionProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, RealtimeConfiguration.class, RealtimeDisabledConfiguration.class)
            .withBean(KiwoomAccounts.class)
            .withBean(SubscriptionStore.class, () -> new SubscriptionStore(new InMemoryStateTopic("kiwoom.subscriptions")))
            .withBean(Subscriptions.class);

    @Test
    void disabledGivesAComponentWithoutSessionsAndNothingToSubscribe() {
        runner.withPropertyValues("kiwoom.realtime.enabled=false", "kiwoom.app-key=k", "kiwoom.secret-key=s").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(KiwoomSessions.class).all()).isEmpty();
            KiwoomRealtimeComponent component = context.getBean("kiwoom-realtime", KiwoomRealtimeComponent.class);
            try (DefaultCamelContext camel = new DefaultCamelContext()) {
                camel.addComponent("kiwoom-realtime", component);
                assertThat(((KiwoomRealtimeEndpoint) camel.getEndpoint("kiwoom-realtime:*?trnm=REAL")).sessions()).isEmpty();
            }
            assertThat(context.getBean(Subscriptions.class).subscribeConfigured()).startsWith("no real-time session");
            assertThat(context.getBean(Subscriptions.class).restoreRunTime()).startsWith("no real-time session");
        });
    }

    @Test
    void enabledLeavesTheWiringToRealtimeConfiguration() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(KiwoomSessions.class);
            assertThat(context).hasSingleBean(KiwoomRealtimeComponent.class);
        });
    }
}
