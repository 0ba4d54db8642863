package com.kiwoomhub.orders;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;

/** One hub process ({@link CrashingHub}) against the test's Kafka broker and sandbox, killed with SIGKILL. */
final class ForkedHub implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ForkedHub(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ForkedHub start(String kafka, Sandbox sandbox, String crashAt, Path logDir, int number) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path")));
        if (crashAt != null) {
            command.add("-Dhub.crash-at=" + crashAt);
        }
        command.addAll(List.of(CrashingHub.class.getName(),
                "--kiwoom.sandbox.active=true",
                "--kiwoom.client.rate-limit.sandbox=50",
                "--kiwoom.orders.instance-id=crash-hub",
                "--kiwoom.orders.recovery-after=2s",
                "--kiwoom.orders.recovery-interval-ms=500",
                "--kiwoom.orders.session-timeout-ms=6000",
                "--kiwoom.quotes.interval-ms=600000",
                "--kiwoom.candles.interval-ms=600000",
                // no candle backfill (thousands of bars) competing with the order flow at every start
                "--kiwoom.candles.jobs=",
                "--kiwoom.account.interval-ms=600000",
                "--logging.level.org.apache.camel=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command);
        SandboxSettings.Credential credential = sandbox.settings().credentials().get(0);
        builder.environment().putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "KIWOOM_APP_KEY", credential.appKey(),
                "KIWOOM_SECRET_KEY", credential.secretKey(),
                "KIWOOM_ACCOUNT_NUMBER", credential.accountNumber(),
                "KIWOOM_BASE_URL", sandbox.baseUrl(),
                "KIWOOM_WS_URL", sandbox.wsUrl(),
                "HUB_HTTP_PORT", "0",
                "HUB_ROUTES_RELOAD", "false"));
        Path log = logDir.resolve("hub-" + number + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ForkedHub hub = new ForkedHub(builder.start(), log);
        // A fresh JVM's start took 22-45 s at load 20 on 2 cores and has passed 90 s at peaks; a hub that
        // dies on start still ends the wait at once.
        await().atMost(Duration.ofSeconds(180)).until(() -> hub.output().contains("kiwoom-hub started") || !hub.process.isAlive());
        if (!hub.process.isAlive()) {
            throw new IllegalStateException("The forked hub died on start:\n" + hub.output());
        }
        return hub;
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no offset commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
