package com.kiwoomhub.topics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code topics.*}: the Kafka topic names, each already carrying {@code topics.prefix}. Routes read the
 * same keys as {@code {{topics.trades}}}; Java reads them from here.
 *
 * @param prefix               prefix of every name below ({@code KIWOOM_TOPIC_PREFIX})
 * @param quotes               Quote records
 * @param candles              Candle records
 * @param account              account snapshots and positions
 * @param trades               trades (0B)
 * @param orderbooks           order books (0D)
 * @param marketStatus         market phases (0s)
 * @param conditionSignals     condition search matches and alerts
 * @param subscriptionRequests input: run-time SUBSCRIBE/UNSUBSCRIBE requests
 * @param deadLetters          rejected input with reason headers
 * @param orderRequests        input: order requests
 * @param orderEvents          order events
 * @param orderJournal         the order flow's compacted journal (internal)
 */
@ConfigurationProperties("topics")
public record TopicsProperties(String prefix, String quotes, String candles, String account, String trades,
                               String orderbooks, String marketStatus, String conditionSignals,
                               String subscriptionRequests, String deadLetters, String orderRequests,
                               String orderEvents, String orderJournal) {
}
