package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomClientProperties;
import com.kiwoomhub.kiwoom.KiwoomEnvironment;
import com.kiwoomhub.kiwoom.KiwoomHttp;
import com.kiwoomhub.kiwoom.TokenManager;
import com.kiwoomhub.sandbox.RealtimeFaults;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The session's recovery proofs against the built-in sandbox's WebSocket, with the hub's real
 * {@link TokenManager} issuing tokens (au10001) at the sandbox. Server timings are shortened through
 * {@code kiwoom.sandbox.websocket.*} so the whole class runs in seconds.
 */
class KiwoomSessionAgainstSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration PING_INTERVAL = Duration.ofMillis(100);
    private static final Duration STALL_TIMEOUT = Duration.ofMillis(600);
    private static final Duration EVICTION_BACKOFF = Duration.ofSeconds(3);

    private Sandbox sandbox;
    private SandboxWebSocket webSocket;
    private RealtimeFaults faults;
    private TokenManager tokens;
    private KiwoomAccount account;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private KiwoomSession session;
    private KiwoomSession rival;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(SandboxSettings.of(Map.of(
                "tick-interval", "0",
                "rate-limit", "0",
                "websocket.ping-interval", PING_INTERVAL.toMillis() + "ms",
                "websocket.missed-pings-before-close", "3",
                "websocket.login-timeout", "2s")));
        faults = sandbox.realtimeFaults();
        webSocket = (SandboxWebSocket) faults;
        account = new KiwoomAccount("default", SandboxSettings.DEMO.appKey(), SandboxSettings.DEMO.secretKey(),
                SandboxSettings.DEMO.accountNumber(), KiwoomEnvironment.SANDBOX, sandbox.baseUrl(), sandbox.wsUrl());
        tokens = new TokenManager(new KiwoomHttp(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new KiwoomClientProperties.Token(Duration.ofMinutes(10), Duration.ofSeconds(60), false),
                Clock.systemUTC(), meters);
        // Sockets open on the server, sampled every millisecond for the one-socket proof.
        sampler.scheduleAtFixedRate(() -> maxOpen.accumulateAndGet(faults.openConnections(), Math::max),
                0, 1, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (KiwoomSession s : new KiwoomSession[] {session, rival}) {
            if (s != null) {
                s.stop();
            }
        }
        sampler.shutdownNow();
        sampler.awaitTermination(1, TimeUnit.SECONDS);
        sandbox.close();
    }

    private KiwoomSession newSession(SimpleMeterRegistry registry) {
        RealtimeProperties settings = new RealtimeProperties(true, Duration.ofSeconds(2),
                new RealtimeProperties.Reconnect(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0),
                STALL_TIMEOUT, EVICTION_BACKOFF, 4, 100, 200, 10_000, Duration.ofSeconds(60), true);
        return new KiwoomSession(account, tokens, settings, registry);
    }

    private KiwoomSession session() {
        session = newSession(meters);
        return session;
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private static List<String> items(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> String.format("%06d", i)).toList();
    }

    /** The logged-in connections on the server. */
    private List<SessionInfo> loggedIn() {
        return webSocket.sessions().stream().filter(s -> s.appKey() != null).toList();
    }

    private static Set<String> pairs(SessionInfo info) {
        return info.groups().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }

    private long framesReceived(String trnm) {
        return faults.framesReceived().stream().filter(f -> trnm(f).equals(trnm)).count();
    }

    private static String trnm(String frame) {
        try {
            return JSON.readTree(frame).path("trnm").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitLoggedIn() {
        await().atMost(WAIT).until(() -> session.state() == SessionState.LOGGED_IN && loggedIn().size() == 1);
    }

    @Test
    void survivesMoreThanFiveServerPingsByEchoingEachOne() {
        session().start();
        awaitLoggedIn();
        String connection = loggedIn().get(0).connectionId();
        webSocket.clearFramesReceived();

        // The server closes after 3 unechoed PINGs, so 6 echoes on one socket prove every PING was answered.
        await().atMost(WAIT).until(() -> framesReceived("PING") >= 6);

        assertThat(loggedIn()).extracting(SessionInfo::connectionId).containsExactly(connection);
        assertThat(faults.framesReceived()).allSatisfy(f -> assertThat(f).isEqualTo("{\"trnm\":\"PING\"}"));
        assertThat(session.state()).isEqualTo(SessionState.LOGGED_IN);
        assertThat(counter("kiwoom.ws.connects")).isEqualTo(1);
        assertThat(counter("kiwoom.ws.reconnects")).isZero();
        assertThat(maxOpen.get()).isEqualTo(1);
    }

    @Test
    void aServerDropLeadsToOneReconnectWithLoginAndEveryRegistrationRestoredWithinTwoSeconds() {
        session().register(List.of("0B", "0D"), items(1, 150));
        session.register(List.of("00"), List.of(""));
        session.start();
        awaitLoggedIn();
        await().atMost(WAIT).until(() -> pairs(loggedIn().get(0)).size() == 301);
        SessionInfo before = loggedIn().get(0);
        webSocket.clearFramesReceived();

        long dropped = System.nanoTime();
        faults.dropAll();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(2)).until(() -> loggedIn().size() == 1
                && !loggedIn().get(0).connectionId().equals(before.connectionId())
                && pairs(loggedIn().get(0)).equals(pairs(before)));
        double millis = (System.nanoTime() - dropped) / 1e6;

        System.out.printf("Sandbox drop: LOGIN and %d registrations (3 paced REGs) restored on the new socket after %.0f ms%n",
                pairs(before).size(), millis);
        assertThat(millis).isLessThan(2000);
        assertThat(faults.framesReceived()).extracting(KiwoomSessionAgainstSandboxTest::trnm).filteredOn(t -> !t.equals("PING"))
                .containsExactly("LOGIN", "REG", "REG", "REG");
        assertThat(counter("kiwoom.ws.reconnects")).isEqualTo(1);
        assertThat(counter("kiwoom.ws.connects")).isEqualTo(2);
        assertThat(maxOpen.get()).isEqualTo(1);
    }

    @Test
    void aStalledSocketIsDetectedByTheWatchdogAndReplaced() {
        session().start();
        awaitLoggedIn();
        String stalled = loggedIn().get(0).connectionId();

        long silenced = System.nanoTime();
        faults.stopPings(true);
        await().atMost(WAIT).until(() -> "stalled".equals(session.status().lastErrorCode()));
        double detected = (System.nanoTime() - silenced) / 1e6;
        faults.stopPings(false);
        awaitLoggedIn();

        System.out.printf("Stalled sandbox socket detected after %.0f ms (stall-timeout %d ms) and replaced%n", detected,
                STALL_TIMEOUT.toMillis());
        assertThat(loggedIn().get(0).connectionId()).isNotEqualTo(stalled);
        assertThat(counter("kiwoom.ws.reconnects")).isGreaterThanOrEqualTo(1);
        assertThat(maxOpen.get()).isEqualTo(1);
    }

    @Test
    void echoesTheServerIgnoresEndInR10002AndANewSocket() {
        session().start();
        awaitLoggedIn();
        String first = loggedIn().get(0).connectionId();

        faults.ignoreEchoes(true);
        await().atMost(WAIT).until(() -> "R10002".equals(session.status().lastErrorCode()));
        faults.ignoreEchoes(false);
        awaitLoggedIn();

        assertThat(loggedIn().get(0).connectionId()).isNotEqualTo(first);
        assertThat(maxOpen.get()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"expireAll", "revokeAll"})
    void aTokenRefusedAtLoginIsReissuedThroughAu10001AndTheSessionLogsInAgain(String invalidation) {
        session().start();
        awaitLoggedIn();
        String firstToken = tokens.token(account);
        assertThat(sandbox.requests().withApiId("au10001")).hasSize(1);

        if (invalidation.equals("expireAll")) {
            sandbox.tokens().expireAll();
        } else {
            sandbox.tokens().revokeAll();
        }
        webSocket.clearFramesReceived();
        faults.dropAll();
        await().atMost(WAIT).until(() -> sandbox.requests().withApiId("au10001").size() == 2);
        awaitLoggedIn();

        List<String> logins = faults.framesReceived().stream().filter(f -> trnm(f).equals("LOGIN")).toList();
        assertThat(logins).hasSize(2);
        assertThat(logins.get(0)).contains(firstToken);
        assertThat(logins.get(1)).doesNotContain(firstToken).contains(tokens.token(account));
        assertThat(session.status().lastErrorCode()).isEqualTo("8005");
        assertThat(counter("kiwoom.ws.connects")).isEqualTo(3);
        assertThat(maxOpen.get()).isEqualTo(1);
    }

    @Test
    void anEvictedSessionBacksOffInsteadOfFightingTheOneThatReplacedIt() {
        session().start();
        awaitLoggedIn();
        String first = loggedIn().get(0).connectionId();

        rival = newSession(new SimpleMeterRegistry());
        rival.start();
        await().atMost(WAIT).until(() -> session.state() == SessionState.EVICTED && rival.state() == SessionState.LOGGED_IN);
        assertThat(session.status().lastErrorCode()).isEqualTo("R10001");

        // Well inside the 3 s eviction back-off: the evicted session stays away and the rival keeps its socket.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofMillis(2000)).until(() -> session.state() == SessionState.EVICTED
                && rival.state() == SessionState.LOGGED_IN && faults.openConnections() == 1);
        assertThat(loggedIn()).hasSize(1);
        assertThat(loggedIn().get(0).connectionId()).isNotEqualTo(first);
        assertThat(counter("kiwoom.ws.connects")).isEqualTo(1);
    }

    @Test
    void registersExactlyTheTwoHundredItemCapAndRefusesTheNextItem() {
        session().register(List.of("0B", "0D"), items(1, 150));
        session.register(List.of("0H"), items(1000, 50));
        session.register(List.of("00", "04"), List.of(""));
        assertThatThrownBy(() -> session.register(List.of("0B"), items(2000, 1)))
                .isInstanceOf(RegistrationLimitException.class).hasMessageContaining("200 items per connection");
        session.start();
        awaitLoggedIn();

        // a drop under load is followed by a new LOGIN that registers everything again: wait on the live connection
        await().atMost(WAIT).until(() -> loggedIn().size() == 1 && pairs(loggedIn().get(0)).size() == 352);
        Set<String> itemsOnServer = pairs(loggedIn().get(0)).stream().map(p -> p.substring(p.indexOf(':') + 1))
                .filter(item -> !item.isEmpty()).collect(Collectors.toSet());
        assertThat(itemsOnServer).hasSize(200);
        assertThat(meters.find("kiwoom.ws.reg.errors").counters()).isEmpty();
    }

    @Test
    void neverHoldsMoreThanOneSocketWhileTheSandboxKeepsDroppingIt() {
        session().start();
        for (int drop = 1; drop <= 5; drop++) {
            awaitLoggedIn();
            String current = loggedIn().get(0).connectionId();
            faults.dropAll();
            await().atMost(WAIT).until(() -> loggedIn().stream().noneMatch(s -> s.connectionId().equals(current)));
        }
        awaitLoggedIn();

        assertThat(counter("kiwoom.ws.connects")).isEqualTo(6);
        assertThat(counter("kiwoom.ws.reconnects")).isEqualTo(5);
        assertThat(faults.openConnections()).isEqualTo(1);
        assertThat(maxOpen.get()).isEqualTo(1);
    }
}
