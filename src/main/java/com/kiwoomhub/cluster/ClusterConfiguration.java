package com.kiwoomhub.cluster;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Configuration;

import com.kiwoomhub.kiwoom.AccountOwnership;
import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.topics.TopicDeclaration;
import com.kiwoomhub.topics.TopicNames;
import com.kiwoomhub.topics.TopicSettings;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Who owns which account ({@code hub.cluster.service}): {@code none} = this instance, all of them;
 * {@code kafka} = elected through the group on {@code topics.hub-ownership} ({@link KafkaOwnership});
 * {@code kubernetes} = elected through Leases ({@link KubernetesOwnershipConfiguration}, which alone
 * touches the Kubernetes classes). Either is exposed to routes as the Camel cluster service
 * {@link OwnershipClusterService}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    /** One partition per account: the member assigned partition i owns account i. */
    @Bean
    TopicDeclaration hubOwnershipTopic(KiwoomAccounts accounts) {
        return new TopicDeclaration("hub-ownership",
                new TopicSettings(Math.max(1, accounts.all().size()), null, null, null, null, Map.of()), false);
    }

    @Bean
    @ConditionalOnProperty(name = "hub.cluster.service", havingValue = "kafka")
    KafkaOwnership accountOwnership(KiwoomAccounts accounts, ClusterProperties settings,
                                    @Value("${kafka.bootstrap-servers}") String bootstrapServers,
                                    TopicNames topics, CamelContext camel) throws Exception {
        String instance = settings.instanceId().isBlank()
                ? System.getenv().getOrDefault("HOSTNAME", "hub") + "-" + ProcessHandle.current().pid()
                : settings.instanceId();
        KafkaOwnership ownership = new KafkaOwnership(accounts.all(), bootstrapServers, topics.hubOwnership(), settings, instance);
        startOnceCamelStarted(ownership, camel);
        return ownership;
    }

    /** The election starts once the routes are up, so that their ClusteredRoutePolicy sees every gain. */
    static void startOnceCamelStarted(Lifecycle ownership, CamelContext camel) throws Exception {
        camel.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                if (alreadyStarted) {
                    ownership.start();
                }
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                ownership.start();
            }
        });
    }

    @Bean("accountOwnership")
    @ConditionalOnProperty(name = "hub.cluster.service", havingValue = "none", matchIfMissing = true)
    AccountOwnership singleInstance() {
        return AccountOwnership.ALL;
    }

    @Bean
    @ConditionalOnExpression("!'${hub.cluster.service:none}'.equalsIgnoreCase('none')")
    OwnershipClusterService ownershipClusterService(ClusterOwnership ownership, CamelContext camel) throws Exception {
        OwnershipClusterService service = new OwnershipClusterService(ownership);
        service.setCamelContext(camel);
        camel.addService(service);
        return service;
    }

    @Bean
    AccountOwnerPolicies accountOwnerPolicies(ObjectProvider<OwnershipClusterService> cluster, CamelContext camel) {
        return new AccountOwnerPolicies(cluster.getIfAvailable(), camel);
    }

    /**
     * The route policy of the routes that use the primary account (candles, indices, the order intake):
     * they run on its owner only. With {@code none}, or no account, it does nothing. (The quotes route runs
     * everywhere and polls the slices of the owned accounts.)
     */
    @Bean
    RoutePolicy primaryAccountOwner(KiwoomAccounts accounts, AccountOwnerPolicies policies) throws Exception {
        return accounts.isEmpty() ? new RoutePolicySupport() {
        } : policies.forAccount(accounts.primary().alias());
    }

    @Bean
    OwnedAccounts ownedAccounts(KiwoomAccounts accounts, AccountOwnership ownership) {
        return new OwnedAccounts(accounts, ownership);
    }

    @Bean("hubCluster")
    ClusterHealthIndicator hubClusterHealthIndicator(ClusterProperties settings, KiwoomAccounts accounts,
                                                     AccountOwnership ownership,
                                                     ObjectProvider<ClusterOwnership> election, MeterRegistry meters) {
        return new ClusterHealthIndicator(settings, accounts, ownership, election.getIfAvailable(), meters);
    }
}
