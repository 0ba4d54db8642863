package com.kiwoomhub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;

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
    static final int MAX_WARMUP_ROUNDS = 5;
    static final long JIT_SETTLED_MILLIS = 250;
    static final int ROUNDS = Integer.getInteger("rounds", 5);
    static final int THROUGHPUT_FRAMES = 30_000;
    static final int LATENCY_TRADES_PER_SECOND = 20_000;
    static final int LATENCY_SECONDS = 10;
    static final String ROUTE = "realtime-market-data";
    static final String HAND_OFF_THREAD = "kiwoom-ws-default-consumer";

    private final long[] pushedAt = new long[2 * (MAX_WARMUP_ROUNDS + ROUNDS) * (THROUGHPUT_FRAMES
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
        List<String> settings = new ArrayList<>(List.of(
                "--camel.main.routes-include-pattern=file:routes/realtime.camel.yaml",
                "--camel.main.routes-reload-enabled=false",
                "--kiwoom.sandbox.tick-interval=0",
                "--kiwoom.watchlist=005930",
                "--hub.feed.enabled=false",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.com.kiwoomhub=WARN",
                "--kiwoom.realtime.max-frames-in-flight=" + System.getProperty("inFlight", "500")));
        String extra = System.getProperty("hubSettings", "").trim();
        if (!extra.isEmpty()) {
            settings.addAll(Arrays.asList(extra.split("\\s+")));
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KiwoomHubApplication.class)
                .run(settings.toArray(String[]::new));
        try {
            sandboxWs = app.getBean(Sandbox.class).realtimeFaults();
            KiwoomSession session = app.getBean(KiwoomSessions.class).all().get(0);
            BenchSupport.waitFor(() -> session.state() == SessionState.LOGGED_IN, 30);
            CamelContext camel = app.getBean(CamelContext.class);
            countCamelCompletions(camel);
            LocalDate day = app.getBean(MarketCalendar.class).today();
            String bootstrap = app.getEnvironment().getProperty("kafka.embedded-address");
            try (KafkaProducer<String, String> producer = plainProducer(bootstrap)) {
                SessionListener baseline = baseline(producer, day);
                Path camelPath = new Path("camel", () -> camel.getRouteController().startRoute(ROUTE),
                        () -> camel.getRouteController().stopRoute(ROUTE));
                Path plainPath = new Path("baseline", () -> session.addListener(baseline),
                        () -> session.removeListener(baseline));
                // Whichever path ran first would pay the JIT warm-up of all they share (WebSocket decoding,
                // translation, the Kafka client and broker): both run whole rounds, not counted, until a
                // round of each compiles for less than JIT_SETTLED_MILLIS.
                List<Result[]> warmUp = new ArrayList<>();
                do {
                    warmUp.add(new Result[] {camelPath.measure(this::measure), plainPath.measure(this::measure)});
                } while (warmUp.size() < MAX_WARMUP_ROUNDS && (warmUp.get(warmUp.size() - 1)[0].jitMillis > JIT_SETTLED_MILLIS
                        || warmUp.get(warmUp.size() - 1)[1].jitMillis > JIT_SETTLED_MILLIS));
                List<Result> camelRounds = new ArrayList<>();
                List<Result> plainRounds = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    camelRounds.add(camelPath.measure(this::measure));
                    plainRounds.add(plainPath.measure(this::measure));
                }
                System.out.println();
                System.out.println("WebSocket → Kafka, " + ROWS + " 0B rows per REAL frame, acks=all, idempotent, "
                        + Runtime.getRuntime().availableProcessors() + " cores; " + warmUp.size()
                        + " warm-up round(s) per path, then " + ROUNDS + " measured");
                System.out.println("| round | path | trades/s acked | CPU µs/frame, JVM | CPU µs/frame, hand-off thread "
                        + "| p50 ms @20k/s | p99 ms @20k/s | max ms @20k/s | achieved trades/s @20k/s | JIT ms during round |");
                System.out.println("|---|---|---|---|---|---|---|---|---|---|");
                for (int i = 0; i < warmUp.size(); i++) {
                    System.out.println(warmUp.get(i)[0].row("warm-up " + (i + 1)));
                    System.out.println(warmUp.get(i)[1].row("warm-up " + (i + 1)));
                }
                double[] ratios = new double[ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    System.out.println(camelRounds.get(i).row(String.valueOf(i + 1)));
                    System.out.println(plainRounds.get(i).row(String.valueOf(i + 1)));
                    ratios[i] = camelRounds.get(i).tradesPerSecond / plainRounds.get(i).tradesPerSecond;
                }
                Result camelMedian = Result.median("camel", camelRounds);
                Result plainMedian = Result.median("baseline", plainRounds);
                System.out.println(camelMedian.row("median"));
                System.out.println(plainMedian.row("median"));
                Arrays.sort(ratios);
                System.out.printf("camel/baseline trades/s, median of the rounds' ratios: %.2f (rounds %.2f–%.2f; target >= 0.8)%n",
                        ratios[ROUNDS / 2], ratios[0], ratios[ROUNDS - 1]);
                System.out.printf("p99 added by camel at 20k/s, medians: %.2f ms (target <= 5 ms)%n",
                        camelMedian.p99 - plainMedian.p99);
            }
        } finally {
            app.close();
        }
    }

    /** One way of taking the session's frames into Kafka, switched on only while it is measured. */
    private record Path(String name, Step start, Step stop) {
        Result measure(Measure measure) throws Exception {
            start.run();
            try {
                return measure.of(name);
            } finally {
                stop.run();
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private interface Measure {
        Result of(String path) throws Exception;
    }

    private Result measure(String path) throws Exception {
        long jitBefore = jitMillis();
        long processCpu = processCpuNanos();
        long handOffCpu = handOffCpuNanos();
        long start = System.nanoTime();
        pushAsFastAsAcked(THROUGHPUT_FRAMES);
        double tradesPerSecond = THROUGHPUT_FRAMES * (double) ROWS / ((System.nanoTime() - start) / 1e9);
        double processMicrosPerFrame = (processCpuNanos() - processCpu) / 1e3 / THROUGHPUT_FRAMES;
        double handOffMicrosPerFrame = (handOffCpuNanos() - handOffCpu) / 1e3 / THROUGHPUT_FRAMES;

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
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, achieved, jitMillis() - jitBefore,
                processMicrosPerFrame, handOffMicrosPerFrame);
    }

    /** CPU time of the whole JVM: hub, sandbox, broker and this bench. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the session's hand-off thread, where both paths translate and send every frame. */
    private static long handOffCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(HAND_OFF_THREAD)) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        throw new IllegalStateException("no thread " + HAND_OFF_THREAD);
    }

    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private void pushAsFastAsAcked(int frames) throws Exception {
        completed.set(0);
        long base = nextSeq;
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
        // Only completions: other exchange events would cost the Camel path work the hub does not do.
        notifier.setIgnoreExchangeCreatedEvent(true);
        notifier.setIgnoreExchangeSendingEvents(true);
        notifier.setIgnoreExchangeSentEvents(true);
        notifier.setIgnoreExchangeFailedEvents(true);
        notifier.setIgnoreExchangeRedeliveryEvents(true);
        notifier.setIgnoreStepEvents(true);
        notifier.setIgnoreCamelContextEvents(true);
        notifier.setIgnoreRouteEvents(true);
        notifier.setIgnoreServiceEvents(true);
        camel.getManagementStrategy().addEventNotifier(notifier);
        ServiceHelper.startService(notifier);
    }

    /** Baseline path: the same translator and CloudEvents headers, straight into a KafkaProducer. */
    private SessionListener baseline(KafkaProducer<String, String> producer, LocalDate day) {
        return (Frame frame) -> {
            if (!frame.trnm().equals("REAL")) {
                return;
            }
            List<Trade> trades = TradeTranslator.fromFrame(frame.tree(), day);
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

    private record Result(String path, double tradesPerSecond, double p50, double p99, double max, double achieved,
                          long jitMillis, double processMicrosPerFrame, double handOffMicrosPerFrame) {
        String row(String round) {
            return String.format("| %s | %s | %,.0f | %.0f | %.0f | %.2f | %.2f | %.1f | %,.0f | %,d |",
                    round, path, tradesPerSecond, processMicrosPerFrame, handOffMicrosPerFrame,
                    p50, p99, max, achieved, jitMillis);
        }

        static Result median(String path, List<Result> rounds) {
            return new Result(path, median(rounds, Result::tradesPerSecond), median(rounds, Result::p50),
                    median(rounds, Result::p99), median(rounds, Result::max), median(rounds, Result::achieved),
                    (long) median(rounds, r -> r.jitMillis), median(rounds, Result::processMicrosPerFrame),
                    median(rounds, Result::handOffMicrosPerFrame));
        }

        private static double median(List<Result> rounds, ToDoubleFunction<Result> value) {
            double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
            return values[values.length / 2];
        }
    }
}
