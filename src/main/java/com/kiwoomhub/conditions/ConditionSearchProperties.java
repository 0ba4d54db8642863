package com.kiwoomhub.conditions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kiwoom.conditions.*}: which HTS conditions (조건식) the hub runs. The two lists are
 * comma-separated names or seqs; {@code routes/conditions.camel.yaml} passes them to
 * {@link ConditionSearch#want} whenever it is (re)loaded.
 *
 * @param realtime    conditions watched in real time (search_type 1): a MATCH list, then ENTER/EXIT alerts
 * @param periodic    conditions searched every {@code intervalMs} (search_type 0, every page): MATCH lists
 * @param intervalMs  milliseconds between periodic searches; 0 = none
 * @param exchange    {@code stex_tp} of the searches: K (KRX), N (NXT), A (통합)
 * @param account     alias of the account whose session runs condition search; blank = the first account
 * @param maxRealtime real-time conditions per login (Kiwoom's policy: 10)
 */
@ConfigurationProperties("kiwoom.conditions")
public record ConditionSearchProperties(
        @DefaultValue("") String realtime,
        @DefaultValue("") String periodic,
        @DefaultValue("0") long intervalMs,
        @DefaultValue("K") String exchange,
        @DefaultValue("") String account,
        @DefaultValue("10") int maxRealtime) {
}
