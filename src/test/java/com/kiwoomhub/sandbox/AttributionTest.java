package com.kiwoomhub.sandbox;

import static com.kiwoomhub.sandbox.RestTestClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.kiwoomhub.sandbox.RequestJournal.ReceivedRequest;

/** The request journal tells clients apart by the loopback address they called and the app key of their token. */
class AttributionTest {

    private final Sandbox sandbox = Sandbox.start(SandboxSettings.of(Map.of("tick-interval", "0", "rate-limit", "1",
            "also-listen-on", "127.0.0.2")));

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void eachRequestIsJournaledWithTheAddressItReachedAndTheAppKeyOfItsToken() {
        RestTestClient other = new RestTestClient(sandbox.baseUrl("127.0.0.2")).login();
        RestTestClient local = new RestTestClient(sandbox).login();

        assertThat(other.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "005930")).status()).isEqualTo(200);
        assertThat(local.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "000660")).status())
                .as("the second call of the app key within the second").isEqualTo(429);

        List<ReceivedRequest> journal = sandbox.requests().all();
        assertThat(journal).extracting(ReceivedRequest::apiId, ReceivedRequest::reachedAt, ReceivedRequest::appKey)
                .containsExactly(
                        tuple(null, "127.0.0.2", null),
                        tuple(null, "127.0.0.1", null),
                        tuple("ka10001", "127.0.0.2", SandboxSettings.DEMO.appKey()),
                        tuple("ka10001", "127.0.0.1", SandboxSettings.DEMO.appKey()));
        assertThat(sandbox.rateLimitedReplies()).isEqualTo(1);
        sandbox.faults().rateLimitNext("ka10001", 1);
        local.call("/api/dostk/stkinfo", "ka10001", body("stk_cd", "000660"));
        assertThat(sandbox.rateLimitedReplies()).as("an injected 429 is not counted").isEqualTo(1);
    }
}
