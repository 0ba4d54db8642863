package com.kiwoomhub.realtime;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kiwoom.realtime.subscriptions.*}: what the hub subscribes by itself at start, on top of the
 * run-time requests from {@code kiwoom.subscription-requests}.
 *
 * @param channels     stock channels subscribed for every real-time watchlist symbol ({@code trades}, {@code orderbooks} …)
 * @param watchlist    the real-time watchlist (default: the quote watchlist {@code kiwoom.watchlist})
 * @param indices      index codes subscribed for 0J ({@code 001} KOSPI, {@code 101} KOSDAQ)
 * @param marketStatus register 0s 장시작시간 once (market phases)
 * @param marketEvents register 1h VI발동/해제 once for the whole market
 * @param positions    register 04 잔고 on every account (position changes)
 * @param groupId      Kafka consumer group reading the subscription requests
 */
@ConfigurationProperties("kiwoom.realtime.subscriptions")
public record SubscriptionProperties(
        @DefaultValue({"trades", "orderbooks"}) List<String> channels,
        @DefaultValue List<String> watchlist,
        @DefaultValue({"001", "101"}) List<String> indices,
        @DefaultValue("true") boolean marketStatus,
        @DefaultValue("true") boolean marketEvents,
        @DefaultValue("true") boolean positions,
        @DefaultValue("kiwoom-hub-subscriptions") String groupId) {
}
