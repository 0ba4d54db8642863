package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomProperties;
import com.kiwoomhub.kiwoom.SessionTokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The Spring wiring: sessions per account, none without accounts or when disabled. */
class RealtimeConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({KiwoomProperties.class, RealtimeProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, RealtimeConfiguration.class)
            .withBean(KiwoomAccounts.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void startsWithoutAccountsAndHasNoSessions() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(KiwoomSessions.class).all()).isEmpty();
            assertThat(context.getBean("kiwoom-realtime")).isInstanceOf(KiwoomRealtimeComponent.class);
            assertThat(context.getBean("kiwoomRealtime", KiwoomRealtimeHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void disabledMeansNoSessionsComponentOrHealth() {
        runner.withPropertyValues("kiwoom.realtime.enabled=false", "kiwoom.app-key=k", "kiwoom.secret-key=s").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(KiwoomSessions.class);
            assertThat(context).doesNotHaveBean("kiwoom-realtime");
        });
    }

    @Test
    void oneSessionPerAccountStartsWithTheContextAndClosesWithIt() throws Exception {
        try (KiwoomWsServer server = new KiwoomWsServer()) {
            runner.withBean(SessionTokens.class, FakeTokens::new)
                    .withPropertyValues("kiwoom.app-key=k", "kiwoom.secret-key=s", "kiwoom.alias=main",
                            "kiwoom.ws-url=" + server.url(), "kiwoom.realtime.reconnect.initial-delay=100ms")
                    .run(context -> {
                        KiwoomSession session = context.getBean(KiwoomSessions.class).find("main").orElseThrow();
                        await().atMost(Duration.ofSeconds(10)).until(() -> session.state() == SessionState.LOGGED_IN);
                        assertThat(context.getBean(MeterRegistry.class).get("kiwoom.ws.connected").tag("account", "main")
                                .gauge().value()).isEqualTo(1.0);
                    });
            await().atMost(Duration.ofSeconds(5)).until(() -> !server.connection(1).open);
            assertThat(server.connection(1).closeCode).isEqualTo((short) 1000);
            assertThat(server.connections).hasSize(1);
        }
    }
}
