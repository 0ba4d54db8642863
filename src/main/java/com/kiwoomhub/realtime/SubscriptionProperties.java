package com.kiwoomhub.realtime;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kiwoom.realtime.subscriptions.*}: what the hub subscribes by itself at start, on top of the
 * run-time requests from {@code kiwoom.subscription-requests}.
 *
 * @param channels     channels subscribed for every watchlist symbol ({@code trades}, {@code orderbooks})
 * @param marketStatus register 0s 장시작시간 once (market phases)
 * @param positions    register 04 잔고 on every account (position changes)
 * @param groupId      Kafka consumer group reading the subscription requests
 */
@ConfigurationProperties("kiwoom.realtime.subscriptions")
public record SubscriptionProperties(
        @DefaultValue({"trades", "orderbooks"}) List<String> channels,
        @DefaultValue("true") boolean marketStatus,
        @DefaultValue("true") boolean positions,
        @DefaultValue("kiwoom-hub-subscriptions") String groupId) {
}
