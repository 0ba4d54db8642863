package com.kiwoomhub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.kiwoomhub.KiwoomHubApplication;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Quotes for a large watchlist against the sandbox enforcing 5 requests a second: the hub's quotes
 * route with ka10095 (100 codes a call) next to the per-symbol ka10001 way, both in this run, each as
 * cycle time over its theoretical minimum (calls / 5 per second). Run from the project folder:
 * {@code ./mvnw -q -Pbench test-compile exec:java -Dbench=QuotePollingBench [-Dsymbols=1000 -Dcycles=5]}.
 */
public final class QuotePollingBench {

    private static final int RATE = 5;

    public static void main(String[] args) {
        org.apache.kafka.common.utils.Exit.setShutdownHookAdder((name, runnable) -> { });
        int symbols = Integer.getInteger("symbols", 1000);
        int cycles = Integer.getInteger("cycles", 5);

        Result batched = run("ka10095", symbols, 1, cycles, (symbols + 99) / 100);
        // One long cycle: its start-up share is negligible, so nothing is discarded.
        Result single = run("ka10001", symbols, 0, 1, symbols);

        System.out.printf("%nQuotes for %d symbols per cycle, sandbox at %d req/s per TR (2 cores, shared machine)%n",
                symbols, RATE);
        System.out.println("TR        calls/cycle  cycles  mean cycle  theoretical min  ratio  429s");
        print(batched);
        print(single);
        System.out.printf("ka10001 / ka10095 cycle time: %.1fx%n", single.meanSeconds / batched.meanSeconds);
        System.exit(0);
    }

    private record Result(String tr, int calls, int cycles, double meanSeconds, double minimumSeconds, double rejected) {
    }

    private static void print(Result r) {
        System.out.printf("%-9s %11d  %6d  %8.2f s  %13.2f s  %5.3f  %4.0f%n", r.tr, r.calls, r.cycles, r.meanSeconds,
                r.minimumSeconds, r.meanSeconds / r.minimumSeconds, r.rejected);
    }

    private static Result run(String tr, int symbols, int warmUpCycles, int cycles, int callsPerCycle) {
        List<String> properties = new ArrayList<>(List.of(
                "--kiwoom.quotes.tr=" + tr,
                "--kiwoom.quotes.interval-ms=50",
                "--kiwoom.candles.jobs=",
                "--kiwoom.account.interval-ms=3600000",
                "--kiwoom.realtime.enabled=false",
                "--kiwoom.sandbox.tick-interval=0",
                "--kiwoom.sandbox.history-days=60",
                "--kiwoom.sandbox.rate-limit=" + RATE,
                "--camel.main.routes-reload-enabled=false",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.quotes=INFO"));
        StringBuilder watchlist = new StringBuilder();
        for (int i = 0; i < symbols; i++) {
            String code = String.format("%06d", 900000 + i);
            properties.add("--kiwoom.sandbox.symbols[" + i + "].code=" + code);
            properties.add("--kiwoom.sandbox.symbols[" + i + "].name=BENCH" + i);
            properties.add("--kiwoom.sandbox.symbols[" + i + "].market=KOSPI");
            properties.add("--kiwoom.sandbox.symbols[" + i + "].price=" + (10_000 + 10 * (i % 500)));
            properties.add("--kiwoom.sandbox.symbols[" + i + "].listed-shares=1000");
            properties.add("--kiwoom.sandbox.symbols[" + i + "].face-value=100");
            watchlist.append(i == 0 ? "" : ",").append(code);
        }
        properties.add("--kiwoom.watchlist=" + watchlist);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(KiwoomHubApplication.class)
                .run(properties.toArray(String[]::new))) {
            MeterRegistry meters = hub.getBean(MeterRegistry.class);
            // Warm-up cycles pay for token issue, connections and JIT; they are not measured.
            waitForCycles(meters, warmUpCycles);
            Timer timer = cycleTimer(meters);
            long countBefore = timer == null ? 0 : timer.count();
            double totalBefore = timer == null ? 0 : timer.totalTime(TimeUnit.SECONDS);
            waitForCycles(meters, warmUpCycles + cycles);
            timer = cycleTimer(meters);
            double mean = (timer.totalTime(TimeUnit.SECONDS) - totalBefore) / (timer.count() - countBefore);
            var rejected = meters.find("kiwoom.tr.errors").tag("code", "1700").counter();
            return new Result(tr, callsPerCycle, (int) (timer.count() - countBefore), mean, (double) callsPerCycle / RATE,
                    rejected == null ? 0 : rejected.count());
        }
    }

    private static Timer cycleTimer(MeterRegistry meters) {
        return meters.find("camel.route.policy").tag("routeId", "quotes").timer();
    }

    private static void waitForCycles(MeterRegistry meters, int cycles) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            Timer timer = cycleTimer(meters);
            if (cycles == 0 || timer != null && timer.count() >= cycles) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("quotes route did not complete " + cycles + " cycles in 15 minutes");
    }
}
