package com.kiwoomhub.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.kiwoomhub.canonical.Candle;
import com.kiwoomhub.canonical.CandleInterval;
import com.kiwoomhub.canonical.Venue;

/** Which bars of a chart answer are new: closed bars after the last one published, also by an earlier run. */
class CandleJobTest {

    private static final OffsetDateTime NINE = OffsetDateTime.parse("2026-12-02T09:00:00+09:00");

    private final CandleJob job = CandleJob.parse("005930:1m");

    @Test
    void barsCountAsPublishedOnlyOnceTheSendIsConfirmed() {
        List<Candle> answer = List.of(bar(2, false), bar(1, true), bar(0, true));
        assertThat(job.unpublished(answer)).containsExactly(bar(0, true), bar(1, true), bar(2, false));
        // the send failed: the next poll offers the same bars
        assertThat(job.unpublished(answer)).containsExactly(bar(0, true), bar(1, true), bar(2, false));
        assertThat(job.published()).isEqualTo(NINE.plusMinutes(1));

        assertThat(job.unpublished(answer)).isEmpty();
        assertThat(job.published()).as("nothing new closed").isNull();
    }

    @Test
    void resumesAfterTheLastClosedBarOfAnEarlierRun() {
        job.resumeAfter(NINE.plusMinutes(1));
        assertThat(job.unpublished(List.of(bar(3, false), bar(2, true), bar(1, true), bar(0, true))))
                .containsExactly(bar(2, true), bar(3, false));
        assertThat(job.published()).isEqualTo(NINE.plusMinutes(2));
    }

    private static Candle bar(int minute, boolean closed) {
        long open = 70_000 + minute * 100L;
        return new Candle("005930", Venue.KRX, CandleInterval.ofCode("1m"), NINE.plusMinutes(minute), open, open + 50,
                open - 50, open + 20, 1_000 + minute, null, true, closed, "ka10080");
    }
}
