package com.kiwoomhub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.kiwoomhub.KafkaTestkitShutdownHooks;
import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomEnvironment;

/** The election on its own: two members share two accounts, a leaving one hands over, a cut-off one stops. */
@ExtendWith(KafkaTestkitShutdownHooks.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaOwnershipTest {

    private static final String TOPIC = "kiwoom.hub-ownership";
    private static final List<KiwoomAccount> ACCOUNTS = List.of(account("alpha"), account("beta"));
    private static final ClusterProperties SETTINGS = new ClusterProperties(ClusterProperties.Service.KAFKA,
            "ownership-test", "", Duration.ofSeconds(6), Duration.ofSeconds(1),
            ClusterProperties.Kubernetes.defaults());

    private static EmbeddedKafkaKraftBroker broker;
    private static boolean brokerDown;

    @BeforeAll
    static void broker() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (!brokerDown) {
            broker.destroy();
        }
    }

    @Test
    @Order(1)
    void growsTheTopicToOnePartitionPerAccountAndSplitsTheAccountsBetweenMembers() {
        KafkaOwnership x = member("x");
        KafkaOwnership y = member("y");
        try {
            x.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> x.owns("alpha") && x.owns("beta"));
            y.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> owned(x).size() == 1 && owned(y).size() == 1);
            assertThat(owned(x)).doesNotContainAnyElementsOf(owned(y));
            String moved = owned(y).get(0);
            // the listeners (and the counter) hear of a gain just after owns() says it
            await().atMost(Duration.ofSeconds(1)).until(() -> y.takeovers(moved) == 1);
            assertThat(x.leaseAge(owned(x).get(0))).isLessThan(SETTINGS.lease());

            long leaving = System.nanoTime();
            y.stop();
            assertThat(y.owns(moved)).as("a stopped member owns nothing").isFalse();
            await().atMost(Duration.ofSeconds(3)).until(() -> x.owns(moved));
            System.out.println("Handover on leave: " + Duration.ofNanos(System.nanoTime() - leaving).toMillis() + " ms");
            await().atMost(Duration.ofSeconds(1)).until(() -> x.takeovers(moved) == 2);
        } finally {
            y.stop();
            x.stop();
        }
    }

    @Test
    @Order(2)
    void anOwnerCutOffFromKafkaStopsOnceItsLeaseHasLapsed() {
        KafkaOwnership x = member("x");
        List<String> lost = new CopyOnWriteArrayList<>();
        x.addListener(new AccountOwnership.Listener() {
            @Override
            public void gained(String alias) {
                // only losses matter here
            }

            @Override
            public void lost(String alias) {
                lost.add(alias);
            }
        });
        try {
            x.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> x.owns("alpha") && x.owns("beta"));
            long cut = System.nanoTime();
            brokerDown = true;
            broker.destroy();
            // the lease (session timeout minus heartbeat interval) ends at most that long after the cut
            await().atMost(SETTINGS.lease().plusSeconds(1)).until(() -> !x.owns("alpha") && !x.owns("beta"));
            long stopped = Duration.ofNanos(System.nanoTime() - cut).toMillis();
            System.out.println("Cut-off owner stopped " + stopped + " ms after the cut (lease " + SETTINGS.lease().toMillis() + " ms)");
            assertThat(stopped).as("the lease lasts while the coordinator may still count the member")
                    .isGreaterThan(SETTINGS.lease().minus(SETTINGS.heartbeatInterval()).toMillis());
            await().atMost(Duration.ofSeconds(1)).until(() -> lost.containsAll(List.of("alpha", "beta")));
        } finally {
            x.stop();
        }
    }

    private static List<String> owned(KafkaOwnership member) {
        return ACCOUNTS.stream().map(KiwoomAccount::alias).filter(member::owns).toList();
    }

    private static KafkaOwnership member(String id) {
        return new KafkaOwnership(ACCOUNTS, broker.getBrokersAsString(), TOPIC, SETTINGS, id);
    }

    private static KiwoomAccount account(String alias) {
        return new KiwoomAccount(alias, "key-" + alias, "secret-" + alias, null, KiwoomEnvironment.SANDBOX,
                "http://127.0.0.1:1", "ws://127.0.0.1:1");
    }
}
