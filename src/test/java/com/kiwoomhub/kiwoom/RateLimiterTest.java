package com.kiwoomhub.kiwoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void neverLetsMoreThanTheLimitReachKiwoomInAnySecond() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        // Arrivals are timed at the server, so the margin must cover this shared machine's scheduling
        // jitter between a granted slot and the request reaching the socket (50 ms did not under load).
        KiwoomClientProperties defaults = ClientFixture.properties(Duration.ofSeconds(5), 3, Map.of(), 0);
        KiwoomClientProperties wideMargin = new KiwoomClientProperties(defaults.connectTimeout(), defaults.requestTimeout(),
                defaults.retry(), new KiwoomClientProperties.RateLimit(5, 1, 5, 0, Duration.ofMillis(300), Map.of()),
                defaults.token());
        try (KiwoomStub stub = new KiwoomStub(); ClientFixture hub = new ClientFixture(stub, wideMargin)) {
            List<CompletableFuture<TrResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(CompletableFuture.supplyAsync(() ->
                        hub.client.call("default", "ka10001", Map.of("stk_cd", "005930"), CallOptions.DEFAULT), pool));
            }
            // Another TR has its own budget and is not held up by ka10001.
            hub.client.call("default", "ka10004", Map.of("stk_cd", "005930"), CallOptions.DEFAULT);
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            List<Long> arrivals = stub.trRequests().stream().filter(s -> "ka10001".equals(s.apiId()))
                    .map(KiwoomStub.Seen::atNanos).sorted().toList();
            assertThat(arrivals).hasSize(12);
            assertThat(maxInAnySecond(arrivals)).isLessThanOrEqualTo(5);
            assertThat(stub.trRequests().stream().filter(s -> "ka10004".equals(s.apiId())).findFirst().orElseThrow()
                    .atNanos()).isLessThan(arrivals.get(6));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ordersGoBeforeQueuedPollsOfTheSameTr() throws Exception {
        KiwoomClientProperties.RateLimit oneASecond = new KiwoomClientProperties.RateLimit(1, 1, 1, 0,
                Duration.ofMillis(10), Map.of());
        assertOrdersJumpTheQueue(oneASecond, "kt00018", "kt00018");
    }

    @Test
    void ordersGoBeforeQueuedPollsWhenTheAppKeyIsCappedAsAWhole() throws Exception {
        KiwoomClientProperties.RateLimit wholeKey = new KiwoomClientProperties.RateLimit(5, 5, 5, 1,
                Duration.ofMillis(10), Map.of());
        assertOrdersJumpTheQueue(wholeKey, "ka10095", "kt10000");
    }

    private void assertOrdersJumpTheQueue(KiwoomClientProperties.RateLimit settings, String pollTr, String orderTr)
            throws Exception {
        RateLimiter limiter = new RateLimiter(settings, new SimpleMeterRegistry());
        KiwoomAccount account = new KiwoomAccount("default", "k", "s", null, KiwoomEnvironment.REAL, "http://x", "ws://x");
        List<String> served = new CopyOnWriteArrayList<>();
        limiter.acquire(account, pollTr, RateLimiter.Priority.QUERY);
        served.add("poll-0");

        List<Thread> polls = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String name = "poll-" + i;
            polls.add(started(() -> acquire(limiter, account, pollTr, RateLimiter.Priority.QUERY, name, served)));
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> polls.stream().allMatch(RateLimiterTest::parked));
        Thread order = started(() -> acquire(limiter, account, orderTr, RateLimiter.Priority.ORDER, "order", served));

        await().atMost(Duration.ofSeconds(3)).until(() -> served.size() >= 2);
        assertThat(served).startsWith("poll-0", "order");
        order.join();
        polls.forEach(Thread::interrupt);
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static boolean parked(Thread t) {
        return t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING;
    }

    private static void acquire(RateLimiter limiter, KiwoomAccount account, String apiId, RateLimiter.Priority p,
                                String name, List<String> served) {
        try {
            limiter.acquire(account, apiId, p);
            served.add(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int maxInAnySecond(List<Long> sorted) {
        int max = 0;
        for (int i = 0; i < sorted.size(); i++) {
            int n = 0;
            for (int j = i; j < sorted.size() && sorted.get(j) - sorted.get(i) < SECOND; j++) {
                n++;
            }
            max = Math.max(max, n);
        }
        return max;
    }
}
