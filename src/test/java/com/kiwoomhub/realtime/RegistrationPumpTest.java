package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RegistrationPumpTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final RegistrationPump pump = new RegistrationPump("acc", 5, new SessionMeters(registry, "acc", () -> true));
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final RegistrationPump.Link socket = text -> {
        sent.add(new Sent(text, System.nanoTime()));
        return CompletableFuture.completedFuture(null);
    };

    record Sent(String text, long nanos) {
    }

    @AfterEach
    void stop() {
        pump.stop();
        timer.shutdownNow();
    }

    @Test
    void sendsAtMostFiveRegsInAnySecondAtFiveRegsPerSecondEachAfterThePreviousAck() {
        pump.start(timer);
        pump.open(socket, regs(1, 8));

        for (int i = 1; i <= 8; i++) {
            int sentSoFar = i;
            await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == sentSoFar);
            assertThat(sent).hasSize(i);
            pump.acknowledged(socket, "REG", "0", "");
        }
        assertThat(sent.stream().map(Sent::text).toList()).isEqualTo(regs(1, 8));
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).nanos() - sent.get(i - 1).nanos()).isGreaterThanOrEqualTo(220_000_000L); // 1/5 s + 10 %
        }
        for (int i = 5; i < sent.size(); i++) {
            assertThat(sent.get(i).nanos() - sent.get(i - 5).nanos()).isGreaterThan(1_000_000_000L);
        }
    }

    @Test
    void aRegRefusedForTheRateIsSentAgainASecondLaterBeforeWhatIsQueuedAfterIt() {
        pump.start(timer);
        pump.open(socket, regs(1, 2));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);

        pump.acknowledged(socket, "REG", "105110", "rate");
        pump.queue(regs(3, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        pump.acknowledged(socket, "REG", "0", "");
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 3);
        pump.acknowledged(socket, "REG", "0", "");

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 4);
        assertThat(sent.stream().map(Sent::text).toList()).containsExactly(reg(1), reg(1), reg(2), reg(3));
        assertThat(sent.get(1).nanos() - sent.get(0).nanos()).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(registry.get("kiwoom.ws.reg.errors").tag("code", "105110").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aRefusalAnsweredAfterTheAckWaitSendsAgainWhatLeftAfterTheRefusedRegSoTheRemoveStaysLast() {
        pump.start(timer);
        pump.open(socket, List.of(reg(1), remove(1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);

        // no ack within the ack wait: the REMOVE leaves; then the REG's late answer is a pace refusal
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 2);
        pump.acknowledged(socket, "REG", "105110", "rate");
        pump.acknowledged(socket, "REMOVE", "0", "");
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 3);
        pump.acknowledged(socket, "REG", "0", "");

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 4);
        assertThat(sent.stream().map(Sent::text).toList()).containsExactly(reg(1), remove(1), reg(1), remove(1));
        assertThat(sent.get(1).nanos() - sent.get(0).nanos()).isGreaterThanOrEqualTo(5_000_000_000L);
    }

    @Test
    void nothingQueuedWhileNoSocketIsLoggedInAndNothingSentAfterTheSocketIsLost() {
        pump.start(timer);
        pump.queue(regs(1, 1));
        pump.open(socket, regs(2, 3));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        pump.close(socket);
        pump.queue(regs(5, 1));
        pump.acknowledged(socket, "REG", "105110", "rate"); // a late ack of the lost socket is not resent

        await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(sent.stream().map(Sent::text).toList()).containsExactly(reg(2));
    }

    private static String remove(int i) {
        return reg(i).replace("\"REG\"", "\"REMOVE\"");
    }

    private static List<String> regs(int from, int n) {
        return IntStream.range(from, from + n).mapToObj(RegistrationPumpTest::reg).toList();
    }

    private static String reg(int i) {
        return "{\"trnm\":\"REG\",\"grp_no\":\"1\",\"data\":[{\"item\":[\"" + i + "\"],\"type\":[\"0B\"]}]}";
    }
}
