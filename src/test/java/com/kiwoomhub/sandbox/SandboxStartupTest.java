package com.kiwoomhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomEnvironment;
import com.kiwoomhub.orders.OrderFlowHub;

/**
 * With no Kiwoom keys the application starts the sandbox and points its Kiwoom settings at it. The hub
 * of the order-flow tests has no keys either: this test shares its context rather than starting its own.
 */
class SandboxStartupTest extends OrderFlowHub {

    @Autowired
    private Environment environment;

    @Autowired
    private Sandbox sandbox;

    @Autowired
    private KiwoomAccounts accounts;

    @Test
    void noKeysStartTheSandboxAsTheKiwoomEndpoint() {
        assertThat(environment.getProperty("kiwoom.base-url")).isEqualTo(sandbox.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(environment.getProperty("kiwoom.ws-url")).isEqualTo(sandbox.wsUrl()).endsWith("/api/dostk/websocket");
        assertThat(environment.getProperty("kiwoom.app-key")).isEqualTo(SandboxSettings.DEMO.appKey());
        assertThat(environment.getProperty("kiwoom.account-number")).isEqualTo("5012345601");
        assertThat(environment.getProperty("kiwoom.sandbox.active", Boolean.class)).isTrue();
        assertThat(accounts.primary().environment()).isEqualTo(KiwoomEnvironment.SANDBOX);
        assertThat(accounts.primary().baseUrl()).isEqualTo(sandbox.baseUrl());
        assertThat(sandbox.settings().restrictedSymbols()).containsExactly("252670");
        assertThat(sandbox.settings().rateLimit()).isNull();
        assertThat(sandbox.settings().rateLimitFor("ka10081")).isEqualTo(5);

        RestTestClient client = new RestTestClient(environment.getProperty("kiwoom.base-url"))
                .login(environment.getProperty("kiwoom.app-key"), environment.getProperty("kiwoom.secret-key"));
        assertThat(client.call("/api/dostk/acnt", "ka00001", Map.of()).text("acctNo")).isEqualTo("5012345601");
    }

    @Test
    void configuredKeysOrAccountsOrDisablingKeepTheSandboxOff() {
        SandboxStartup startup = new SandboxStartup(destination -> destination.get());
        for (Map<String, Object> settings : new Map[] {
                Map.of("kiwoom.app-key", "real-key"),
                Map.of("kiwoom.accounts[0].alias", "main", "kiwoom.accounts[0].app-key", "k"),
                Map.of("kiwoom.sandbox.enabled", "false")}) {
            StandardEnvironment env = new StandardEnvironment();
            env.getPropertySources().addFirst(new MapPropertySource("test", settings));

            startup.postProcessEnvironment(env, new SpringApplication(KiwoomHubApplication.class));

            assertThat(env.getPropertySources().contains(SandboxStartup.PROPERTY_SOURCE)).as(settings.toString()).isFalse();
        }
    }
}
