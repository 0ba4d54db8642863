package com.kiwoomhub.marketdata;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code kiwoom.candles.*}: which bars are polled and how deep the first poll reaches. */
@ConfigurationProperties("kiwoom.candles")
public record CandlePollingProperties(
        @DefaultValue List<String> jobs,
        @DefaultValue("3") int backfillPages,
        @DefaultValue("true") boolean adjusted) {
}
