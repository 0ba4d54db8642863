package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomClientProperties;
import com.kiwoomhub.kiwoom.KiwoomEnvironment;
import com.kiwoomhub.kiwoom.KiwoomHttp;
import com.kiwoomhub.kiwoom.TokenManager;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The registration pump of a real {@link KiwoomSession} against the sandbox's WebSocket, which
 * refuses a sixth REG within a second with 105110: a refused REG followed by a REMOVE (or a REMOVE
 * and a new REG) of the same item ends as the hub last asked, and pacing at the server's own rate
 * is never refused because each REG waits for the previous ack.
 */
class RegistrationPumpAgainstSandboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Sandbox sandbox;
    private SandboxWebSocket webSocket;
    private TokenManager tokens;
    private KiwoomAccount account;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private KiwoomSession session;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "rate-limit", "0")));
        webSocket = (SandboxWebSocket) sandbox.realtimeFaults();
        account = new KiwoomAccount("default", SandboxSettings.DEMO.appKey(), SandboxSettings.DEMO.secretKey(),
                SandboxSettings.DEMO.accountNumber(), KiwoomEnvironment.SANDBOX, sandbox.baseUrl(), sandbox.wsUrl());
        tokens = new TokenManager(new KiwoomHttp(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new KiwoomClientProperties.Token(Duration.ofMinutes(10), Duration.ofSeconds(60), false),
                Clock.systemUTC(), meters);
    }

    @AfterEach
    void stopAll() {
        if (session != null) {
            session.stop();
        }
        sandbox.close();
    }

    /** A logged-in session pacing at {@code regPerSecond} (the sandbox allows 5 REGs a second). */
    private void loggedInSession(double regPerSecond) {
        RealtimeProperties settings = new RealtimeProperties(true, Duration.ofSeconds(2),
                new RealtimeProperties.Reconnect(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0),
                Duration.ofSeconds(60), Duration.ofSeconds(3), regPerSecond, 100, 200, 10_000, Duration.ofSeconds(60), true);
        session = new KiwoomSession(account, tokens, settings, meters);
        session.start();
        await().atMost(WAIT).until(() -> session.state() == SessionState.LOGGED_IN && loggedIn().size() == 1);
    }

    private List<SessionInfo> loggedIn() {
        return webSocket.sessions().stream().filter(s -> s.appKey() != null).toList();
    }

    /** type:item pairs the sandbox holds for the session. */
    private Set<String> onServer() {
        return loggedIn().stream().flatMap(s -> s.groups().values().stream()).flatMap(Set::stream)
                .collect(Collectors.toSet());
    }

    private double refusals(String code) {
        return meters.find("kiwoom.ws.reg.errors").tag("code", code).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** Six single-item REGs as fast as the pump lets them go: the sixth is within the sandbox's second. */
    private void sixRegs() {
        for (int item = 1; item <= 6; item++) {
            session.register(List.of("0B"), List.of(String.format("%06d", item)));
        }
    }

    @Test
    void aRemoveQueuedBehindARegRefusedForThePaceLeavesTheItemUnregistered() {
        loggedInSession(1000);
        sixRegs();
        session.unregister(List.of("0B"), List.of("000006"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(refusals("105110")).as("the sixth REG within a second is refused").isEqualTo(1);
            assertThat(webSocket.framesReceived()).filteredOn(f -> f.contains("\"REG\"") && f.contains("000006"))
                    .as("the refused REG is sent again").hasSize(2);
            assertThat(onServer()).containsExactlyInAnyOrder("0B:000001", "0B:000002", "0B:000003", "0B:000004",
                    "0B:000005");
        });
        assertThat(lastFrameFor("000006")).contains("\"REMOVE\"");
        assertThat(session.registeredItems()).isEqualTo(5);
    }

    @Test
    void aRegRefusedForThePaceThenRemovedAndRegisteredAgainEndsRegistered() {
        loggedInSession(1000);
        sixRegs();
        session.unregister(List.of("0B"), List.of("000006"));
        session.register(List.of("0B"), List.of("000006"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(refusals("105110")).isGreaterThanOrEqualTo(1);
            assertThat(lastFrameFor("000006")).contains("\"REG\"");
            assertThat(onServer()).containsExactlyInAnyOrder("0B:000001", "0B:000002", "0B:000003", "0B:000004",
                    "0B:000005", "0B:000006");
        });
    }

    @Test
    void pacingAtTheServersOwnRateIsNeverRefusedBecauseEachRegWaitsForThePreviousAck() {
        loggedInSession(5);
        for (int item = 1; item <= 12; item++) {
            session.register(List.of("0B"), List.of(String.format("%06d", item)));
        }

        await().atMost(WAIT).until(() -> onServer().size() == 12);
        assertThat(refusals("105110")).isZero();
        assertThat(webSocket.framesReceived()).filteredOn(f -> f.contains("\"REG\"")).hasSize(12);
    }

    private String lastFrameFor(String item) {
        List<String> frames = webSocket.framesReceived().stream().filter(f -> f.contains(item)).toList();
        return frames.isEmpty() ? "" : frames.get(frames.size() - 1);
    }
}
