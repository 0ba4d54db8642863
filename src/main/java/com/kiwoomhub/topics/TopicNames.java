package com.kiwoomhub.topics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The names of the hub's topics, one per key under {@code topics} ({@code topics.trades},
 * {@code topics.order-journal}, ...), each with the {@code topics.prefix} already in front. The Java
 * side reads them here; routes use the same keys as {@code {{topics.x}}} placeholders. How the topics
 * are created is {@link TopicsProperties}; the topic setup finds every name through {@link TopicCatalog}.
 *
 * @param quotes               Quote records (ka10095/ka10001)
 * @param candles              Candle records
 * @param account              account snapshots and positions
 * @param trades               Trade records (0B)
 * @param orderbooks           OrderBook records (0D)
 * @param marketStatus         MarketStatus records (0s)
 * @param indices              IndexTick records (0J, ka20001)
 * @param marketEvents         VolatilityInterruption records (1h)
 * @param expectedTrades       ExpectedTrade records (0H)
 * @param programTrades        ProgramTrade records (0w)
 * @param streamStatus         gap markers of the real-time stream
 * @param conditionSignals     ConditionSignal records
 * @param subscriptionRequests input: SubscriptionRequests
 * @param deadLetters          rejected input with its reason
 * @param orderRequests        input: OrderRequests
 * @param orderEvents          OrderEvent records
 * @param orderJournal         the order journal (compacted, internal)
 * @param subscriptions        the run-time subscriptions (compacted, internal)
 * @param candleProgress       the last closed candle published per series (compacted, internal)
 * @param hubOwnership         the group that elects each account's owner (no records, internal)
 */
@ConfigurationProperties("topics")
public record TopicNames(String quotes, String candles, String account, String trades, String orderbooks,
                         String marketStatus, String indices, String marketEvents, String expectedTrades,
                         String programTrades, String streamStatus, String conditionSignals,
                         String subscriptionRequests, String deadLetters, String orderRequests, String orderEvents,
                         String orderJournal, String subscriptions, String candleProgress,
                         String hubOwnership) {
}
