package com.kiwoomhub.marketdata;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.topics.StateTopic;
import com.kiwoomhub.topics.TopicNames;

/**
 * The newest closed candle published per series (account × symbol × interval), on its compacted
 * state topic, so that a restart publishes only the bars closed since. Written right after the
 * series' candles of a poll are acknowledged by Kafka: a crash between the two republishes at most
 * that poll's closed bars of that series once.
 */
@Component
public class CandleProgress implements AutoCloseable {

    /** One series' progress: the start of the newest closed bar published. */
    public record Mark(String account, String series, OffsetDateTime lastClosedStart) {
    }

    private final StateTopic topic;
    private Map<String, Mark> marks;

    /** On {@code topics.candle-progress}; nothing is read or written before the first call that needs it. */
    @Autowired
    public CandleProgress(@Value("${kafka.bootstrap-servers}") String bootstrapServers,
                          TopicNames topics,
                          @Value("${kafka.embedded.partitions:3}") int partitions) {
        this(new StateTopic(bootstrapServers, topics.candleProgress(), partitions));
    }

    CandleProgress(StateTopic topic) {
        this.topic = topic;
    }

    /** The start of the newest closed bar any run published of the series, read from the topic once. */
    public synchronized Optional<OffsetDateTime> lastClosed(String account, CandleJob job) {
        if (marks == null) {
            Map<String, Mark> read = new HashMap<>();
            topic.readAll().forEach((key, value) -> read.put(key, parse(key, value)));
            marks = read;
        }
        return Optional.ofNullable(marks.get(key(account, job))).map(Mark::lastClosedStart);
    }

    /** Remembers the newest closed bar published of the series; returns once Kafka has it. */
    public synchronized void closedUpTo(String account, CandleJob job, OffsetDateTime start) {
        Mark mark = new Mark(account, job.toString(), start);
        try {
            topic.write(key(account, job), CanonicalJson.mapper().writeValueAsString(mark));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Candle progress not writable: " + e.getOriginalMessage(), e);
        }
        if (marks != null) {
            marks.put(key(account, job), mark);
        }
    }

    private static String key(String account, CandleJob job) {
        return account + "/" + job;
    }

    private Mark parse(String key, String value) {
        try {
            return CanonicalJson.mapper().readValue(value, Mark.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable candle progress on " + topic.name() + " under key " + key + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        topic.close();
    }
}
