package com.kiwoomhub.marketdata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code kiwoom.quotes.*}: how the watchlist is polled. */
@ConfigurationProperties("kiwoom.quotes")
public record QuotePollingProperties(
        @DefaultValue("ka10095") String tr,
        @DefaultValue("100") int batchSize) {
}
