package com.kiwoomhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.cluster.ClusterHubArguments;
import com.kiwoomhub.cluster.ForkedInstance;
import com.kiwoomhub.realtime.KiwoomSessions;
import com.kiwoomhub.realtime.SessionState;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.ws.SandboxWebSocket;
import com.kiwoomhub.sandbox.ws.SessionInfo;
import com.kiwoomhub.sandbox.ws.WebSocketSettings;

/**
 * How long an account is without a working owner when its owner goes away, with
 * {@code hub.cluster.service: kafka}: instance b (this JVM) and a second instance share two accounts, one
 * owner each. Rounds alternate a crash (the second instance in its own JVM, SIGKILLed) and a clean stop
 * (the second instance in this JVM, its context closed); each measures from the kill or the start of the
 * close until b owns both accounts and both its sessions are logged in. The crash is printed against the
 * clean stop measured in the same run and against the session timeout, its floor. Run from the project
 * folder: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=ClusterTakeoverBench [-Drounds=10 -DsessionTimeoutSeconds=6]}.
 */
public final class ClusterTakeoverBench {

    private static final List<String> ACCOUNTS = List.of("alpha", "beta");

    private static EmbeddedKafkaKraftBroker broker;
    private static Sandbox sandbox;
    private static SandboxWebSocket sandboxWs;

    public static void main(String[] args) throws Exception {
        org.apache.kafka.common.utils.Exit.setShutdownHookAdder((name, runnable) -> { });
        int rounds = Integer.getInteger("rounds", 10);
        int sessionTimeout = Integer.getInteger("sessionTimeoutSeconds", 6);
        brokerAndSandbox();
        List<Long> crashes = new ArrayList<>();
        List<Long> cleanStops = new ArrayList<>();
        try (ConfigurableApplicationContext b = inThisJvm("b", sessionTimeout)) {
            BenchSupport.waitFor(() -> loggedIn(b) == ACCOUNTS.size(), 60);
            for (int round = 1; round <= rounds; round++) {
                boolean crash = round % 2 == 1;
                long nanos = crash ? crash(b, round, sessionTimeout) : cleanStop(b, round, sessionTimeout);
                (crash ? crashes : cleanStops).add(nanos);
                System.out.printf("round %2d  %-10s  %,8.0f ms%n", round, crash ? "SIGKILL" : "clean stop", nanos / 1e6);
            }
        } finally {
            sandbox.close();
            broker.destroy();
        }
        print(crashes, cleanStops, sessionTimeout);
        System.exit(0);
    }

    /** The second instance in its own JVM takes one account, is SIGKILLed; b takes the account over. */
    private static long crash(ConfigurableApplicationContext b, int round, int sessionTimeout) throws Exception {
        Path log = Files.createTempFile("hub-takeover-" + round, ".log");
        try (ForkedInstance other = ForkedInstance.start(arguments("fork-" + round, sessionTimeout), log)) {
            BenchSupport.waitFor(() -> ownsOne(other) && loggedIn(b) == 1 && oneSessionPerKey(), 60);
            long killed = System.nanoTime();
            other.kill();
            BenchSupport.waitFor(() -> loggedIn(b) == ACCOUNTS.size(), 60);
            long took = System.nanoTime() - killed;
            Files.deleteIfExists(log);
            return took;
        }
    }

    /** The second instance in this JVM takes one account and is closed; b is handed the account. */
    private static long cleanStop(ConfigurableApplicationContext b, int round, int sessionTimeout) throws Exception {
        ConfigurableApplicationContext other = inThisJvm("jvm-" + round, sessionTimeout);
        BenchSupport.waitFor(() -> loggedIn(other) == 1 && loggedIn(b) == 1 && oneSessionPerKey(), 60);
        long closing = System.nanoTime();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(other::close);
        BenchSupport.waitFor(() -> loggedIn(b) == ACCOUNTS.size(), 60);
        long took = System.nanoTime() - closing;
        closed.get(60, TimeUnit.SECONDS);
        return took;
    }

    private static void print(List<Long> crashes, List<Long> cleanStops, int sessionTimeout) {
        long[] crash = sorted(crashes);
        long[] clean = sorted(cleanStops);
        double crashP50 = BenchSupport.percentileMillis(crash, 0.5);
        double cleanP50 = BenchSupport.percentileMillis(clean, 0.5);
        double floor = sessionTimeout * 1000.0;
        System.out.printf("%nTakeover until the other instance owns the account and is logged in (hub.cluster.session-timeout %d s, "
                + "heartbeat 1 s; 2 cores, shared machine)%n", sessionTimeout);
        System.out.println("owner goes away  rounds     p50 ms     max ms  p50 / session timeout  p50 / clean stop");
        System.out.printf("SIGKILL          %6d  %9.0f  %9.0f  %21.2f  %16.1f%n", crash.length, crashP50,
                BenchSupport.percentileMillis(crash, 1), crashP50 / floor, crashP50 / cleanP50);
        System.out.printf("clean stop       %6d  %9.0f  %9.0f  %21.2f  %16.1f%n", clean.length, cleanP50,
                BenchSupport.percentileMillis(clean, 1), cleanP50 / floor, 1.0);
        System.out.printf("SIGKILL p50 beyond the session timeout: %.0f ms%n", crashP50 - floor);
    }

    private static long[] sorted(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static void brokerAndSandbox() {
        broker = ClusterHubArguments.broker(Map.of());
        sandbox = Sandbox.start(ClusterHubArguments.sandboxFor(ACCOUNTS));
        sandboxWs = new SandboxWebSocket(sandbox.vertx(), sandbox, WebSocketSettings.defaults());
        sandbox.realtime(sandboxWs);
    }

    private static boolean ownsOne(ForkedInstance instance) {
        try {
            return instance.owned().size() == 1;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many accounts have their session logged in on that instance. */
    private static int loggedIn(ConfigurableApplicationContext hub) {
        KiwoomSessions sessions = hub.getBean(KiwoomSessions.class);
        return (int) ACCOUNTS.stream().filter(alias -> sessions.find(alias).orElseThrow().state() == SessionState.LOGGED_IN)
                .count();
    }

    private static boolean oneSessionPerKey() {
        List<String> keys = sandboxWs.sessions().stream().map(SessionInfo::appKey).toList();
        return keys.size() == 2 && keys.containsAll(List.of("key-alpha", "key-beta"));
    }

    private static ConfigurableApplicationContext inThisJvm(String instance, int sessionTimeout) {
        return new SpringApplicationBuilder(KiwoomHubApplication.class)
                .run(arguments(instance, sessionTimeout).toArray(String[]::new));
    }

    private static List<String> arguments(String instance, int sessionTimeout) {
        return ClusterHubArguments.of(broker.getBrokersAsString(), sandbox, ACCOUNTS, instance)
                .set("kiwoom.watchlist", "005930,000660")
                .set("kiwoom.quotes.interval-ms", "1000")
                .set("kiwoom.candles.interval-ms", "600000")
                .set("kiwoom.account.interval-ms", "600000")
                .set("kiwoom.orders.enabled", "false")
                .set("hub.cluster.session-timeout", sessionTimeout + "s")
                .set("logging.level.root", "WARN")
                .set("logging.level.com.kiwoomhub", "INFO")
                .list();
    }
}
