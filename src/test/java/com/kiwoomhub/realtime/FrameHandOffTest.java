package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FrameHandOffTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicBoolean loggedIn = new AtomicBoolean(true);
    private final FrameHandOff handOff = new FrameHandOff("acc", 3,
            new SessionMeters(registry, "acc", loggedIn::get), null, loggedIn::get);
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        handOff.stop();
    }

    @Test
    void aFullQueueDropsFramesAndCountsThemWhileTheListenerKeepsOrder() throws Exception {
        CountDownLatch firstTaken = new CountDownLatch(1);
        handOff.addListener(frame -> {
            seen.add(frame.json());
            firstTaken.countDown();
            waitFor(release);
        });
        handOff.start();
        handOff.offer(frame("f1"));
        assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue(); // f1 is with the listener, the queue is empty

        for (int i = 2; i <= 7; i++) {
            handOff.offer(frame("f" + i));
        }
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 4);
        assertThat(seen).containsExactly("f1", "f2", "f3", "f4");
        assertThat(registry.get("kiwoom.ws.frames.dropped").counter().count()).isEqualTo(3.0);
    }

    @Test
    void aLoginAckThatFindsTheQueueFullIsHandedOffOnceThereIsRoom() {
        List<String> logins = new CopyOnWriteArrayList<>();
        handOff.addListener(new SessionListener() {
            @Override
            public void onFrame(Frame frame) {
                seen.add(frame.json());
            }

            @Override
            public void onLoggedIn(KiwoomSession session) {
                logins.add("login");
            }
        });
        for (int i = 1; i <= 3; i++) {
            handOff.offer(frame("f" + i));
        }
        handOff.offerLogin(frame("LOGIN"));
        handOff.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 4);
        assertThat(seen).containsExactly("f1", "LOGIN", "f2", "f3");
        assertThat(logins).containsExactly("login");
        assertThat(registry.get("kiwoom.ws.frames.dropped").counter().count()).isEqualTo(0.0);
    }

    @Test
    void aLoginAckOfALoginAlreadyLostIsNotHandedOff() {
        handOff.addListener(frame -> seen.add(frame.json()));
        handOff.offerLogin(frame("LOGIN"));
        handOff.offer(frame("f1"));
        loggedIn.set(false);
        handOff.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
        assertThat(seen).containsExactly("f1");
    }

    private static Frame frame(String json) {
        return new Frame("REAL", json, Instant.now(), System.nanoTime(), null);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
