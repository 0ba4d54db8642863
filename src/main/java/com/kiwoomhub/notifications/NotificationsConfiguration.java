package com.kiwoomhub.notifications;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Switches {@code routes/notifications.camel.yaml} on when a Slack webhook is configured: the routes
 * start on {@code {{hub.notifications.enabled}}}, which is derived here from the URL being set.
 */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationsConfiguration {

    /** The webhook for {@code slack:...?webhookUrl=#bean:slackWebhookUrl}, so that no URI or log carries it. */
    @Bean("slackWebhookUrl")
    String slackWebhookUrl(NotificationProperties settings) {
        return settings.slackWebhookUrl();
    }

    @Bean
    CamelContextConfiguration notificationsSwitch(NotificationProperties settings) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.getPropertiesComponent().addOverrideProperty("hub.notifications.enabled",
                        Boolean.toString(settings.enabled()));
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once started
            }
        };
    }
}
