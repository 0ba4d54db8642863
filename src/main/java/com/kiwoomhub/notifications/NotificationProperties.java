package com.kiwoomhub.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.notifications.*}: the Slack incoming webhook (notifications are off while it is blank),
 * the channel named in each message, and the rate cap: at most {@code maxPerWindow} messages per
 * {@code window}, the rest counted and summarised in one message when the window closes.
 */
@ConfigurationProperties("hub.notifications")
public record NotificationProperties(
        @DefaultValue("") String slackWebhookUrl,
        @DefaultValue("#kiwoom-alerts") String slackChannel,
        @DefaultValue("20") int maxPerWindow,
        @DefaultValue("60s") Duration window,
        @DefaultValue("kiwoom-hub-notifications") String groupId,
        @DefaultValue("latest") String autoOffsetReset) {

    public NotificationProperties {
        if (maxPerWindow < 1) {
            throw new IllegalStateException("hub.notifications.max-per-window must be at least 1, got " + maxPerWindow);
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalStateException("hub.notifications.window must be positive, got " + window);
        }
    }

    public boolean enabled() {
        return slackWebhookUrl != null && !slackWebhookUrl.isBlank();
    }

    /** The webhook URL is a credential: never printed. */
    @Override
    public String toString() {
        return "NotificationProperties[enabled=" + enabled() + ", slackChannel=" + slackChannel + ", maxPerWindow="
                + maxPerWindow + ", window=" + window + "]";
    }
}
