package com.kiwoomhub.marketdata;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code kiwoom.market-hours.*}: when the hub polls, in KST. */
@ConfigurationProperties("kiwoom.market-hours")
public record MarketHoursProperties(
        @DefaultValue("08:00") LocalTime open,
        @DefaultValue("20:00") LocalTime close,
        @DefaultValue List<LocalDate> holidays) {
}
