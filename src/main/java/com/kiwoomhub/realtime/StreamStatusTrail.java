package com.kiwoomhub.realtime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.StreamStatus;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.topics.TopicNames;

/**
 * The {@code since} of a STARTUP gap: the last frame time the previous run recorded, read back from
 * {@code topics.stream-status} itself (no state of its own). The account's last record there gives it:
 * a GAP_START's {@code since} (that run ended inside a gap), or a GAP_END's {@code until} (frames flowed
 * from then on, so the real last frame was at or after it: the gap is reported wider, never narrower).
 * Unknown (null) on a first start or when the topic cannot be read within {@code read-back-timeout}.
 *
 * <p>With several instances (hub.cluster) a session starts only when its instance gains the account, so its
 * STARTUP pair is marked {@code takeover}.
 */
@Component("streamStatusTrail")
public class StreamStatusTrail {

    private static final Logger LOG = LoggerFactory.getLogger(StreamStatusTrail.class);

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;
    private final boolean cluster;
    /** Looked up once per STARTUP gap, so that both its records carry the same value; a later takeover reads again. */
    private final Map<String, Previous> previousRun = new ConcurrentHashMap<>();

    public StreamStatusTrail(@Value("${kafka.bootstrap-servers}") String bootstrapServers,
                             TopicNames topics,
                             @Value("${kiwoom.realtime.stream-status-read-back-timeout}") Duration timeout,
                             ObjectProvider<AccountOwnership> ownership) {
        this.cluster = ownership.getIfAvailable(() -> AccountOwnership.ALL) != AccountOwnership.ALL;
        this.bootstrapServers = bootstrapServers;
        this.topic = topics.streamStatus();
        this.timeout = timeout;
    }

    /**
     * Route step: a STARTUP transition without {@code since} gets the previous run's last frame time, and is
     * marked as a takeover with several instances.
     */
    public void completeStartup(Exchange exchange) throws InvalidPayloadException {
        StreamStatus transition = exchange.getMessage().getMandatoryBody(StreamStatus.class);
        if (transition.reason() == StreamStatus.Reason.STARTUP && cluster) {
            transition = transition.asTakeover();
            exchange.getMessage().setBody(transition);
        }
        if (transition.reason() == StreamStatus.Reason.STARTUP && transition.since() == null) {
            OffsetDateTime since = previousRun.computeIfAbsent(transition.account(),
                    a -> new Previous(lastFrameOfPreviousRun(a))).lastFrame();
            if (transition.event() == StreamStatus.Event.GAP_END) {
                previousRun.remove(transition.account());
            }
            exchange.getMessage().setBody(since == null ? transition : transition.withSince(since));
        }
    }

    /** The account's last frame time as the records on the topic tell it, or null. */
    public OffsetDateTime lastFrameOfPreviousRun(String account) {
        JsonNode last = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return null;
            }
            List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> end = consumer.endOffsets(all, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (all.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not read to its end within " + timeout);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (account.equals(r.key()) && r.value() != null) {
                        last = CanonicalJson.mapper().readTree(r.value());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warn("Stream status: the previous run's last frame time of '{}' is not known: {}", account, e.toString());
            return null;
        }
        if (last == null) {
            return null;
        }
        String field = last.path("event").asText().equals("GAP_END") ? "until" : "since";
        return last.hasNonNull(field) ? OffsetDateTime.parse(last.get(field).asText()) : null;
    }

    private record Previous(OffsetDateTime lastFrame) {
    }
}
