package com.kiwoomhub.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;

import com.kiwoomhub.KiwoomHubApplication;

/**
 * The hub as a separate JVM for crash tests. With {@code -Dhub.crash-at=<STEP>:<clientOrderId>} the
 * process halts (no shutdown hooks, no flush, like SIGKILL) when that request reaches that step boundary.
 */
public final class CrashingHub {

    private CrashingHub() {
    }

    public static void main(String[] args) {
        String crashAt = System.getProperty("hub.crash-at", "");
        SpringApplication app = new SpringApplication(KiwoomHubApplication.class);
        if (!crashAt.isBlank()) {
            String[] parts = crashAt.split(":", 2);
            OrderFlowProbe.Step step = OrderFlowProbe.Step.valueOf(parts[0]);
            String clientOrderId = parts[1];
            app.addInitializers(context -> ((GenericApplicationContext) context).registerBean(OrderFlowProbe.class,
                    () -> (reached, entry) -> {
                        if (reached == step && clientOrderId.equals(entry.clientOrderId())) {
                            System.out.println("CRASHING at " + reached + " of " + clientOrderId);
                            System.out.flush();
                            Runtime.getRuntime().halt(137);
                        }
                    }));
        }
        app.run(args);
    }
}
