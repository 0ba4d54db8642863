package com.kiwoomhub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.canonical.CanonicalJson;
import com.kiwoomhub.canonical.OrderType;
import com.kiwoomhub.sandbox.RequestJournal;
import com.kiwoomhub.sandbox.Sandbox;
import com.kiwoomhub.sandbox.SandboxSettings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Order request consumed from Kafka → kt10000 request received by the sandbox: the hub's order flow
 * (routes/orders.camel.yaml only) next to a plain KafkaConsumer poll loop posting the same kt10000 body
 * with java.net.http, one after the other in the same hub, sandbox and broker.
 *
 * <p>Two boots: one with the default rate limits (sandbox and hub at 5 kt10000/s), orders offered at a
 * fixed {@code rate} for {@code seconds} → p50/p99; one with both limits lifted, {@code orders} requests
 * put on the topic at once → orders/s. The quantity of each order is unique in a boot and reaches the
 * kt10000 body as {@code ord_qty}, so it pairs a consumed record with the sandbox's receipt. All orders
 * are limit buys at the lower daily limit of a stock that does not move: they rest and never fill.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=OrderLatencyBench [-Drate=5 -Dseconds=30 -Dorders=2000]};
 * {@code -DhubSettings="--name=value ..."} adds hub settings to both boots.
 */
public final class OrderLatencyBench {

    static final String SYMBOL = "900000";
    /** The lower daily limit (−30 %) of the bench stock at 10,000 KRW: a buy there rests in the book. */
    static final long PRICE = 7_000;
    static final String HUB_TOPIC = "kiwoom.order-requests";
    static final String PLAIN_TOPIC = "bench.plain.order-requests";
    static final String INTAKE = "order-intake";
    static final String TR = "kt10000";

    private final Sandbox sandbox;
    private final KafkaProducer<String, String> producer;
    /** Makes the clientOrderIds of this boot unique in the journal. */
    private final String runId = "olb" + System.currentTimeMillis();
    private final Map<Long, Instant> consumedAt = new ConcurrentHashMap<>();
    private final Map<Long, Instant> producedAt = new ConcurrentHashMap<>();
    /** The order's quantity, unique in a boot: it is what the sandbox sees of the order (ord_qty). */
    private long nextQuantity = 1;

    private OrderLatencyBench(Sandbox sandbox, KafkaProducer<String, String> producer) {
        this.sandbox = sandbox;
        this.producer = producer;
    }

    public static void main(String[] args) throws Exception {
        org.apache.kafka.common.utils.Exit.setShutdownHookAdder((name, runnable) -> { });
        int rate = Integer.getInteger("rate", 5);
        int seconds = Integer.getInteger("seconds", 30);
        int orders = Integer.getInteger("orders", 2000);

        Pair<Latency> paced = boot(false, (bench, path) -> bench.paced(path, rate, seconds));
        Pair<Throughput> lifted = boot(true, (bench, path) -> bench.lifted(path, orders));

        System.out.printf("%nOrder request consumed → kt10000 received by the sandbox; hub = routes/orders.camel.yaml, "
                + "plain = KafkaConsumer poll loop → HttpClient POST (%d cores, shared machine)%n",
                Runtime.getRuntime().availableProcessors());
        System.out.println("| measure | hub | plain | hub / plain |");
        System.out.println("|---|---|---|---|");
        row("p50 ms consumed → sent @ " + rate + "/s", paced.hub.consumedP50, paced.plain.consumedP50);
        row("p99 ms consumed → sent @ " + rate + "/s", paced.hub.consumedP99, paced.plain.consumedP99);
        System.out.printf("| mean ms of consumed → sent waiting for the hub's rate-limit slot @ %d/s | %.2f | – | |%n", rate,
                paced.hub.meanRateLimitWait);
        row("p50 ms produced → sent @ " + rate + "/s", paced.hub.producedP50, paced.plain.producedP50);
        row("p99 ms produced → sent @ " + rate + "/s", paced.hub.producedP99, paced.plain.producedP99);
        row("kt10000 sent/s @ " + rate + "/s offered", paced.hub.sentPerSecond, paced.plain.sentPerSecond);
        row(String.format("orders/s, rate limits lifted (%,d orders)", orders), lifted.hub.ordersPerSecond,
                lifted.plain.ordersPerSecond);
        System.out.printf("not accepted by the sandbox: hub %d paced, %d lifted; plain %d paced, %d lifted%n",
                paced.hub.notAccepted, lifted.hub.notAccepted, paced.plain.notAccepted, lifted.plain.notAccepted);
        System.out.printf("kt10000 sent again (after a 429): hub %d paced, %d lifted; plain %d paced, %d lifted%n",
                paced.hub.resent, lifted.hub.resent, paced.plain.resent, lifted.plain.resent);
        System.exit(0);
    }

    private static void row(String measure, double hub, double plain) {
        System.out.printf("| %s | %,.2f | %,.2f | %.2f |%n", measure, hub, plain, hub / plain);
    }

    /** One way from an order-request topic to the sandbox's kt10000. */
    private interface OrderPath {
        String topic();

        /** Orders Kiwoom accepted so far. */
        long accepted();

        /** Orders whose kt10000 answer was handled so far, accepted or not. */
        long answered();

        /** Nanoseconds kt10000 calls waited for a rate-limit slot so far; the plain loop has no limiter. */
        default long rateLimitWait() {
            return 0;
        }
    }

    @FunctionalInterface
    private interface Measure<T> {
        T on(OrderLatencyBench bench, OrderPath path) throws Exception;
    }

    private record Pair<T>(T hub, T plain) {
    }

    private record Latency(double consumedP50, double consumedP99, double producedP50, double producedP99,
                           double sentPerSecond, double meanRateLimitWait, long notAccepted, long resent) {
    }

    private record Throughput(double ordersPerSecond, long notAccepted, long resent) {
    }

    /** Boots the hub with only the order flow, measures it, then the plain loop in the same sandbox and broker. */
    private static <T> Pair<T> boot(boolean limitsLifted, Measure<T> measure) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KiwoomHubApplication.class)
                .run(settings(limitsLifted))) {
            Sandbox sandbox = app.getBean(Sandbox.class);
            String bootstrap = app.getEnvironment().getProperty("kafka.embedded-address");
            CamelContext camel = app.getBean(CamelContext.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                OrderLatencyBench bench = new OrderLatencyBench(sandbox, producer);
                T viaHub = measure.on(bench, new HubPath(camel, app.getBean(MeterRegistry.class), bench.consumedAt));
                camel.getRouteController().stopRoute(INTAKE);
                try (PlainLoop plain = new PlainLoop(bootstrap, sandbox.baseUrl(), bench.consumedAt)) {
                    return new Pair<>(viaHub, measure.on(bench, plain));
                }
            }
        }
    }

    private static String[] settings(boolean limitsLifted) {
        List<String> settings = new ArrayList<>(List.of(
                "--camel.main.routes-include-pattern=file:routes/orders.camel.yaml",
                "--camel.main.routes-reload-enabled=false",
                "--kiwoom.realtime.enabled=false",
                "--hub.feed.enabled=false",
                "--kiwoom.candles.jobs=",
                "--kiwoom.account.interval-ms=3600000",
                "--kiwoom.watchlist=" + SYMBOL,
                "--kiwoom.sandbox.tick-interval=0",
                "--kiwoom.sandbox.history-days=60",
                // every order reserves quantity × price; quantities run to a few thousand
                "--kiwoom.sandbox.initial-cash=1000000000000000",
                "--kiwoom.sandbox.symbols[0].code=" + SYMBOL,
                "--kiwoom.sandbox.symbols[0].name=BENCH",
                "--kiwoom.sandbox.symbols[0].market=KOSPI",
                "--kiwoom.sandbox.symbols[0].price=10000",
                "--kiwoom.sandbox.symbols[0].listed-shares=1000",
                "--kiwoom.sandbox.symbols[0].face-value=100",
                "--server.port=0",
                "--logging.level.root=WARN",
                // the plain topic is auto-created on first use; its metadata retries are expected
                "--logging.level.org.apache.kafka.clients.NetworkClient=ERROR"));
        String extra = System.getProperty("hubSettings", "").trim();
        if (!extra.isEmpty()) {
            settings.addAll(List.of(extra.split("\\s+")));
        }
        if (limitsLifted) {
            settings.add("--kiwoom.sandbox.rate-limit=0");
            settings.add("--kiwoom.client.rate-limit.sandbox=100000");
        }
        return settings.toArray(String[]::new);
    }

    /** Orders offered at a fixed rate; latency of each from consumed and from produced to received by the sandbox. */
    private Latency paced(OrderPath path, int rate, int seconds) throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        // token, connections and JIT are paid by the warm-up, which is not measured
        offer(path, 2 * rate, interval, 60);
        int n = rate * seconds;
        Run run = measured(path, n, interval, seconds + 120);
        long[] fromConsumed = new long[n];
        long[] fromProduced = new long[n];
        for (int i = 0; i < n; i++) {
            long q = run.first + i;
            Instant sent = run.sentAt.get(q);
            fromConsumed[i] = Duration.between(consumedAt.get(q), sent).toNanos();
            fromProduced[i] = Duration.between(producedAt.get(q), sent).toNanos();
        }
        Arrays.sort(fromConsumed);
        Arrays.sort(fromProduced);
        Instant firstSent = run.sentAt.get(run.first);
        Instant lastSent = run.sentAt.get(run.first + n - 1);
        return new Latency(BenchSupport.percentileMillis(fromConsumed, 0.50), BenchSupport.percentileMillis(fromConsumed, 0.99),
                BenchSupport.percentileMillis(fromProduced, 0.50), BenchSupport.percentileMillis(fromProduced, 0.99),
                (n - 1) / (Duration.between(firstSent, lastSent).toNanos() / 1e9), run.rateLimitWait / 1e6 / n,
                run.notAccepted, run.resent);
    }

    /** All orders on the topic at once: orders per second from the first consumed to the last received by the sandbox. */
    private Throughput lifted(OrderPath path, int orders) throws Exception {
        offer(path, 200, 0, 120);
        Run run = measured(path, orders, 0, 600);
        Instant start = Instant.MAX;
        Instant end = Instant.MIN;
        for (long q = run.first; q < run.first + orders; q++) {
            start = min(start, consumedAt.get(q));
            end = max(end, run.sentAt.get(q));
        }
        return new Throughput(orders / (Duration.between(start, end).toNanos() / 1e9), run.notAccepted, run.resent);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * @param first   quantity of the run's first order; the run's orders are first .. first + n - 1
     * @param sentAt  when the sandbox received each order's first kt10000, by quantity
     * @param resent  kt10000 requests beyond one per order (the hub sends again after a 429)
     * @param rateLimitWait nanoseconds the run's kt10000 calls waited for their rate-limit slots
     */
    private record Run(long first, Map<Long, Instant> sentAt, long notAccepted, long resent, long rateLimitWait) {
    }

    private Run measured(OrderPath path, int n, long intervalNanos, int timeoutSeconds) throws Exception {
        sandbox.requests().clear();
        long accepted = path.accepted();
        long waited = path.rateLimitWait();
        long first = nextQuantity;
        offer(path, n, intervalNanos, timeoutSeconds);
        Map<Long, Instant> sentAt = new HashMap<>();
        List<RequestJournal.ReceivedRequest> requests = sandbox.requests().withApiId(TR);
        for (RequestJournal.ReceivedRequest request : requests) {
            sentAt.putIfAbsent(Long.parseLong(String.valueOf(request.fields().get("ord_qty"))), request.at());
        }
        for (long q = first; q < first + n; q++) {
            if (!sentAt.containsKey(q) || !consumedAt.containsKey(q)) {
                throw new IllegalStateException("order " + q + " was not seen both consumed and sent");
            }
        }
        return new Run(first, sentAt, n - (path.accepted() - accepted), requests.size() - n, path.rateLimitWait() - waited);
    }

    /** Produces n orders, one every intervalNanos (0 = at once), and waits until each was answered. */
    private void offer(OrderPath path, int n, long intervalNanos, int timeoutSeconds) throws Exception {
        long answered = path.answered();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = t0 + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long q = nextQuantity++;
            String request = "{\"clientOrderId\":\"" + runId + "-" + q + "\",\"action\":\"NEW\",\"side\":\"BUY\","
                    + "\"symbol\":\"" + SYMBOL + "\",\"quantity\":" + q + ",\"orderType\":\"LIMIT\",\"price\":" + PRICE + "}";
            producedAt.put(q, Instant.now());
            producer.send(new ProducerRecord<>(path.topic(), "default", request), (metadata, error) -> {
                if (error != null) {
                    error.printStackTrace();
                }
            });
        }
        producer.flush();
        BenchSupport.waitFor(() -> path.answered() - answered >= n, timeoutSeconds);
    }

    /** The hub's order-intake route; a record counts as consumed when the route's exchange for it is created. */
    private static final class HubPath implements OrderPath {
        private final MeterRegistry meters;

        HubPath(CamelContext camel, MeterRegistry meters, Map<Long, Instant> consumedAt) throws Exception {
            this.meters = meters;
            EventNotifierSupport notifier = new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) throws Exception {
                    Instant now = Instant.now();
                    var exchange = ((CamelEvent.ExchangeCreatedEvent) event).getExchange();
                    if (INTAKE.equals(exchange.getFromRouteId())) {
                        JsonNode request = CanonicalJson.mapper().readTree(exchange.getMessage().getBody(String.class));
                        consumedAt.put(request.path("quantity").asLong(), now);
                    }
                }

                @Override
                public boolean isEnabled(CamelEvent event) {
                    return event instanceof CamelEvent.ExchangeCreatedEvent;
                }
            };
            camel.getManagementStrategy().addEventNotifier(notifier);
            ServiceHelper.startService(notifier);
        }

        @Override
        public String topic() {
            return HUB_TOPIC;
        }

        @Override
        public long accepted() {
            return (long) meters.find("kiwoom.orders.requests").tag("outcome", "accepted").counters().stream()
                    .mapToDouble(Counter::count).sum();
        }

        @Override
        public long answered() {
            // every outcome (accepted, rejected, unknown, ...) is counted once the record's outcome is journaled
            return (long) meters.find("kiwoom.orders.requests").counters().stream().mapToDouble(Counter::count).sum();
        }

        @Override
        public long rateLimitWait() {
            return (long) meters.find("kiwoom.ratelimit.wait").tag("apiId", TR).timers().stream()
                    .mapToDouble(t -> t.totalTime(TimeUnit.NANOSECONDS)).sum();
        }
    }

    /**
     * The plain way: a KafkaConsumer poll loop (offsets auto-committed) that posts each request's kt10000
     * body with java.net.http, one at a time; no validation, journal or transaction. A record counts as
     * consumed when the poll that returned it returns.
     */
    private static final class PlainLoop implements OrderPath, AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI orderUri;
        private final String token;
        private final Map<Long, Instant> consumedAt;
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong answered = new AtomicLong();
        private final Thread thread = new Thread(this::loop, "plain-order-loop");
        private volatile boolean running = true;

        PlainLoop(String bootstrap, String baseUrl, Map<Long, Instant> consumedAt) throws Exception {
            this.orderUri = URI.create(baseUrl + "/api/dostk/ordr");
            this.consumedAt = consumedAt;
            this.token = token(baseUrl);
            this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-orders",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
            consumer.subscribe(List.of(PLAIN_TOPIC));
            thread.start();
        }

        private String token(String baseUrl) throws Exception {
            SandboxSettings.Credential demo = SandboxSettings.DEMO;
            String body = CanonicalJson.mapper().writeValueAsString(Map.of("grant_type", "client_credentials",
                    "appkey", demo.appKey(), "secretkey", demo.secretKey()));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                    .header("Content-Type", "application/json;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return CanonicalJson.mapper().readTree(response.body()).path("token").asText();
        }

        private void loop() {
            try (consumer) {
                while (running) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    Instant polled = Instant.now();
                    for (ConsumerRecord<String, String> record : records) {
                        JsonNode request = CanonicalJson.mapper().readTree(record.value());
                        consumedAt.put(request.path("quantity").asLong(), polled);
                        place(request);
                    }
                }
            } catch (Exception e) {
                if (running) {
                    e.printStackTrace();
                }
            }
        }

        /** The same kt10000 body the hub sends for a NEW limit order. */
        private void place(JsonNode request) throws Exception {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("dmst_stex_tp", "KRX");
            body.put("stk_cd", request.path("symbol").asText());
            body.put("ord_qty", request.path("quantity").asText());
            body.put("ord_uv", request.path("price").asText());
            body.put("trde_tp", OrderType.valueOf(request.path("orderType").asText()).trdeTp());
            body.put("cond_uv", "");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(orderUri)
                    .header("Content-Type", "application/json;charset=UTF-8")
                    .header("api-id", TR)
                    .header("authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.mapper().writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && CanonicalJson.mapper().readTree(response.body()).path("return_code").asInt(-1) == 0) {
                accepted.incrementAndGet();
            }
            answered.incrementAndGet();
        }

        @Override
        public String topic() {
            return PLAIN_TOPIC;
        }

        @Override
        public long accepted() {
            return accepted.get();
        }

        @Override
        public long answered() {
            return answered.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join();
        }
    }
}
