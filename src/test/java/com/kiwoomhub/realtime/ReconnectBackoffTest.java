package com.kiwoomhub.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private static final RealtimeProperties.Reconnect SETTINGS =
            new RealtimeProperties.Reconnect(Duration.ofMillis(100), Duration.ofMillis(1000), 2.0);

    @Test
    void delayDoublesPerFailureUpToTheMaximumAtTheLowerJitterBound() {
        ReconnectBackoff backoff = new ReconnectBackoff(SETTINGS, () -> 0.0);

        assertThat(delays(backoff, 6)).containsExactly(50L, 100L, 200L, 400L, 500L, 500L);
    }

    @Test
    void delayReachesTheFullDelayAtTheUpperJitterBound() {
        ReconnectBackoff backoff = new ReconnectBackoff(SETTINGS, () -> 0.999_999);

        assertThat(delays(backoff, 6)).containsExactly(99L, 199L, 399L, 799L, 999L, 999L);
    }

    @Test
    void randomDelaysStayWithinHalfToFullOfTheCurrentStep() {
        for (int run = 0; run < 200; run++) {
            ReconnectBackoff backoff = new ReconnectBackoff(SETTINGS);
            List<Long> delays = delays(backoff, 5);
            long[] full = {100, 200, 400, 800, 1000};
            for (int i = 0; i < full.length; i++) {
                assertThat(delays.get(i)).isBetween(full[i] / 2, full[i]);
            }
        }
    }

    @Test
    void aConnectionLoggedInForTenSecondsStartsTheBackOffOver() {
        ReconnectBackoff backoff = new ReconnectBackoff(SETTINGS, () -> 0.0);
        delays(backoff, 3);
        long now = 50_000_000_000L;

        backoff.connectionEnded(now - ReconnectBackoff.STABLE_NANOS + 1, now); // just short of stable
        assertThat(backoff.nextDelayMillis()).isEqualTo(400L);
        backoff.connectionEnded(0, now); // never logged in
        assertThat(backoff.nextDelayMillis()).isEqualTo(500L);
        backoff.connectionEnded(now - ReconnectBackoff.STABLE_NANOS, now);
        assertThat(backoff.nextDelayMillis()).isEqualTo(50L);
    }

    private static List<Long> delays(ReconnectBackoff backoff, int n) {
        return IntStream.range(0, n).mapToObj(i -> backoff.nextDelayMillis()).toList();
    }
}
