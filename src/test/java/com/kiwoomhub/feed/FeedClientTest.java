package com.kiwoomhub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A feed client that reads slowly only fills its own bounded buffer, dropping the oldest records. */
class FeedClientTest {

    private final List<String> written = new ArrayList<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();

    @Test
    void slowClientKeepsTheNewestRecordsAndCountsTheDroppedOnes() {
        FeedClient client = new FeedClient("c1", 10, this::stuck, dropped::incrementAndGet);
        for (int i = 1; i <= 100; i++) {
            client.offer("r" + i); // returns at once although the socket never takes anything
        }
        assertThat(written).containsExactly("r1");
        assertThat(client.buffered()).isEqualTo(10);
        assertThat(dropped.get()).isEqualTo(89);

        pending.get(0).complete(null); // the socket took r1: the buffer drains, newest ten in order
        while (pending.size() < 11) {
            pending.get(pending.size() - 1).complete(null);
        }
        pending.get(pending.size() - 1).complete(null);
        assertThat(written).containsExactly("r1", "r91", "r92", "r93", "r94", "r95", "r96", "r97", "r98", "r99", "r100");
        assertThat(client.buffered()).isZero();
    }

    @Test
    void fastClientGetsEverythingInOrder() {
        FeedClient client = new FeedClient("c2", 10, (key, text) -> {
            written.add(text);
            return CompletableFuture.completedFuture(null);
        }, dropped::incrementAndGet);
        for (int i = 1; i <= 1000; i++) {
            client.offer("r" + i);
        }
        assertThat(written).hasSize(1000).startsWith("r1", "r2").endsWith("r1000");
        assertThat(dropped.get()).isZero();
    }

    @Test
    void closedClientTakesNothing() {
        FeedClient client = new FeedClient("c3", 10, this::stuck, dropped::incrementAndGet);
        client.offer("r1");
        client.offer("r2");
        client.close();
        client.offer("r3");
        assertThat(client.buffered()).isZero();
        assertThat(written).containsExactly("r1");
    }

    private CompletableFuture<Void> stuck(String key, String text) {
        written.add(text);
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(done);
        return done;
    }
}
