package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code kiwoom.orders.*} as Spring binds it at startup. */
class OrdersPropertiesTest {

    @Test
    void journalRetentionDefaultsToSevenDays() {
        assertThat(bind(Map.of("kiwoom.orders.enabled", "true")).journalRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aJournalRetentionShorterThanADayStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("kiwoom.orders.journal-retention", "23h")))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kiwoom.orders.journal-retention must be at least 1d")
                .hasMessageContaining("PT23H");
    }

    @Test
    void aJournalRetentionOfExactlyADayIsAccepted() {
        assertThat(bind(Map.of("kiwoom.orders.journal-retention", "1d")).journalRetention()).isEqualTo(Duration.ofDays(1));
    }

    private static OrdersProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("kiwoom.orders", OrdersProperties.class);
    }
}
