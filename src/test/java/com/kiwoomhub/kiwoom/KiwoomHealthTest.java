package com.kiwoomhub.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import com.kiwoomhub.kiwoom.KiwoomStub.Reply;
import com.kiwoomhub.ops.KiwoomHealthIndicator;

class KiwoomHealthTest {

    @Test
    void isUpWithTheTokenExpiryWhenATokenCanBeHad() throws Exception {
        try (KiwoomStub stub = new KiwoomStub(); ClientFixture hub = new ClientFixture(stub)) {
            stub.expiresDt = "20261123083713";
            Health health = new KiwoomHealthIndicator(hub.accounts, hub.tokens, AccountOwnership.ALL).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("default")).isEqualTo(Map.of("environment", KiwoomEnvironment.REAL,
                    "tokenValid", true, "tokenValidUntil", "2026-11-23T08:37:13+09:00"));
        }
    }

    @Test
    void isDownWithTheErrorCodeWhenTheKeysAreRefused() throws Exception {
        try (KiwoomStub stub = new KiwoomStub(); ClientFixture hub = new ClientFixture(stub)) {
            stub.script("au10001", Reply.error(200, 3, "인증에 실패했습니다[8001:App Key와 Secret Key 검증에 실패했습니다]"));
            Health health = new KiwoomHealthIndicator(hub.accounts, hub.tokens, AccountOwnership.ALL).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("default").toString()).contains("lastErrorCode=8001")
                    .contains("CONFIGURATION").doesNotContain(ClientFixture.APP_KEY).doesNotContain(ClientFixture.SECRET);
        }
    }

    @Test
    void saysSoWithoutIssuingAnythingWhenNoAccountIsConfigured() {
        KiwoomAccounts none = new KiwoomAccounts(new KiwoomProperties(null, null, null, false, null, null, "default",
                List.of(), null, List.of(), new KiwoomProperties.Sandbox(false)));
        Health health = new KiwoomHealthIndicator(none, null, AccountOwnership.ALL).health();

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsKey("accounts");
    }
}
