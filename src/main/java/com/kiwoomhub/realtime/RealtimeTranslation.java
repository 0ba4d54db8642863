package com.kiwoomhub.realtime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.CanonicalMessage;
import com.kiwoomhub.canonical.ExpectedTradeTranslator;
import com.kiwoomhub.canonical.IndexTickTranslator;
import com.kiwoomhub.canonical.KiwoomRealRow;
import com.kiwoomhub.canonical.KiwoomValues;
import com.kiwoomhub.canonical.MarketStatusTranslator;
import com.kiwoomhub.canonical.OrderBookTranslator;
import com.kiwoomhub.canonical.PositionTranslator;
import com.kiwoomhub.canonical.ProgramTradeTranslator;
import com.kiwoomhub.canonical.TradeTranslator;
import com.kiwoomhub.canonical.VolatilityInterruptionTranslator;
import com.kiwoomhub.marketdata.MarketCalendar;
import com.kiwoomhub.topics.CanonicalRecordStamp;
import com.kiwoomhub.topics.TopicNames;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Java behind {@code routes/realtime.camel.yaml}: one REAL frame (several rows, any mix of
 * types) becomes the Kafka records of its rows, in frame order. 0B → Trade, 0D → OrderBook, 0s →
 * MarketStatus, 04 → Position of the session's account, 0J → IndexTick, 1h → VolatilityInterruption,
 * 0H → ExpectedTrade, 0w → ProgramTrade. Rows of 00 (order flow) and 02 (condition
 * search) belong to other routes and are skipped here; any other type, and a row a translator
 * refuses, is counted in {@code kiwoom.realtime.rows{type,outcome}} and logged once per type and
 * reason, never failing the frame.
 */
@Component("realtimeTranslation")
public class RealtimeTranslation implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeTranslation.class);
    /** Handled by other flows: the order flow (00) and condition search (02). */
    private static final Set<String> OTHER_FLOWS = Set.of("00", "02");
    /** Kiwoom type codes are two characters; anything else is tagged "other" to keep the tag bounded. */
    private static final Pattern TYPE_CODE = Pattern.compile("[0-9][0-9A-Za-z]");

    private final MarketCalendar calendar;
    private final MeterRegistry registry;
    private final Map<String, String> topicByType;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public RealtimeTranslation(MarketCalendar calendar, MeterRegistry registry, TopicNames topics) {
        this.calendar = calendar;
        this.registry = registry;
        this.topicByType = Map.of(TradeTranslator.TYPE, topics.trades(), OrderBookTranslator.TYPE, topics.orderbooks(),
                MarketStatusTranslator.TYPE, topics.marketStatus(), PositionTranslator.TYPE, topics.account(),
                IndexTickTranslator.TYPE, topics.indices(), VolatilityInterruptionTranslator.TYPE, topics.marketEvents(),
                ExpectedTradeTranslator.TYPE, topics.expectedTrades(), ProgramTradeTranslator.TYPE, topics.programTrades());
    }

    /**
     * The route step: the body becomes the frame's records; a frame without any ends its exchange
     * here. A plain processor rather than a bean call and a filter, which cost about a fifth of the
     * route's time per frame (RealtimeKafkaBench profile).
     */
    @Override
    public void process(Exchange exchange) {
        List<Message> records = records(exchange);
        if (records.isEmpty()) {
            exchange.setRouteStop(true);
        } else {
            exchange.getMessage().setBody(records);
        }
    }

    /**
     * The records of the frame in the exchange body, for one batch send to Kafka: each message
     * carries its topic ({@code kafka.OVERRIDE_TOPIC}), key and CloudEvents headers. Uses headers
     * {@code KiwoomAccount} (the account of 04 rows) and {@code KiwoomReceivedAt} (the time of 04
     * rows, which carry none).
     */
    public List<Message> records(Exchange exchange) {
        Message in = exchange.getMessage();
        String account = in.getHeader(KiwoomRealtimeHeaders.ACCOUNT, String.class);
        Long receivedAt = in.getHeader(KiwoomRealtimeHeaders.RECEIVED_AT, Long.class);
        // The session parsed the frame already; only a body from elsewhere is parsed here.
        JsonNode frame = exchange.getProperty(KiwoomRealtimeHeaders.FRAME_TREE, JsonNode.class);
        try {
            if (frame == null) {
                frame = CanonicalJson.mapper().readTree(in.getBody(String.class));
            }
        } catch (Exception e) {
            count("other", "untranslatable");
            logOnce("frame", "a REAL frame that is not JSON", e);
            return List.of();
        }
        LocalDate tradingDate = calendar.today();
        OffsetDateTime received = KiwoomValues.inKst(OffsetDateTime.ofInstant(
                receivedAt == null ? Instant.now() : Instant.ofEpochMilli(receivedAt), KiwoomValues.KST));
        List<Message> records = new ArrayList<>();
        for (JsonNode node : frame.path("data")) {
            String type = node.path("type").asText("");
            String topic = topicByType.get(type);
            if (topic == null) {
                if (!OTHER_FLOWS.contains(type)) {
                    String tag = TYPE_CODE.matcher(type).matches() ? type : "other";
                    count(tag, "unknown-type");
                    logOnce("type " + tag, "rows of real-time type '" + tag + "', which the hub does not translate", null);
                }
                continue;
            }
            try {
                CanonicalMessage record = translate(KiwoomRealRow.parse(node), tradingDate, account, received);
                Message message = new KafkaRecord(exchange.getContext());
                CanonicalRecordStamp.stamp(message, record, "ws/" + type);
                message.setHeader(KafkaConstants.OVERRIDE_TOPIC, topic);
                records.add(message);
                count(type, "translated");
            } catch (RuntimeException e) {
                count(type, "untranslatable");
                logOnce(type + " " + e.getClass().getSimpleName(), "a " + type + " row of item '"
                        + node.path("item").asText("") + "' that cannot be translated", e);
            }
        }
        return records;
    }

    /**
     * One record of a frame's batch. Only camel-kafka reads its headers, by their exact names, so a
     * plain map (in the order the headers were set) does instead of Camel's case-insensitive one,
     * whose lookups cost about a tenth of the hand-off thread's time per frame (RealtimeKafkaBench).
     */
    private static final class KafkaRecord extends DefaultMessage {

        KafkaRecord(CamelContext context) {
            super(context);
        }

        @Override
        protected Map<String, Object> createHeaders() {
            return new LinkedHashMap<>(16);
        }
    }

    private static CanonicalMessage translate(KiwoomRealRow row, LocalDate tradingDate, String account,
                                              OffsetDateTime received) {
        return switch (row.type()) {
            case TradeTranslator.TYPE -> TradeTranslator.fromRow(row, tradingDate);
            case OrderBookTranslator.TYPE -> OrderBookTranslator.fromRow(row, tradingDate);
            case MarketStatusTranslator.TYPE -> MarketStatusTranslator.fromRow(row, tradingDate);
            case IndexTickTranslator.TYPE -> IndexTickTranslator.fromRow(row, tradingDate);
            case VolatilityInterruptionTranslator.TYPE -> VolatilityInterruptionTranslator.fromRow(row, tradingDate);
            case ExpectedTradeTranslator.TYPE -> ExpectedTradeTranslator.fromRow(row, tradingDate);
            case ProgramTradeTranslator.TYPE -> ProgramTradeTranslator.fromRow(row, tradingDate);
            default -> PositionTranslator.fromRow(row, account, received);
        };
    }

    private void count(String type, String outcome) {
        counters.computeIfAbsent(type + "|" + outcome, k -> Counter.builder("kiwoom.realtime.rows")
                .description("REAL rows by type and outcome: translated, untranslatable, unknown-type")
                .tag("type", type).tag("outcome", outcome).register(registry)).increment();
    }

    /** The first of a kind is logged; the rest only counted, so a stream of bad rows cannot flood the log. */
    private void logOnce(String kind, String what, Exception e) {
        if (logged.add(kind)) {
            LOG.warn("Skipping {}: {} (logged once; see kiwoom_realtime_rows_total)", what,
                    e == null ? "no translator" : e.getMessage());
        }
    }
}
