package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomEnvironment;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The session against a protocol-faithful Kiwoom WebSocket server on loopback. */
class KiwoomSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private KiwoomWsServer server;
    private final FakeTokens tokens = new FakeTokens();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<String> loggedIn = new CopyOnWriteArrayList<>();
    private KiwoomSession session;

    @BeforeEach
    void startServer() throws Exception {
        server = new KiwoomWsServer();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (session != null) {
            session.stop();
        }
        server.close();
    }

    static RealtimeProperties settings(Duration stallTimeout, Duration evictionBackoff, double regPerSecond) {
        return new RealtimeProperties(true, Duration.ofSeconds(2),
                new RealtimeProperties.Reconnect(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0),
                stallTimeout, evictionBackoff, regPerSecond, 100, 200, 10_000, Duration.ofSeconds(60), true);
    }

    private KiwoomSession session(RealtimeProperties settings) {
        KiwoomAccount account = new KiwoomAccount("default", "app-key", "secret-key", null, KiwoomEnvironment.SANDBOX,
                "http://127.0.0.1:1", server.url());
        session = new KiwoomSession(account, tokens, settings, meters);
        session.addListener(new SessionListener() {
            @Override
            public void onFrame(Frame frame) {
                frames.add(frame);
            }

            @Override
            public void onLoggedIn(KiwoomSession s) {
                loggedIn.add(s.status().state().name());
            }
        });
        return session;
    }

    private KiwoomSession defaultSession() {
        return session(settings(Duration.ofSeconds(2), Duration.ofSeconds(30), 4));
    }

    private void awaitLoggedIn(int connection) {
        await().atMost(WAIT).until(() -> server.connections.size() >= connection && server.connection(connection).loggedIn
                && session.state() == SessionState.LOGGED_IN);
    }

    private static List<String> items(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> String.format("%06d", i)).toList();
    }

    /** (type, item) pairs the server saw registered on one connection. */
    private static Set<String> registeredPairs(KiwoomWsServer.Conn c) {
        Set<String> pairs = new HashSet<>();
        for (KiwoomWsServer.Received r : c.frames("REG")) {
            for (JsonNode entry : r.json().path("data")) {
                entry.path("type").forEach(t -> entry.path("item").forEach(i -> pairs.add(t.asText() + ":" + i.asText())));
            }
        }
        return pairs;
    }

    @Test
    void sendsLoginFirstWithTheRawTokenAndNothingElseBeforeTheAck() {
        server.loginAckDelayMillis = 300;
        defaultSession().register(List.of("0B"), List.of("005930"));
        session.start();
        awaitLoggedIn(1);
        await().atMost(WAIT).until(() -> server.connection(1).frames("REG").size() == 1);

        KiwoomWsServer.Conn c = server.connection(1);
        assertThat(c.frames.get(0).trnm()).isEqualTo("LOGIN");
        assertThat(c.frames.get(0).json().path("token").asText()).isEqualTo("token-1");
        assertThat(c.frames.stream().filter(f -> f.nanos() < c.loginAckNanos)).hasSize(1);
        assertThat(server.violations).isEmpty();
        assertThat(loggedIn).containsExactly("LOGGED_IN");
    }

    @Test
    void echoesEveryPingUnchangedAndNeverEchoesSystem() {
        defaultSession().start();
        awaitLoggedIn(1);
        server.push(server.connection(1), "{\"trnm\":\"SYSTEM\",\"code\":\"R10009\",\"message\":\"informational\"}");

        await().atMost(WAIT).until(() -> server.echoes.get() >= 6);

        assertThat(server.connection(1).frames("PING")).allSatisfy(f -> assertThat(f.text()).isEqualTo(KiwoomWsServer.PING));
        assertThat(server.connection(1).frames("SYSTEM")).isEmpty();
        assertThat(server.violations).isEmpty();
        assertThat(server.connections).hasSize(1);
        assertThat(frames).extracting(Frame::trnm).contains("SYSTEM").doesNotContain("PING");
        System.out.printf("PING echo: %d echoed, slowest %.1f ms%n", server.echoes.get(), server.maxEchoNanos / 1e6);
    }

    @Test
    void reconnectsOnceAfterAServerDropAndRestoresLoginAndEveryRegistration() {
        defaultSession().register(List.of("0B", "0D"), items(1, 150));
        session.register(List.of("00"), List.of(""));
        session.start();
        awaitLoggedIn(1);
        await().atMost(WAIT).until(() -> server.connection(1).frames("REG").size() == 3);
        Set<String> before = registeredPairs(server.connection(1));

        long dropped = System.nanoTime();
        server.dropAll();
        awaitLoggedIn(2);
        await().atMost(WAIT).until(() -> registeredPairs(server.connection(2)).equals(before));
        long restored = server.connection(2).frames("REG").get(2).nanos();

        double millis = (restored - dropped) / 1e6;
        System.out.printf("Reconnect after a server drop: logged in again after %.0f ms, %d registrations (3 paced REGs) restored after %.0f ms%n",
                (server.connection(2).loginAckNanos - dropped) / 1e6, before.size(), millis);
        assertThat(millis).isLessThan(2000);
        assertThat(before).hasSize(301);
        assertThat(server.connections).hasSize(2);
        assertThat(server.connection(2).frames.get(0).trnm()).isEqualTo("LOGIN");
        assertThat(server.maxOpenAtOnce()).isEqualTo(1);
        assertThat(loggedIn).hasSize(2);
        assertThat(meters.get("kiwoom.ws.reconnects").counter().count()).isEqualTo(1);
        assertThat(meters.get("kiwoom.ws.connects").counter().count()).isEqualTo(2);
        assertThat(server.violations).isEmpty();
    }

    @Test
    void watchdogReplacesASocketThatWentSilent() {
        session(settings(Duration.ofMillis(800), Duration.ofSeconds(30), 4)).start();
        awaitLoggedIn(1);

        long silenced = System.nanoTime();
        server.silence(server.connection(1));
        awaitLoggedIn(2);

        System.out.printf("Stalled socket replaced after %.0f ms (stall-timeout 800 ms)%n",
                (server.connection(2).loginAckNanos - silenced) / 1e6);
        assertThat(server.connection(1).open).isFalse();
        assertThat(session.status().lastErrorCode()).isEqualTo("stalled");
        assertThat(server.maxOpenAtOnce()).isEqualTo(1);
        assertThat(server.connections).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"trnm\":\"LOGIN\",\"return_code\":805004,\"return_msg\":\"토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]\"}",
            "{\"trnm\":\"LOGIN\",\"return_code\":\"3\",\"return_msg\":\"인증에 실패했습니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]\"}"})
    void expiredTokenAtLoginIsInvalidatedAndTheFreshOneLogsInOnANewConnection(String refusal) {
        server.loginRefusal = refusal;
        server.validTokens = Set.of("token-2");
        defaultSession().start();
        awaitLoggedIn(2);

        assertThat(tokens.invalidated).containsExactly("token-1");
        assertThat(server.connection(1).frames("LOGIN").get(0).json().path("token").asText()).isEqualTo("token-1");
        assertThat(server.connection(2).frames("LOGIN").get(0).json().path("token").asText()).isEqualTo("token-2");
        assertThat(session.status().lastErrorCode()).isEqualTo("8005");
        assertThat(server.connections).hasSize(2);
        assertThat(server.maxOpenAtOnce()).isEqualTo(1);
    }

    @Test
    void evictionBacksOffForTheEvictionDelayInsteadOfReconnectingAtOnce() {
        session(settings(Duration.ofSeconds(5), Duration.ofMillis(1500), 4)).start();
        awaitLoggedIn(1);

        long evicted = System.nanoTime();
        server.evict(server.connection(1));
        await().atMost(WAIT).until(() -> session.state() == SessionState.EVICTED);
        assertThat(session.status().lastErrorCode()).isEqualTo("R10001");
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofMillis(1300)).until(() -> server.connections.size() == 1);

        awaitLoggedIn(2);
        System.out.printf("After R10001 the next connection came %.0f ms later (eviction-backoff 1500 ms)%n",
                (server.connection(2).frames.get(0).nanos() - evicted) / 1e6);
        assertThat(server.connection(2).frames.get(0).nanos() - evicted).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1400));
        assertThat(server.connection(1).closeCode).isEqualTo((short) 1000);
        assertThat(server.connections).hasSize(2);
    }

    @Test
    void neverHoldsMoreThanOneSocketWhileTheServerKeepsDroppingIt() {
        server.dropAfterLoginUpTo = 5;
        defaultSession().start();
        awaitLoggedIn(6);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> server.connections.size() == 6);

        assertThat(server.maxOpenAtOnce()).isEqualTo(1);
        assertThat(server.openNow()).isEqualTo(1);
        assertThat(meters.get("kiwoom.ws.reconnects").counter().count()).isEqualTo(5);
        List<Long> gaps = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            gaps.add((server.connection(i).frames.get(0).nanos() - server.connection(i - 1).closedNanos) / 1_000_000);
        }
        System.out.println("Gaps between a drop and the next LOGIN (ms, back-off 100 ms x2, jittered): " + gaps);
        assertThat(gaps.get(4)).isGreaterThanOrEqualTo(gaps.get(0));
    }

    @Test
    void keepsPerSymbolOrderInABurstWhilePingsAreEchoedPromptly() {
        List<String> symbols = items(1, 10);
        session = defaultSession();
        session.addListener(frame -> LockSupport.parkNanos(300_000)); // a slow route: 0.3 ms per frame
        session.register(List.of("0B"), symbols);
        session.start();
        awaitLoggedIn(1);

        List<String> burst = new ArrayList<>();
        for (int seq = 1; seq <= 2500; seq++) {
            burst.add(KiwoomWsServer.real("0B", List.of(symbols.get(seq % 10), symbols.get((seq + 3) % 10)), seq));
        }
        int pingsBefore = server.pingsSent.get();
        server.burst(server.connection(1), burst, 25);
        await().atMost(WAIT).until(() -> frames.stream().filter(f -> f.trnm().equals("REAL")).count() == 2500);

        Map<String, Integer> lastSeq = new HashMap<>();
        int outOfOrder = 0;
        for (Frame f : frames) {
            if (!f.trnm().equals("REAL")) {
                continue;
            }
            for (JsonNode row : read(f.json()).path("data")) {
                int seq = row.path("values").path("13").asInt();
                Integer previous = lastSeq.put(row.path("item").asText(), seq);
                if (previous != null && previous >= seq) {
                    outOfOrder++;
                }
            }
        }
        System.out.printf("Burst: 2500 REAL frames (5000 rows), %d out of order, %d PINGs echoed meanwhile, slowest echo %.1f ms, max hand-off lag %.1f ms%n",
                outOfOrder, server.pingsSent.get() - pingsBefore, server.maxEchoNanos / 1e6,
                meters.get("kiwoom.ws.lag").timer().max(TimeUnit.MILLISECONDS));
        assertThat(outOfOrder).isZero();
        assertThat(server.pingsSent.get() - pingsBefore).isGreaterThanOrEqualTo(3);
        assertThat(server.maxEchoNanos).isLessThan(TimeUnit.MILLISECONDS.toNanos(500)); // the server gives up at 1 s
        assertThat(server.violations).isEmpty();
        assertThat(server.connections).hasSize(1);
        assertThat(meters.get("kiwoom.ws.frames").tag("type", "REAL").counter().count()).isEqualTo(2500);
    }

    @Test
    void aBlockedRouteOverflowsTheQueueCountedButPingsStillGetEchoed() throws Exception {
        RealtimeProperties small = settings(Duration.ofSeconds(2), Duration.ofSeconds(30), 4);
        session = session(new RealtimeProperties(true, small.connectTimeout(), small.reconnect(), small.stallTimeout(),
                small.evictionBackoff(), 4, 100, 200, 20, small.downAfter(), true));
        CountDownLatch route = new CountDownLatch(1);
        session.addListener(frame -> {
            try {
                route.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        session.start();
        awaitLoggedIn(1);

        for (int seq = 1; seq <= 100; seq++) {
            server.push(server.connection(1), KiwoomWsServer.real("0B", List.of("005930"), seq));
        }
        int echoesBefore = server.echoes.get();
        await().atMost(WAIT).until(() -> server.echoes.get() >= echoesBefore + 6); // > 1 s with the route blocked
        route.countDown();

        double dropped = meters.get("kiwoom.ws.frames.dropped").counter().count();
        System.out.printf("Blocked route: %.0f of 100 frames dropped (queue 20), %d PINGs echoed meanwhile, slowest %.1f ms%n",
                dropped, server.echoes.get() - echoesBefore, server.maxEchoNanos / 1e6);
        assertThat(dropped).isGreaterThanOrEqualTo(79);
        assertThat(server.violations).isEmpty();
        assertThat(server.connections).hasSize(1);
    }

    @Test
    void refusesToRegisterMoreThan200ItemsPerConnectionButAccountWideTypesAreFree() {
        defaultSession();
        session.register(List.of("0B", "0D"), items(1, 150));
        session.register(List.of("00", "04"), List.of(""));

        assertThatThrownBy(() -> session.register(List.of("0B"), items(1000, 51)))
                .isInstanceOf(RegistrationLimitException.class)
                .hasMessageContaining("200 items per connection").hasMessageContaining("201");
        session.register(List.of("0H"), items(1000, 50));
        assertThat(session.registeredItems()).isEqualTo(200);
        session.unregister(List.of("0B", "0D"), items(1, 10));
        session.register("2", List.of("0B"), items(2000, 10));
        assertThat(session.registeredItems()).isEqualTo(200);
    }

    @Test
    void batchesRegistrationsAndPacesThemUnderTheConfiguredRateRetryingA105110() {
        server.rateLimitRegNumber = 2;
        session(settings(Duration.ofSeconds(5), Duration.ofSeconds(30), 4));
        List<String> types = List.of("0A", "0B", "0C", "0D", "0E", "0F", "0G", "0H", "0I");
        for (int i = 0; i < types.size(); i++) {
            session.register(List.of(types.get(i)), items(100 * i, 10)); // one message each
        }
        session.register(List.of("0w"), items(1000, 110)); // two messages: 100 + 10 items
        session.start();
        awaitLoggedIn(1);
        await().atMost(WAIT).until(() -> server.connection(1).frames("REG").size() == 12);

        List<KiwoomWsServer.Received> regs = server.connection(1).frames("REG");
        assertThat(regs).allSatisfy(r -> assertThat(r.json().path("data").get(0).path("item").size()).isLessThanOrEqualTo(100));
        int maxPerSecond = 0;
        for (KiwoomWsServer.Received r : regs) {
            long end = r.nanos() + TimeUnit.SECONDS.toNanos(1);
            maxPerSecond = Math.max(maxPerSecond, (int) regs.stream().filter(o -> o.nanos() >= r.nanos() && o.nanos() < end).count());
        }
        System.out.printf("REG pacing: %d messages in %.0f ms, at most %d in any second (limit 4)%n", regs.size(),
                (regs.get(regs.size() - 1).nanos() - regs.get(0).nanos()) / 1e6, maxPerSecond);
        assertThat(maxPerSecond).isLessThanOrEqualTo(4);
        // the rate-limited one, re-sent a second later before those queued after it
        assertThat(regs.get(2).text()).isEqualTo(regs.get(1).text());
        assertThat(regs.get(2).nanos() - regs.get(1).nanos()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(registeredPairs(server.connection(1))).hasSize(200);
        assertThat(meters.get("kiwoom.ws.reg.errors").tag("code", "105110").counter().count()).isEqualTo(1);
    }

    @Test
    void unregisterSendsRemoveAndStopCloses1000() {
        defaultSession().register(List.of("0B"), List.of("005930", "000660"));
        session.start();
        awaitLoggedIn(1);
        session.unregister(List.of("0B"), List.of("000660"));
        await().atMost(WAIT).until(() -> server.connection(1).frames("REMOVE").size() == 1);
        assertThat(server.connection(1).frames("REMOVE").get(0).text())
                .isEqualTo("{\"trnm\":\"REMOVE\",\"grp_no\":\"1\",\"data\":[{\"item\":[\"000660\"],\"type\":[\"0B\"]}]}");

        session.stop();
        await().atMost(WAIT).until(() -> !server.connection(1).open);
        assertThat(server.connection(1).closeCode).isEqualTo((short) 1000);
        assertThat(session.state()).isEqualTo(SessionState.DISCONNECTED);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(1)).until(() -> server.connections.size() == 1);
    }

    @Test
    void startsAgainAfterStopWithItsRegistrations() {
        defaultSession().register(List.of("0B"), List.of("005930"));
        session.start();
        awaitLoggedIn(1);
        session.stop();
        await().atMost(WAIT).until(() -> !server.connection(1).open);

        session.start();
        awaitLoggedIn(2);
        await().atMost(WAIT).until(() -> registeredPairs(server.connection(2)).equals(Set.of("0B:005930")));
        assertThat(server.maxOpenAtOnce()).isEqualTo(1);
        assertThat(loggedIn).hasSize(2);
    }

    @Test
    void controlFramesGoOutAfterEveryLoginAndTheirAnswersReachListeners() {
        defaultSession().addListener(new SessionListener() {
            @Override
            public void onFrame(Frame frame) {
            }

            @Override
            public void onLoggedIn(KiwoomSession s) {
                s.send("{\"trnm\":\"CNSRLST\"}");
                s.send("{\"trnm\":\"CNSRREQ\",\"seq\":\"1\",\"search_type\":\"1\",\"stex_tp\":\"K\"}");
            }
        });
        assertThatThrownBy(() -> session.send("{\"trnm\":\"CNSRLST\"}")).isInstanceOf(IllegalStateException.class);
        session.start();
        awaitLoggedIn(1);
        server.dropAll();
        awaitLoggedIn(2);
        await().atMost(WAIT).until(() -> frames.stream().filter(f -> f.trnm().equals("CNSRLST")).count() == 2);

        for (int i = 1; i <= 2; i++) {
            assertThat(server.connection(i).frames).extracting(KiwoomWsServer.Received::trnm)
                    .filteredOn(t -> !t.equals("PING")).containsExactly("LOGIN", "CNSRLST", "CNSRREQ");
        }
        assertThat(frames).extracting(Frame::trnm).contains("CNSRREQ");
    }

    @Test
    void aConditionSearchWithoutTheListFirstGetsCnsrlstSentAheadOfIt() {
        defaultSession().start();
        awaitLoggedIn(1);
        session.send("{\"trnm\":\"CNSRREQ\",\"seq\":\"4\",\"search_type\":\"0\",\"stex_tp\":\"K\",\"cont_yn\":\"N\",\"next_key\":\"\"}");
        session.send("{\"trnm\":\"CNSRCLR\",\"seq\":\"4\"}");
        await().atMost(WAIT).until(() -> frames.stream().anyMatch(f -> f.trnm().equals("CNSRCLR")));

        assertThat(server.connection(1).frames).extracting(KiwoomWsServer.Received::trnm).filteredOn(t -> !t.equals("PING"))
                .containsExactly("LOGIN", "CNSRLST", "CNSRREQ", "CNSRCLR");
        assertThat(frames).extracting(Frame::trnm).containsSubsequence("CNSRLST", "CNSRREQ", "CNSRCLR");
    }

    @Test
    void healthIsDownOnlyAfterTheSessionStayedDisconnectedLongerThanTheThreshold() {
        defaultSession();
        KiwoomSessions sessions = new KiwoomSessions(List.of(session));
        assertThat(new KiwoomRealtimeHealthIndicator(sessions, Duration.ZERO, () -> WatchlistCoverage.NONE).health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(new KiwoomRealtimeHealthIndicator(sessions, Duration.ofMinutes(1), () -> WatchlistCoverage.NONE).health().getStatus().getCode()).isEqualTo("UP");

        session.start();
        awaitLoggedIn(1);
        var health = new KiwoomRealtimeHealthIndicator(sessions, Duration.ZERO, () -> WatchlistCoverage.NONE).health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsKey("default");
        assertThat(meters.get("kiwoom.ws.connected").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void readsTheEmbeddedCodeInWebSocketAndRestForms() {
        assertThat(KiwoomSession.embeddedCode("토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]"))
                .isEqualTo("8005");
        assertThat(KiwoomSession.embeddedCode("인증에 실패했습니다[8031:투자구분(실전/모의)이 달라서 Token를 사용할수가 없습니다]"))
                .isEqualTo("8031");
        assertThat(KiwoomSession.embeddedCode("")).isNull();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
