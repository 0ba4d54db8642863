package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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

import com.kiwoomhub.canonical.StreamStatus;
import com.kiwoomhub.canonical.StreamStatus.Event;
import com.kiwoomhub.canonical.StreamStatus.Reason;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FrameHandOffTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicBoolean loggedIn = new AtomicBoolean(true);
    private final FrameHandOff handOff = new FrameHandOff("acc", 3,
            new SessionMeters(registry, "acc", loggedIn::get), null, loggedIn::get);
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    {
        handOff.reportGapsTo(new StreamGaps("acc", handOff::offerGap));
    }

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

    @Test
    void droppedFramesOpenOneQueueOverflowGapThatEndsOnceTheQueueIsHalfEmpty() {
        List<StreamStatus> gaps = new CopyOnWriteArrayList<>();
        handOff.addListener(new SessionListener() {
            @Override
            public void onFrame(Frame frame) {
                seen.add(frame.json());
            }

            @Override
            public boolean wantsGaps() {
                return true;
            }

            @Override
            public void onGap(StreamStatus transition) {
                gaps.add(transition);
                seen.add(transition.event().name());
            }
        });
        Frame f3 = frame("f3", 3);
        handOff.offer(frame("f1", 1));
        handOff.offer(frame("f2", 2));
        handOff.offer(f3);
        handOff.offer(frame("f4", 4)); // dropped: the gap opens
        handOff.offer(frame("f5", 5)); // dropped inside the same gap
        handOff.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 4);
        Frame f6 = frame("f6", 6);
        handOff.offer(f6);

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 6);
        assertThat(seen).containsExactly("f1", "GAP_START", "f2", "f3", "GAP_END", "f6");
        assertThat(gaps).extracting(StreamStatus::event, StreamStatus::reason, StreamStatus::account).containsExactly(
                tuple(Event.GAP_START, Reason.QUEUE_OVERFLOW, "acc"),
                tuple(Event.GAP_END, Reason.QUEUE_OVERFLOW, "acc"));
        assertThat(gaps.get(0).since().toInstant()).isEqualTo(f3.receivedAt());
        assertThat(gaps.get(0).until()).isNull();
        assertThat(gaps.get(1).since()).isEqualTo(gaps.get(0).since());
        assertThat(gaps.get(1).until().toInstant()).isEqualTo(f6.receivedAt());
        assertThat(gaps.get(1).time()).isAfterOrEqualTo(gaps.get(1).until());
        assertThat(registry.get("kiwoom.ws.frames.dropped").counter().count()).isEqualTo(2.0);
    }

    @Test
    void gapsBeforeAnyListenerWantsThemAreHandedToTheFirstThatDoes() {
        List<String> gaps = new CopyOnWriteArrayList<>();
        handOff.start();
        StreamGaps session = new StreamGaps("acc", handOff::offerGap);
        session.started();
        session.loggedIn();
        handOff.addListener(frame -> seen.add(frame.json())); // frames only: the gaps stay kept
        handOff.addListener(new SessionListener() {
            @Override
            public void onFrame(Frame frame) {
            }

            @Override
            public boolean wantsGaps() {
                return true;
            }

            @Override
            public void onGap(StreamStatus transition) {
                gaps.add(transition.event() + " " + transition.reason());
            }
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> gaps.size() == 2);
        assertThat(gaps).containsExactly("GAP_START STARTUP", "GAP_END STARTUP");
        assertThat(seen).isEmpty();
    }

    private static Frame frame(String json) {
        return new Frame("REAL", json, Instant.now(), System.nanoTime(), null);
    }

    /** A frame received at a distinct, known instant. */
    private static Frame frame(String json, int second) {
        return new Frame("REAL", json, Instant.parse("2026-12-02T01:00:00Z").plusSeconds(second), System.nanoTime(), null);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
