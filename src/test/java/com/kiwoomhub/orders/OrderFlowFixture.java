package com.kiwoomhub.orders;

import static com.kiwoomhub.support.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kiwoomhub.canonical.CanonicalSchemas;
import com.kiwoomhub.canonical.MessageType;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.support.TopicReader;

/** Sends order requests and reads what the hub made of them: events, dead letters and the sandbox's requests. */
final class OrderFlowFixture implements AutoCloseable {

    static final String REQUESTS = "kiwoom.order-requests";
    static final String EVENTS = "kiwoom.order-events";
    static final String DEAD_LETTERS = "kiwoom.dead-letters";
    static final List<String> ORDER_TRS = List.of("kt10000", "kt10001", "kt10002", "kt10003");

    private final KafkaProducer<byte[], byte[]> producer;
    final TopicReader eventTopic;
    private final TopicReader deadLetterTopic;
    final Sandbox sandbox;
    private final ObjectMapper json = new ObjectMapper();

    private final String bootstrapServers;

    OrderFlowFixture(String bootstrapServers, Sandbox sandbox) {
        this.sandbox = sandbox;
        this.bootstrapServers = bootstrapServers;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        eventTopic = new TopicReader(bootstrapServers, EVENTS);
        deadLetterTopic = new TopicReader(bootstrapServers, DEAD_LETTERS);
    }

    RecordMetadata send(String key, String value) {
        return send(key, value, null);
    }

    /** Sends to this partition of the request topic. */
    RecordMetadata sendTo(int partition, String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(REQUESTS, partition, utf8(key), utf8(value))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends with this record timestamp (epoch ms; null = now). */
    RecordMetadata send(String key, String value, Long timestamp) {
        return send(utf8(key), utf8(value), timestamp);
    }

    /** Sends these bytes as they are. */
    RecordMetadata send(byte[] key, byte[] value, Long timestamp) {
        try {
            return producer.send(new ProducerRecord<>(REQUESTS, null, timestamp, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of a key, each checked against order-event.v1.json. */
    List<JsonNode> events(String key) {
        return eventTopic.withKey(key).stream().map(r -> {
            JsonNode node = read(r.value());
            assertThat(CanonicalSchemas.validate(MessageType.ORDER_EVENT, node)).as(r.value()).isEmpty();
            assertThat(header(r, "ce_type")).isEqualTo("kiwoom.order-event.v1");
            return node;
        }).toList();
    }

    List<JsonNode> awaitEvents(String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTopic.withKey(key).size() >= count);
        return events(key);
    }

    /** Waits until an event of this type is there and returns all events of the key. */
    List<JsonNode> awaitEvent(String key, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events(key).stream().anyMatch(e -> e.path("type").asText().equals(type)));
        return events(key);
    }

    JsonNode last(String key, String type) {
        List<JsonNode> all = events(key).stream().filter(e -> e.path("type").asText().equals(type)).toList();
        return all.get(all.size() - 1);
    }

    ConsumerRecord<String, String> awaitDeadLetter(RecordMetadata source) {
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(source) != null);
        return deadLetter(source);
    }

    ConsumerRecord<String, String> deadLetter(RecordMetadata source) {
        return deadLetterTopic.records().stream()
                .filter(r -> String.valueOf(source.offset()).equals(header(r, "kiwoomhub_source_offset"))
                        && String.valueOf(source.partition()).equals(header(r, "kiwoomhub_source_partition"))
                        && REQUESTS.equals(header(r, "kiwoomhub_source_topic")))
                .findFirst().orElse(null);
    }

    /** The dead letter of this request with its key and value as the topic holds them, byte for byte. */
    ConsumerRecord<byte[], byte[]> awaitDeadLetterBytes(RecordMetadata source) {
        try (KafkaConsumer<byte[], byte[]> raw = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = raw.partitionsFor(DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(DEAD_LETTERS, p.partition())).toList();
            raw.assign(partitions);
            raw.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                raw.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (String.valueOf(source.offset()).equals(header(r, "kiwoomhub_source_offset"))
                            && String.valueOf(source.partition()).equals(header(r, "kiwoomhub_source_partition"))
                            && REQUESTS.equals(header(r, "kiwoomhub_source_topic"))) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    long orderCalls() {
        return ORDER_TRS.stream().mapToLong(tr -> sandbox.requests().withApiId(tr).size()).sum();
    }

    /** The body of the latest request of this TR that the sandbox received. */
    Map<String, Object> last(String apiId) {
        List<Map<String, Object>> all = calls(apiId);
        return all.get(all.size() - 1);
    }

    List<Map<String, Object>> calls(String apiId) {
        return sandbox.requests().withApiId(apiId).stream().map(r -> r.fields()).toList();
    }

    JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        producer.close();
        eventTopic.close();
        deadLetterTopic.close();
    }
}
