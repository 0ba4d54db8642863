package com.kiwoomhub.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.CloudEvent;
import com.kiwoomhub.canonical.KiwoomValues;
import com.kiwoomhub.canonical.Trade;
import com.kiwoomhub.canonical.TradeTranslator;
import com.kiwoomhub.marketdata.MarketCalendar;
import com.kiwoomhub.realtime.Frame;
import com.kiwoomhub.realtime.KiwoomSession;
import com.kiwoomhub.realtime.KiwoomSessions;
import com.kiwoomhub.realtime.SessionListener;
import com.kiwoomhub.realtime.SessionState;
import com.kiwoomhub.sandbox.RealtimeFaults;
import com.kiwoomhub.sandbox.Sandbox;

/**
 * WebSocket → Kafka, in the app's embedded default (sandbox WebSocket, embedded KRaft broker,
 * routes/realtime.camel.yaml only). The sandbox pushes REAL frames of {@value #ROWS} 0B rows each;
 * a frame counts when all its trades are acked by Kafka.
 *
 * <p>Two paths over the same session, one after the other: {@code camel} (the realtime-market-data
 * route: translation, one batch per frame to camel-kafka) and {@code baseline} (the same translator
 * in a plain session listener feeding a plain idempotent KafkaProducer, no Camel routing). Each gets
 * a warm-up, a throughput run (as fast as it acks, at most {@value #WINDOW} frames in flight) and a
 * latency run at a fixed 20,000 trades/s (push → ack of the frame's last trade).
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=RealtimeKafkaBench}
 */
public final class RealtimeKafkaBench {

    static final int ROWS = 10;
    static final int WINDOW = 500;
    static final int WARMUP_FRAMES = 10_000;
    static final int THROUGHPUT_FRAMES = 30_000;
    static final int LATENCY_TRADES_PER_SECOND = 20_000;
    static final int LATENCY_SECONDS = 10;
    static final String ROUTE = "realtime-market-data";

    private final long[] pushedAt = new long[2 * (WARMUP_FRAMES + THROUGHPUT_FRAMES
            + LATENCY_TRADES_PER_SECOND / ROWS * LATENCY_SECONDS) + 10];
    private final AtomicLong completed = new AtomicLong();
    private volatile long[] latencies;
    private final AtomicInteger latencyCount = new AtomicInteger();
    private volatile long latencyFrom = Long.MAX_VALUE;
    private int nextSeq = 1;

    private RealtimeFaults sandboxWs;

    public static void main(String[] args) throws Exception {
        org.apache.kafka.common.utils.Exit.setShutdownHookAdder((name, runnable) -> { });
        new RealtimeKafkaBench().run();
        System.exit(0);
    }

    private void run() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KiwoomHubApplication.class).run(
                "--camel.main.routes-include-pattern=file:routes/realtime.camel.yaml",
                "--camel.main.routes-reload-enabled=false",
                "--kiwoom.sandbox.tick-interval=0",
                "--kiwoom.watchlist=005930",
                "--hub.feed.enabled=false",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.com.kiwoomhub=WARN",
                "--kiwoom.realtime.max-frames-in-flight=" + System.getProperty("inFlight", "500"));
        try {
            sandboxWs = app.getBean(Sandbox.class).realtimeFaults();
            KiwoomSession session = app.getBean(KiwoomSessions.class).all().get(0);
            BenchSupport.waitFor(() -> session.state() == SessionState.LOGGED_IN, 30);
            CamelContext camel = app.getBean(CamelContext.class);
            countCamelCompletions(camel);
            LocalDate day = app.getBean(MarketCalendar.class).today();
            String bootstrap = app.getEnvironment().getProperty("kafka.embedded-address");

            Result viaCamel = measure("camel");
            camel.getRouteController().stopRoute(ROUTE);
            try (KafkaProducer<String, String> producer = plainProducer(bootstrap)) {
                session.addListener(baseline(producer, day));
                Result plain = measure("baseline");
                System.out.println();
                System.out.println("WebSocket → Kafka, " + ROWS + " 0B rows per REAL frame, acks=all, idempotent, "
                        + Runtime.getRuntime().availableProcessors() + " cores");
                System.out.println("| path | trades/s acked | p50 ms @20k/s | p99 ms @20k/s | max ms @20k/s | achieved trades/s @20k/s |");
                System.out.println("|---|---|---|---|---|---|");
                System.out.println(viaCamel.row());
                System.out.println(plain.row());
            }
        } finally {
            app.close();
        }
    }

    private Result measure(String path) throws Exception {
        completed.set(0);
        long base = nextSeq;
        pushAsFastAsAcked(WARMUP_FRAMES, base);
        base = nextSeq;
        completed.set(0);
        long start = System.nanoTime();
        pushAsFastAsAcked(THROUGHPUT_FRAMES, base);
        double tradesPerSecond = THROUGHPUT_FRAMES * (double) ROWS / ((System.nanoTime() - start) / 1e9);

        int frames = LATENCY_TRADES_PER_SECOND / ROWS * LATENCY_SECONDS;
        completed.set(0);
        latencies = new long[frames];
        latencyCount.set(0);
        latencyFrom = nextSeq;
        long interval = TimeUnit.SECONDS.toNanos(1) / (LATENCY_TRADES_PER_SECOND / ROWS);
        long t0 = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            long due = t0 + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            push();
        }
        BenchSupport.waitFor(() -> completed.get() >= frames, 120);
        double achieved = frames * (double) ROWS / ((System.nanoTime() - t0) / 1e9);
        latencyFrom = Long.MAX_VALUE;
        long[] sorted = Arrays.copyOf(latencies, latencyCount.get());
        Arrays.sort(sorted);
        return new Result(path, tradesPerSecond, BenchSupport.percentileMillis(sorted, 0.50),
                BenchSupport.percentileMillis(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, achieved);
    }

    private void pushAsFastAsAcked(int frames, long base) throws Exception {
        for (int i = 0; i < frames; i++) {
            while (nextSeq - base - completed.get() >= WINDOW) {
                LockSupport.parkNanos(20_000);
            }
            push();
        }
        BenchSupport.waitFor(() -> completed.get() >= frames, 120);
    }

    private void push() {
        int seq = nextSeq++;
        StringBuilder frame = new StringBuilder(ROWS * 160).append("{\"trnm\":\"REAL\",\"data\":[");
        for (int r = 0; r < ROWS; r++) {
            frame.append(r == 0 ? "" : ",").append("{\"type\":\"0B\",\"name\":\"주식체결\",\"item\":\"9")
                    .append(String.format("%05d", r + 1)).append("\",\"values\":{\"20\":\"100000\",\"10\":\"+10000\",")
                    .append("\"11\":\"+100\",\"12\":\"+1.01\",\"27\":\"+10010\",\"28\":\"+10000\",\"15\":\"+3\",\"13\":\"")
                    .append(seq).append("\",\"14\":\"").append(seq / 100).append("\",\"290\":\"2\"}}");
        }
        pushedAt[seq] = System.nanoTime();
        sandboxWs.pushRaw(frame.append("]}").toString());
    }

    private void frameAcked(long seq) {
        long now = System.nanoTime();
        if (seq >= latencyFrom) {
            int i = latencyCount.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = now - pushedAt[(int) seq];
            }
        }
        completed.incrementAndGet();
    }

    /** Camel path: an exchange of the route is done when Kafka acked every record of its frame. */
    private void countCamelCompletions(CamelContext camel) throws Exception {
        EventNotifierSupport notifier = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                var exchange = ((CamelEvent.ExchangeCompletedEvent) event).getExchange();
                if (ROUTE.equals(exchange.getFromRouteId()) && exchange.getMessage().getBody() instanceof List<?> records
                        && !records.isEmpty() && records.get(0) instanceof Message first) {
                    frameAcked(cumulativeVolume(first.getBody(String.class)));
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeCompletedEvent;
            }
        };
        camel.getManagementStrategy().addEventNotifier(notifier);
        ServiceHelper.startService(notifier);
    }

    /** Baseline path: the same translator and CloudEvents headers, straight into a KafkaProducer. */
    private SessionListener baseline(KafkaProducer<String, String> producer, LocalDate day) {
        return (Frame frame) -> {
            if (!frame.trnm().equals("REAL")) {
                return;
            }
            JsonNode json;
            try {
                json = CanonicalJson.mapper().readTree(frame.json());
            } catch (Exception e) {
                return;
            }
            List<Trade> trades = TradeTranslator.fromFrame(json, day);
            AtomicInteger left = new AtomicInteger(trades.size());
            long seq = trades.get(0).cumulativeVolume();
            for (Trade trade : trades) {
                CloudEvent event = CloudEvent.of(trade, "ws/0B", OffsetDateTime.now(KiwoomValues.KST));
                ProducerRecord<String, String> record = new ProducerRecord<>("bench.baseline.trades", event.key(),
                        CanonicalJson.toJson(trade));
                event.headers().forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
                producer.send(record, (metadata, error) -> {
                    if (left.decrementAndGet() == 0) {
                        frameAcked(seq);
                    }
                });
            }
        };
    }

    private static KafkaProducer<String, String> plainProducer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5));
    }

    private static long cumulativeVolume(String json) {
        int at = json.indexOf("\"cumulativeVolume\":") + "\"cumulativeVolume\":".length();
        int end = at;
        while (Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(at, end));
    }

    private record Result(String path, double tradesPerSecond, double p50, double p99, double max, double achieved) {
        String row() {
            return String.format("| %s | %,.0f | %.2f | %.2f | %.1f | %,.0f |", path, tradesPerSecond, p50, p99, max, achieved);
        }
    }
}
