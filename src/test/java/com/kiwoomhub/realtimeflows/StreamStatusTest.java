package com.kiwoomhub.realtimeflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.MessageType;
import com.kiwoomhub.realtime.StreamStatusTrail;
import com.kiwoomhub.support.TopicReader;

/** Gap markers on kiwoom.stream-status: the STARTUP pair, a dropped session bracketed, the feed's STATUS frame. */
class StreamStatusTest extends RealtimeFlowsTest {

    @Value("${topics.stream-status}")
    String topic;
    @Autowired
    StreamStatusTrail trail;

    @Test
    void theStartAndADroppedSessionAreBracketedByGapStartAndGapEndAlsoOnTheFeed() throws Exception {
        try (TopicReader status = reader(topic); FeedTestClient client = new FeedTestClient(FEED_PORT)) {
            await().atMost(WAIT).until(() -> status.withKey("default").size() >= 2);
            JsonNode startupStart = json(status.withKey("default").get(0));
            JsonNode startupEnd = json(status.withKey("default").get(1));
            assertThat(startupStart.path("event").asText()).isEqualTo("GAP_START");
            assertThat(startupStart.path("reason").asText()).isEqualTo("STARTUP");
            assertThat(startupStart.has("since")).as("a first start: nothing recorded before").isFalse();
            assertThat(startupStart.has("until")).isFalse();
            assertThat(startupStart.has("takeover")).as("a single instance takes nothing over").isFalse();
            assertThat(startupEnd.path("event").asText()).isEqualTo("GAP_END");
            assertThat(startupEnd.path("reason").asText()).isEqualTo("STARTUP");
            assertThat(time(startupEnd, "until")).isAfterOrEqualTo(time(startupStart, "time"));
            assertThat(time(startupEnd, "time")).isAfterOrEqualTo(time(startupEnd, "until"));
            assertThat(TopicReader.header(status.withKey("default").get(0), "ce_type")).isEqualTo("kiwoom.stream-status.v1");

            feedIsLive(client);
            int before = status.withKey("default").size();
            OffsetDateTime dropped = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS); // the records carry whole seconds
            sandboxWs.dropAll();
            await().atMost(WAIT).until(() -> status.withKey("default").size() >= before + 2);
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> status.withKey("default").size() == before + 2);
            List<ConsumerRecord<String, String>> records = status.withKey("default");
            JsonNode start = json(records.get(before));
            JsonNode end = json(records.get(before + 1));
            assertThat(start.path("account").asText()).isEqualTo("default");
            assertThat(start.path("event").asText()).isEqualTo("GAP_START");
            assertThat(start.path("reason").asText()).isEqualTo("DISCONNECTED");
            assertThat(start.has("until")).isFalse();
            assertThat(end.path("event").asText()).isEqualTo("GAP_END");
            assertThat(end.path("reason").asText()).isEqualTo("DISCONNECTED");
            assertThat(time(start, "since")).isAfterOrEqualTo(time(startupEnd, "until").minusSeconds(1))
                    .isBeforeOrEqualTo(time(start, "time"));
            assertThat(time(start, "time")).isAfterOrEqualTo(dropped).isBeforeOrEqualTo(time(end, "until"));
            assertThat(time(end, "since")).isEqualTo(time(start, "since"));
            assertThat(time(end, "time")).isAfterOrEqualTo(time(end, "until"));

            await().atMost(WAIT).until(() -> client.replies("STATUS").size() == 2);
            assertThat(client.replies("STATUS")).extracting(f -> f.path("data"))
                    .containsExactly(start, end);
        }
    }

    @Test
    void theStartupSinceIsTheLastFrameTimeThePreviousRunRecorded() throws Exception {
        send(topic, "ended-in-gap", "{\"account\":\"ended-in-gap\",\"event\":\"GAP_START\",\"since\":\"2026-12-01T15:20:01+09:00\","
                + "\"reason\":\"STALLED\",\"time\":\"2026-12-01T15:21:01+09:00\"}");
        send(topic, "ran-fine", "{\"account\":\"ran-fine\",\"event\":\"GAP_START\",\"since\":\"2026-12-01T09:00:01+09:00\","
                + "\"reason\":\"DISCONNECTED\",\"time\":\"2026-12-01T09:00:02+09:00\"}");
        send(topic, "ran-fine", "{\"account\":\"ran-fine\",\"event\":\"GAP_END\",\"since\":\"2026-12-01T09:00:01+09:00\","
                + "\"until\":\"2026-12-01T09:00:05+09:00\",\"reason\":\"DISCONNECTED\",\"time\":\"2026-12-01T09:00:05+09:00\"}");

        assertThat(trail.lastFrameOfPreviousRun("ended-in-gap")).isEqualTo(OffsetDateTime.parse("2026-12-01T15:20:01+09:00"));
        assertThat(trail.lastFrameOfPreviousRun("ran-fine")).as("frames flowed at least until the gap ended")
                .isEqualTo(OffsetDateTime.parse("2026-12-01T09:00:05+09:00"));
        assertThat(trail.lastFrameOfPreviousRun("never-seen")).isNull();
    }

    /** The feed reads the newest records only: push trades of a symbol of its own until the client gets one. */
    private void feedIsLive(FeedTestClient client) throws Exception {
        client.send("{\"type\":\"SUBSCRIBE\",\"symbols\":[\"900701\"],\"channels\":[\"trades\"]}");
        await().atMost(WAIT).until(() -> client.replies("SUBSCRIBED").size() == 1);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            sandboxWs.pushRaw("{\"trnm\":\"REAL\",\"data\":[{\"type\":\"0B\",\"item\":\"900701\",\"values\":{\"20\":\"100000\","
                    + "\"10\":\"+10000\",\"11\":\"+100\",\"12\":\"+1.01\",\"15\":\"+1\",\"13\":\"1\"}}]}");
            return !client.records().isEmpty();
        });
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        return valid(MessageType.STREAM_STATUS, record.value());
    }

    private static OffsetDateTime time(JsonNode json, String field) {
        return OffsetDateTime.parse(json.path(field).asText());
    }
}
