package com.kiwoomhub.realtimeflows;

import static com.kiwoomhub.support.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.kiwoomhub.realtime.Subscriptions;
import com.kiwoomhub.support.TopicReader;

/** SubscriptionRequests on Kafka change what the hub's session registers at the sandbox. */
class SubscriptionRequestsTest extends RealtimeFlowsTest {

    @Autowired
    Subscriptions subscriptions;
    @Value("${topics.subscription-requests}")
    String requests;
    @Value("${topics.dead-letters}")
    String deadLetters;

    @Test
    void subscribeAndUnsubscribeChangeTheRegistrations() throws Exception {
        send(requests, "dashboard", """
                {"action":"SUBSCRIBE","symbols":["900101","900101_NX"],"channels":["trades","orderbooks"]}""");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations())
                .contains("0B:900101", "0D:900101", "0B:900101_NX", "0D:900101_NX"));
        assertThat(sandboxWs.framesReceived()).anyMatch(f -> f.contains("\"REG\"") && f.contains("900101_NX"));

        send(requests, "dashboard", """
                {"action":"UNSUBSCRIBE","symbols":["900101_NX"],"channels":["orderbooks"]}""");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations())
                .doesNotContain("0D:900101_NX").contains("0B:900101_NX", "0D:900101", "0B:900101"));

        send(requests, "dashboard", """
                {"action":"UNSUBSCRIBE","symbols":["900101","900101_NX"],"channels":["trades","orderbooks"]}""");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations())
                .noneMatch(r -> r.contains("900101")));
        assertThat(sandboxRegistrations()).contains("0B:005930", "0D:005930");
    }

    @Test
    void manySymbolsGoOutInRegsOfAtMostOneHundredItems() throws Exception {
        List<String> codes = IntStream.rangeClosed(1, 150).mapToObj(i -> String.valueOf(920000 + i)).toList();
        String symbols = codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        send(requests, "many", "{\"action\":\"SUBSCRIBE\",\"symbols\":[" + symbols + "],\"channels\":[\"trades\"]}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations())
                .containsAll(codes.stream().map(c -> "0B:" + c).toList()));
        List<String> regs = sandboxWs.framesReceived().stream().filter(f -> f.contains("\"REG\"") && f.contains("\"920"))
                .toList();
        assertThat(regs).hasSize(2).allSatisfy(reg -> assertThat(reg.split("\"92").length - 1).isLessThanOrEqualTo(100));

        send(requests, "many", "{\"action\":\"UNSUBSCRIBE\",\"symbols\":[" + symbols + "],\"channels\":[\"trades\"]}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations()).noneMatch(r -> r.startsWith("0B:920")));
    }

    @Test
    void requestBeyondTwoHundredItemsIsDeadLetteredAndChangesNothing() throws Exception {
        String symbols = IntStream.rangeClosed(1, 199).mapToObj(i -> "\"" + (910000 + i) + "\"")
                .collect(Collectors.joining(","));
        String request = "{\"action\":\"SUBSCRIBE\",\"symbols\":[" + symbols + "],\"channels\":[\"trades\"]}";
        // the start-up REGs go out paced: "nothing changes" is measured once they have landed
        await().atMost(WAIT).untilAsserted(() -> assertThat(sandboxRegistrations())
                .contains("0J:001", "0J:101", "0B:005930", "0D:005930", "0B:000660", "0D:000660"));
        List<String> before = sandboxRegistrations();
        send(requests, "too-many", request);

        try (TopicReader dead = reader(deadLetters)) {
            await().atMost(WAIT).until(() -> !dead.withKey("too-many").isEmpty());
            ConsumerRecord<String, String> letter = dead.withKey("too-many").get(0);
            assertThat(letter.value()).isEqualTo(request);
            assertThat(header(letter, "kiwoomhub_error_code")).isEqualTo("HUB_SUBSCRIPTION_LIMIT");
            assertThat(header(letter, "kiwoomhub_error")).contains("200 items per connection").contains("199 new symbol");
            assertThat(header(letter, "kiwoomhub_source_topic")).isEqualTo(requests);
            assertThat(header(letter, "kiwoomhub_source_partition")).matches("\\d+");
            assertThat(header(letter, "kiwoomhub_source_offset")).matches("\\d+");
        }
        assertThat(sandboxRegistrations()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(subscriptions.itemsByAccount().get("default")).isLessThan(200);
    }

    @Test
    void invalidRequestsAreDeadLetteredWithTheReason() throws Exception {
        send(requests, "bad-channel", "{\"action\":\"SUBSCRIBE\",\"symbols\":[\"005930\"],\"channels\":[\"candles\"]}");
        send(requests, "bad-symbol", "{\"action\":\"SUBSCRIBE\",\"symbols\":[\"A005930\"],\"channels\":[\"trades\"]}");
        send(requests, "bad-json", "SUBSCRIBE 005930");
        send(requests, "tombstone", null);
        send(requests, "empty", "");
        try (TopicReader dead = reader(deadLetters)) {
            await().atMost(WAIT).until(() -> !dead.withKey("bad-json").isEmpty() && !dead.withKey("bad-channel").isEmpty()
                    && !dead.withKey("bad-symbol").isEmpty() && !dead.withKey("tombstone").isEmpty()
                    && !dead.withKey("empty").isEmpty());
            for (String key : List.of("tombstone", "empty")) {
                ConsumerRecord<String, String> letter = dead.withKey(key).get(0);
                assertThat(letter.value()).isEqualTo(key.equals("empty") ? "" : null);
                assertThat(header(letter, "kiwoomhub_error_code")).isEqualTo("HUB_VALIDATION");
                assertThat(header(letter, "kiwoomhub_error")).isEqualTo("an empty record or a tombstone is not a SubscriptionRequest");
            }
            assertThat(header(dead.withKey("bad-channel").get(0), "kiwoomhub_error_code")).isEqualTo("HUB_VALIDATION");
            assertThat(header(dead.withKey("bad-channel").get(0), "kiwoomhub_error"))
                    .isEqualTo("unknown channel 'candles'; the hub supports trades, orderbooks, expected-trades, "
                            + "program-trades, market-events, indices");
            assertThat(header(dead.withKey("bad-symbol").get(0), "kiwoomhub_error")).contains("A005930");
            assertThat(dead.withKey("bad-json").get(0).value()).isEqualTo("SUBSCRIBE 005930");
            assertThat(header(dead.withKey("bad-json").get(0), "kiwoomhub_error")).startsWith("not JSON");
        }
    }

    @Test
    void aValueThatIsNotUtf8IsDeadLetteredByteForByte() throws Exception {
        byte[] key = {(byte) 0xFE, 'k'};
        byte[] value = {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'};
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
             KafkaConsumer<byte[], byte[]> dead = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                     ConsumerConfig.GROUP_ID_CONFIG, "non-utf8-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            producer.send(new ProducerRecord<>(requests, key, value)).get();
            dead.subscribe(List.of(deadLetters));
            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                dead.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (java.util.Arrays.equals(r.key(), key)) {
                        letters.add(r);
                    }
                });
                return !letters.isEmpty();
            });
            assertThat(letters.get(0).value()).isEqualTo(value);
            assertThat(new String(letters.get(0).headers().lastHeader("kiwoomhub_error_code").value())).isEqualTo("HUB_VALIDATION");
        }
    }
}
