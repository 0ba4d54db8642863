package com.kiwoomhub;

import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.extension.Extension;

/**
 * Kafka's testkit deletes its log dir from a JVM shutdown hook while the broker still runs; tests
 * that start an in-process broker register this extension so that no such hook is added. The hook
 * adder is replaced when JUnit creates the extension, before any callback or Spring context of the
 * test class, so before any broker starts.
 */
public final class KafkaTestkitShutdownHooks implements Extension {

    static {
        Exit.setShutdownHookAdder((name, runnable) -> { });
    }
}
