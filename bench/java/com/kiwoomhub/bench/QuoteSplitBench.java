package com.kiwoomhub.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.kiwoomhub.KiwoomHubApplication;
import com.kiwoomhub.cluster.ClusterHubArguments;
import com.kiwoomhub.sandbox.Sandbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Quotes for three accounts × 1,000 symbols (a 3,000-symbol watchlist, ka10095 batches of 100: 10 calls per
 * account and cycle, at least 2 s at 5 calls/s) against one sandbox enforcing 5 requests a second per app key
 * and TR, three ways: the primary account alone polling the whole watchlist ({@code kiwoom.quotes.shared=false},
 * the baseline: 30 calls, 6 s); one instance holding all three accounts with {@code shared=true} (three slices
 * side by side); three instances in this JVM ({@code hub.cluster.service=kafka}), one account each. Prints each
 * account's mean cycle over the 2 s minimum. Run from the project folder:
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=QuoteSplitBench [-Dsymbols=1000 -Dcycles=5]}.
 */
public final class QuoteSplitBench {

    private static final List<String> ACCOUNTS = List.of("alpha", "beta", "gamma");
    private static final int RATE = 5;
    private static final int BATCH = 100;

    private static EmbeddedKafkaKraftBroker broker;
    private static Sandbox sandbox;
    private static String watchlist;

    private record Row(String setup, String account, int symbols, int calls, long cycles, double meanSeconds,
                       double rejected) {
    }

    public static void main(String[] args) throws Exception {
        org.apache.kafka.common.utils.Exit.setShutdownHookAdder((name, runnable) -> { });
        int perAccount = Integer.getInteger("symbols", 1000);
        int cycles = Integer.getInteger("cycles", 5);
        int symbols = perAccount * ACCOUNTS.size();
        start(symbols);
        List<Row> rows = new ArrayList<>();
        try {
            try (ConfigurableApplicationContext hub = inThisJvm("solo", "none", false)) {
                rows.addAll(measure("primary only", Map.of("alpha", hub), cycles));
            }
            try (ConfigurableApplicationContext hub = inThisJvm("all-three", "none", true)) {
                rows.addAll(measure("1 instance, shared", Map.of("alpha", hub, "beta", hub, "gamma", hub), cycles));
            }
            List<ConfigurableApplicationContext> hubs = new ArrayList<>();
            try {
                for (int i = 1; i <= ACCOUNTS.size(); i++) {
                    hubs.add(inThisJvm("i" + i, "kafka", true));
                }
                BenchSupport.waitFor(() -> hubs.stream().allMatch(h -> owned(h).size() == 1), 120);
                Map<String, ConfigurableApplicationContext> owners = new LinkedHashMap<>();
                ACCOUNTS.forEach(a -> owners.put(a, hubs.stream().filter(h -> owned(h).contains(a)).findFirst().orElseThrow()));
                rows.addAll(measure("3 instances, shared", owners, cycles));
            } finally {
                hubs.forEach(ConfigurableApplicationContext::close);
            }
        } finally {
            sandbox.close();
            broker.destroy();
        }
        print(rows, perAccount);
        System.exit(0);
    }

    /** Mean cycle of each account's slice on the instance that owns it, after one warm-up cycle. */
    private static List<Row> measure(String setup, Map<String, ConfigurableApplicationContext> owners, int cycles)
            throws InterruptedException {
        Map<String, long[]> before = new LinkedHashMap<>();
        BenchSupport.waitFor(() -> owners.entrySet().stream().allMatch(e -> timer(e.getValue(), e.getKey()).count() >= 1), 300);
        owners.forEach((account, hub) -> before.put(account, snapshot(timer(hub, account))));
        BenchSupport.waitFor(() -> owners.entrySet().stream()
                .allMatch(e -> timer(e.getValue(), e.getKey()).count() >= before.get(e.getKey())[0] + cycles), 900);
        List<Row> rows = new ArrayList<>();
        owners.forEach((account, hub) -> {
            Timer timer = timer(hub, account);
            long[] then = before.get(account);
            long count = timer.count() - then[0];
            double seconds = (timer.totalTime(TimeUnit.NANOSECONDS) - then[1]) / 1e9 / count;
            int slice = (int) hub.getBean(MeterRegistry.class).get("kiwoom.quotes.symbols").tag("account", account)
                    .gauge().value();
            var rejected = hub.getBean(MeterRegistry.class).find("kiwoom.tr.errors").tag("code", "1700").counter();
            rows.add(new Row(setup, account, slice, (slice + BATCH - 1) / BATCH, count, seconds,
                    rejected == null ? 0 : rejected.count()));
        });
        return rows;
    }

    private static long[] snapshot(Timer timer) {
        return new long[] {timer.count(), (long) timer.totalTime(TimeUnit.NANOSECONDS)};
    }

    private static Timer timer(ConfigurableApplicationContext hub, String account) {
        return hub.getBean(MeterRegistry.class).get("kiwoom.quotes.cycle").tag("account", account).timer();
    }

    private static List<String> owned(ConfigurableApplicationContext hub) {
        MeterRegistry meters = hub.getBean(MeterRegistry.class);
        return ACCOUNTS.stream().filter(a -> {
            var owned = meters.find("hub.cluster.owned").tag("account", a).gauge();
            return owned != null && owned.value() == 1;
        }).toList();
    }

    private static void print(List<Row> rows, int perAccount) {
        double minimum = (double) ((perAccount + BATCH - 1) / BATCH) / RATE;
        System.out.printf("%nQuotes, %d accounts x %d symbols (ka10095, %d codes a call), sandbox at %d req/s per app key"
                + " and TR (2 cores, shared machine); minimum per account: %.2f s%n", ACCOUNTS.size(), perAccount, BATCH,
                RATE, minimum);
        System.out.println("setup                 account  symbols  calls/cycle  cycles  mean cycle  cycle / min  1700s");
        for (Row r : rows) {
            System.out.printf("%-20s  %-7s  %7d  %11d  %6d  %8.2f s  %11.3f  %5.0f%n", r.setup, r.account, r.symbols,
                    r.calls, r.cycles, r.meanSeconds, r.meanSeconds / minimum, r.rejected);
        }
    }

    private static void start(int symbols) throws Exception {
        broker = ClusterHubArguments.broker(Map.of());
        sandbox = Sandbox.start(ClusterHubArguments.sandboxFor(ACCOUNTS, Map.of("rate-limit", Integer.toString(RATE),
                "generated-symbols", Integer.toString(symbols), "history-days", "60")));
        // the histories a quote row needs, made before the hubs ask (else the first calls wait for them)
        sandbox.warmUp().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < symbols; i++) {
            codes.append(i == 0 ? "" : ",").append(100_000 + i);
        }
        watchlist = codes.toString();
    }

    private static ConfigurableApplicationContext inThisJvm(String instance, String clusterService, boolean shared) {
        return new SpringApplicationBuilder(KiwoomHubApplication.class).run(
                ClusterHubArguments.of(broker.getBrokersAsString(), sandbox, ACCOUNTS, instance)
                        .set("hub.cluster.service", clusterService)
                        .set("kiwoom.watchlist", watchlist)
                        .set("kiwoom.quotes.shared", Boolean.toString(shared))
                        .set("kiwoom.quotes.interval-ms", "50")
                        .set("kiwoom.candles.jobs", "")
                        .set("kiwoom.account.interval-ms", "3600000")
                        .set("kiwoom.orders.enabled", "false")
                        .set("kiwoom.realtime.enabled", "false")
                        .set("logging.level.root", "WARN")
                        .list().toArray(String[]::new));
    }
}
