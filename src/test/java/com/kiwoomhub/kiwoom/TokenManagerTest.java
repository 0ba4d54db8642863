package com.kiwoomhub.kiwoom;

import static com.kiwoomhub.canonical.KiwoomValues.KST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kiwoomhub.kiwoom.KiwoomStub.Reply;

class TokenManagerTest {

    private KiwoomStub stub;
    private ClientFixture hub;

    @BeforeEach
    void start() throws Exception {
        stub = new KiwoomStub();
        hub = new ClientFixture(stub);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    /** expires_dt as Kiwoom writes it: KST wall time, yyyyMMddHHmmss. */
    private String expiresIn(Duration d) {
        return LocalDateTime.ofInstant(hub.clock.instant().plus(d), KST)
                .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    @Test
    void reusesTheTokenUntilExpiresDtMinusTheRefreshMargin() {
        stub.expiresDt = expiresIn(Duration.ofHours(2));
        KiwoomAccount account = hub.account();

        String first = hub.tokens.token(account);
        hub.clock.advance(Duration.ofMinutes(109));
        assertThat(hub.tokens.token(account)).isEqualTo(first);
        assertThat(stub.requests("/oauth2/token")).hasSize(1);

        hub.clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // 1 h 50 min 1 s: inside the 10-minute margin
        stub.token = "renewed-token-0002";
        stub.expiresDt = expiresIn(Duration.ofHours(24));
        assertThat(hub.tokens.token(account)).isEqualTo("renewed-token-0002");
        assertThat(stub.requests("/oauth2/token")).hasSize(2);
    }

    @Test
    void readsExpiresDtAsKoreanTime() {
        stub.expiresDt = "20261122183000"; // 18:30 KST = 09:30 UTC
        hub.tokens.token(hub.account());

        assertThat(hub.tokens.status(hub.account()).validUntil()).isEqualTo(Instant.parse("2026-11-22T09:30:00Z"));
        assertThat(hub.tokens.validUntilKst(hub.account())).contains("2026-11-22T18:30+09:00");
    }

    @Test
    void keepsAShortLivedTokenInsteadOfAskingOnEveryCall() {
        // Kiwoom returns the same token until it expires, so a fresh issue can be inside the margin already.
        stub.expiresDt = expiresIn(Duration.ofMinutes(4));
        KiwoomAccount account = hub.account();

        for (int i = 0; i < 5; i++) {
            hub.tokens.token(account);
        }
        assertThat(stub.requests("/oauth2/token")).hasSize(1);

        hub.clock.advance(Duration.ofSeconds(61));
        hub.tokens.token(account);
        assertThat(stub.requests("/oauth2/token")).as("asked again after min-reissue-interval").hasSize(2);

        hub.clock.advance(Duration.ofMinutes(3)); // now past the old expiry
        stub.token = "next-day-token";
        stub.expiresDt = expiresIn(Duration.ofHours(24));
        assertThat(hub.tokens.token(account)).isEqualTo("next-day-token");
    }

    @Test
    void keepsTheCurrentTokenWhenARefreshFailsAndWaitsBeforeTryingAgain() {
        stub.expiresDt = expiresIn(Duration.ofHours(2));
        KiwoomAccount account = hub.account();
        String first = hub.tokens.token(account);
        hub.clock.advance(Duration.ofMinutes(115));
        stub.script("au10001", Reply.of(503, ""));

        assertThat(hub.tokens.token(account)).isEqualTo(first);
        assertThat(hub.tokens.token(account)).isEqualTo(first);
        assertThat(stub.requests("/oauth2/token")).hasSize(2);
        assertThat(hub.tokens.status(account).lastErrorCode()).isEqualTo("http503");

        hub.clock.advance(Duration.ofSeconds(61));
        hub.tokens.token(account);
        assertThat(stub.requests("/oauth2/token")).hasSize(3);
        assertThat(hub.tokens.status(account).lastErrorCode()).isNull();
    }

    @Test
    void concurrentCallersShareOneIssueRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (GatedTokenStub gated = new GatedTokenStub(); ClientFixture gatedHub = new ClientFixture(gated)) {
            List<CompletableFuture<String>> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                callers.add(CompletableFuture.supplyAsync(() -> gatedHub.tokens.token(gatedHub.account()), pool));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> gated.requests("/oauth2/token").size() == 1);
            gated.open.countDown();
            for (CompletableFuture<String> caller : callers) {
                assertThat(caller.get()).isEqualTo(gated.token);
            }
            assertThat(gated.requests("/oauth2/token")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A stub whose token answer waits until the test opens the gate. */
    private static final class GatedTokenStub extends KiwoomStub {
        final CountDownLatch open = new CountDownLatch(1);

        GatedTokenStub() throws Exception {
            super();
        }

        @Override
        void beforeReply(String apiId) throws InterruptedException {
            if ("au10001".equals(apiId)) {
                open.await();
            }
        }
    }

    @Test
    void invalidateForcesANewIssueOnlyForTheRefusedToken() {
        KiwoomAccount account = hub.account();
        String first = hub.tokens.token(account);

        hub.tokens.invalidate(account, "some-older-token");
        hub.tokens.token(account);
        assertThat(stub.requests("/oauth2/token")).hasSize(1);

        hub.tokens.invalidate(account, first);
        hub.tokens.token(account);
        assertThat(stub.requests("/oauth2/token")).hasSize(2);
    }

    @Test
    void revokesIssuedTokensOnClose() {
        String token = hub.tokens.token(hub.account());

        hub.tokens.close();

        assertThat(stub.requests("/oauth2/revoke")).singleElement().satisfies(r -> assertThat(r.body())
                .isEqualTo("{\"appkey\":\"" + ClientFixture.APP_KEY + "\",\"secretkey\":\"" + ClientFixture.SECRET
                        + "\",\"token\":\"" + token + "\"}"));
        assertThat(hub.tokens.status(hub.account()).valid()).isFalse();
    }

    @Test
    void neverPrintsTheTokenInItsStatus() {
        String token = hub.tokens.token(hub.account());
        assertThat(hub.tokens.status(hub.account()).toString()).doesNotContain(token);
        assertThat(hub.account().toString()).doesNotContain(ClientFixture.APP_KEY).doesNotContain(ClientFixture.SECRET);
    }
}
