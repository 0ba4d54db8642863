package com.kiwoomhub.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.kiwoomhub.KiwoomHubApplication;

/**
 * A hub instance in its own JVM, so that it can be killed with SIGKILL; its log tells what it owns. Public for
 * bench/ (ClusterTakeoverBench).
 */
public final class ForkedInstance implements AutoCloseable {

    private static final Pattern GAIN = Pattern.compile("(?m)^(\\S+) .*Cluster: instance '[^']+' owns account '[^']+'");
    private static final Pattern OWNERSHIP = Pattern.compile("Cluster: instance '[^']+' (owns|no longer owns) account '([^']+)'");

    private final Process process;
    private final Path log;

    private ForkedInstance(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ForkedInstance start(List<String> arguments, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), KiwoomHubApplication.class.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ForkedInstance hub = new ForkedInstance(process, log);
        // A fresh JVM's start has taken 22-45 s at load on 2 cores; a hub that dies on start ends the wait at once.
        await().atMost(Duration.ofSeconds(180)).until(() -> hub.output().contains("kiwoom-hub started") || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("The forked hub died on start:\n" + hub.output());
        }
        return hub;
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The accounts the instance owns, as its log last said. */
    public List<String> owned() throws IOException {
        List<String> owned = new ArrayList<>();
        Matcher m = OWNERSHIP.matcher(output());
        while (m.find()) {
            if (m.group(1).equals("owns")) {
                owned.add(m.group(2));
            } else {
                owned.remove(m.group(2));
            }
        }
        return owned;
    }

    /**
     * When the log first says that the instance owns an account, at or after {@code after}; null if it has not.
     * Read from the line's timestamp, the time the instance itself noted.
     */
    public Instant firstGainAfter(Instant after) throws IOException {
        Matcher m = GAIN.matcher(output());
        while (m.find()) {
            Instant at = OffsetDateTime.parse(m.group(1)).toInstant();
            if (!at.isBefore(after)) {
                return at;
            }
        }
        return null;
    }

    /** SIGSTOP: frozen as in a long GC pause, its sockets left open. */
    void pause() throws Exception {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    void resume() throws Exception {
        signal("CONT");
    }

    private void signal(String name) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " exited with " + exit);
        }
    }

    /** SIGKILL: no shutdown hook, the group only learns of it when the session times out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
