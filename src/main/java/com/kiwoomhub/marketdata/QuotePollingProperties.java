package com.kiwoomhub.marketdata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kiwoom.quotes.*}: how the watchlist is polled.
 *
 * @param shared false: the primary account polls the whole watchlist; true: every configured account polls its
 *               own slice with its own app key (Kiwoom's budget is per app key), see {@link QuoteSlice}
 */
@ConfigurationProperties("kiwoom.quotes")
public record QuotePollingProperties(
        @DefaultValue("ka10095") String tr,
        @DefaultValue("100") int batchSize,
        @DefaultValue("false") boolean shared) {
}
