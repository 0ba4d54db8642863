package com.kiwoomhub.marketdata;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kiwoom.candles.*}: which bars are polled and how deep the first poll reaches: back to
 * {@code backfillFrom} when set (progress logged every {@code progressInterval}), else
 * {@code backfillPages} pages.
 */
@ConfigurationProperties("kiwoom.candles")
public record CandlePollingProperties(
        @DefaultValue List<String> jobs,
        @DefaultValue("3") int backfillPages,
        LocalDate backfillFrom,
        @DefaultValue("5s") Duration progressInterval,
        @DefaultValue("true") boolean adjusted) {
}
