package com.kiwoomhub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A feed client that reads slowly only fills its own bounded buffer, dropping the oldest records; one
 * whose write fails, or that takes nothing for too long with a full buffer, is reported once and takes
 * nothing more.
 */
class FeedClientTest {

    private final List<String> written = new ArrayList<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Throwable> failures = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();

    @Test
    void slowClientKeepsTheNewestRecordsAndCountsTheDroppedOnes() {
        FeedClient client = client(10, stuck());
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
        assertThat(failures).isEmpty();
    }

    @Test
    void fastClientGetsEverythingInOrder() {
        FeedClient client = client(10, text -> {
            written.add(text);
            return CompletableFuture.completedFuture(null);
        });
        for (int i = 1; i <= 1000; i++) {
            client.offer("r" + i);
        }
        assertThat(written).hasSize(1000).startsWith("r1", "r2").endsWith("r1000");
        assertThat(dropped.get()).isZero();
    }

    @Test
    void closedClientTakesNothing() {
        FeedClient client = client(10, stuck());
        client.offer("r1");
        client.offer("r2");
        client.close();
        client.offer("r3");
        assertThat(client.buffered()).isZero();
        assertThat(written).containsExactly("r1");
    }

    @Test
    void aFailedWriteFailsTheClientOnceAndItTakesNothingMore() {
        FeedClient client = client(10, stuck());
        client.offer("r1");
        client.offer("r2");
        pending.get(0).completeExceptionally(new IOException("Connection reset"));
        client.offer("r3");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).hasMessage("Connection reset");
        assertThat(client.closed()).isTrue();
        assertThat(written).containsExactly("r1");

        FeedClient refusing = client(10, text -> CompletableFuture.failedFuture(new IOException("closed")));
        for (int i = 0; i < 100; i++) {
            refusing.offer("r" + i);
        }
        assertThat(failures).hasSize(2);
    }

    @Test
    void aClientThatTakesNothingWithAFullBufferForLongerThanTheWaitFails() {
        FeedClient client = client(3, stuck());
        for (int i = 1; i <= 10; i++) {
            client.offer("r" + i);
        }
        assertThat(failures).isEmpty();
        now.addAndGet(TimeUnit.SECONDS.toNanos(5) + 1);
        client.offer("r11");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(FeedClient.SlowClientException.class)
                .hasMessage("no frame taken for over 5000 ms with a full buffer");
        assertThat(client.closed()).isTrue();
    }

    private FeedClient client(int capacity, Writer writer) {
        FeedConnection connection = new FeedConnection() {
            @Override
            public CompletionStage<Void> write(String text) {
                return writer.write(text);
            }

            @Override
            public void close(short code, String reason) {
            }
        };
        return new FeedClient("c", connection, capacity, TimeUnit.SECONDS.toNanos(5), now::get, dropped::incrementAndGet,
                (c, e) -> failures.add(e));
    }

    private Writer stuck() {
        return text -> {
            written.add(text);
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            return done;
        };
    }

    private interface Writer {
        CompletionStage<Void> write(String text);
    }
}
