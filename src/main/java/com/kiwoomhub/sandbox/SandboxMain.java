package com.kiwoomhub.sandbox;

import java.util.concurrent.CountDownLatch;

import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs the sandbox on its own, for tools that want a Kiwoom endpoint without the hub. Settings come
 * from {@code --kiwoom.sandbox.*} arguments, system properties or the environment
 * ({@code KIWOOM_SANDBOX_PORT=18080}), e.g. {@code --kiwoom.sandbox.port=18080 --kiwoom.sandbox.mock=true}.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        Sandbox sandbox = Sandbox.start(SandboxSettings.from(environment));
        sandbox.warmUp();
        SandboxSettings.Credential demo = sandbox.settings().credentials().get(0);
        // only the public demo key is printed; configured keys stay out of the output
        String key = demo.equals(SandboxSettings.DEMO)
                ? "app key " + demo.appKey() + " / secret key " + demo.secretKey() : "the configured kiwoom.sandbox.credentials";
        System.out.println("Kiwoom sandbox REST at " + sandbox.baseUrl() + ", WebSocket at " + sandbox.wsUrl()
                + "; log in with " + key + ", account " + demo.accountNumber());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        stopped.await();
    }
}
