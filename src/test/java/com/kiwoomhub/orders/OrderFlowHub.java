package com.kiwoomhub.orders;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.KiwoomHubApplication;

/**
 * The hub as the order-flow and control-surface tests run it: the sandbox, the embedded broker, the
 * routes from {@code routes/}, an admin token, and {@code env}/{@code configprops} exposed with every
 * value shown (to prove the hub masks its secrets itself). Test classes extend it to share one context
 * (also sandbox.SandboxStartupTest: no Kiwoom keys, so the hub starts its sandbox).
 */
@SpringBootTest(classes = KiwoomHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camel.main.routes-reload-enabled=false", "kiwoom.sandbox.tick-interval=0",
                "kiwoom.orders.exchanges=KRX,NXT", "kiwoom.orders.risk.blocked-symbols=000660",
                "kiwoom.orders.risk.max-quantity=5000", "kiwoom.orders.recovery-after=1s",
                "kiwoom.orders.recovery-interval-ms=500", "kiwoom.client.request-timeout=2s",
                "hub.admin.token=" + OrderFlowHub.ADMIN_TOKEN,
                "management.endpoints.web.exposure.include=health,info,prometheus,orderkillswitch,env,configprops",
                "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always"})
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KafkaTestkitShutdownHooks.class)
public abstract class OrderFlowHub {

    public static final String ADMIN_TOKEN = "admin-token-for-tests";
}
