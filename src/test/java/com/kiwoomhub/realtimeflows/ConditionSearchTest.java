package com.kiwoomhub.realtimeflows;

import static com.kiwoomhub.canonical.KiwoomValues.KST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.MessageType;
import com.kiwoomhub.conditions.ConditionSearch;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.support.TopicReader;

/**
 * Condition search against the sandbox's conditions: 7 전종목 (every symbol), 8 없음 (none) in real
 * time, 9 searched page by page. The test configuration wants "전종목" by name and 8 by seq.
 */
class ConditionSearchTest extends RealtimeFlowsTest {

    private static final Path ROUTE_FILE = Path.of("routes/conditions.camel.yaml");

    @Autowired
    CamelContext camel;
    @Autowired
    ConditionSearch conditionSearch;
    @Autowired
    Sandbox sandbox;
    @Value("${topics.condition-signals}")
    String signals;

    @Test
    void listComesFirstThenTheRealtimeConditionsStartAndTheirInitialListIsMatched() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).contains("7", "8"));
        List<String> sent = sandboxWs.framesReceived().stream().filter(f -> f.contains("\"CNSR")).toList();
        assertThat(sent.get(0)).contains("\"CNSRLST\"");
        assertThat(sent).anyMatch(f -> f.contains("\"seq\":\"7\"") && f.contains("\"search_type\":\"1\""));

        try (TopicReader topic = reader(signals)) {
            await().atMost(WAIT).until(() -> symbols(topic, "7", "MATCH").equals(Set.copyOf(sandbox.symbols())));
            ConsumerRecord<String, String> first = topic.matching(r -> r.value().contains("\"conditionSeq\":\"7\"")).get(0);
            JsonNode signal = valid(MessageType.CONDITION_SIGNAL, first.value());
            assertThat(signal.path("conditionName").asText()).isEqualTo("전종목");
            assertThat(first.key()).isEqualTo(signal.path("symbol").asText());
            assertThat(signal.path("time").asText()).endsWith("+09:00");
            assertThat(symbols(topic, "8", "MATCH")).isEmpty();
        }
    }

    @Test
    void realtimeAlertsBecomeEnterThenExit() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).contains("8"));
        sandboxWs.forceConditionAlert("8", "900301", true);
        try (TopicReader topic = reader(signals)) {
            // The sandbox's next scan sees that 900301 does not meet condition 8 and sends the D alert.
            await().atMost(WAIT).until(() -> events(topic, "900301").equals(List.of("ENTER", "EXIT")));
            JsonNode enter = valid(MessageType.CONDITION_SIGNAL,
                    topic.matching(r -> "900301".equals(r.key())).get(0).value());
            assertThat(enter.path("conditionSeq").asText()).isEqualTo("8");
            assertThat(enter.path("conditionName").asText()).isEqualTo("없음");
            assertThat(enter.path("time").asText()).startsWith(java.time.LocalDate.now(KST).toString());
        }
    }

    @Test
    void periodicSearchFollowsEveryPage() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).contains("7"));
        conditionSearch.searchPeriodic();
        try (TopicReader topic = reader(signals)) {
            await().atMost(WAIT).until(() -> symbols(topic, "9", "MATCH").equals(Set.copyOf(sandbox.symbols())));
        }
        assertThat(sandbox.symbols().size()).isGreaterThan(2 * SandboxRealtime.PAGE_SIZE);
        assertThat(sandboxWs.framesReceived()).anyMatch(f -> f.contains("\"seq\":\"9\"") && f.contains("\"cont_yn\":\"Y\"")
                && f.contains("\"next_key\":\"" + SandboxRealtime.PAGE_SIZE + "\""));
    }

    @Test
    void conditionDroppedFromTheEditedRouteFileIsClearedOnReload() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).containsExactlyInAnyOrder("7", "8"));
        String original = Files.readString(ROUTE_FILE);
        try {
            // What live reload does with a saved edit: the file's routes are replaced by the new text.
            reload(original.replace("constant: \"{{kiwoom.conditions.realtime}}\"", "constant: \"전종목\""));
            await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).containsExactly("7"));
            assertThat(sandboxWs.framesReceived()).anyMatch(f -> f.contains("\"CNSRCLR\"") && f.contains("\"seq\":\"8\""));
        } finally {
            reload(original);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).containsExactlyInAnyOrder("7", "8"));
    }

    @Test
    void atMostTenRealtimeConditionsRunPerLogin() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).contains("7", "8"));
        List<String> eleven = SandboxRealtime.MANY.stream().map(c -> c.name()).toList();
        try {
            conditionSearch.want(String.join(",", eleven), "");
            await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions())
                    .containsExactlyInAnyOrder("10", "11", "12", "13", "14", "15", "16", "17", "18", "19"));
            assertThat(sandboxWs.framesReceived()).noneMatch(f -> f.contains("\"seq\":\"20\"") && f.contains("CNSRREQ"));
        } finally {
            conditionSearch.want("전종목,8", "9");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).containsExactlyInAnyOrder("7", "8"));
    }

    private void reload(String routes) throws Exception {
        PluginHelper.getRoutesLoader(camel).updateRoutes(Set.of(
                ResourceHelper.fromString("file:" + ROUTE_FILE, routes)));
    }

    @Test
    void aReconnectListsAgainAndRestartsTheRealtimeConditions() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).contains("7", "8"));
        sandboxWs.clearFramesReceived();
        sandboxWs.dropAll();
        await().atMost(WAIT).untilAsserted(() -> assertThat(realtimeConditions()).contains("7", "8"));
        List<String> sent = sandboxWs.framesReceived().stream().filter(f -> f.contains("\"CNSR")).toList();
        assertThat(sent.get(0)).contains("\"CNSRLST\"");
    }

    private Set<String> realtimeConditions() {
        return sandboxWs.sessions().stream().filter(s -> s.appKey() != null)
                .flatMap(s -> s.realtimeConditions().stream()).collect(Collectors.toSet());
    }

    private static Set<String> symbols(TopicReader topic, String seq, String event) {
        return topic.matching(r -> r.value().contains("\"conditionSeq\":\"" + seq + "\"")
                && r.value().contains("\"event\":\"" + event + "\"")).stream().map(ConsumerRecord::key)
                .collect(Collectors.toSet());
    }

    private static List<String> events(TopicReader topic, String symbol) {
        return topic.withKey(symbol).stream().map(r -> valid(MessageType.CONDITION_SIGNAL, r.value()).path("event").asText())
                .toList();
    }
}
