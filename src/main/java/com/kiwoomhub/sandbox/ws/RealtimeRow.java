package com.kiwoomhub.sandbox.ws;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of a REAL frame's {@code data} array. */
record RealtimeRow(String type, String item, Map<String, String> values) implements Outbound {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("00", "주문체결"),
            Map.entry("02", "조건검색"),
            Map.entry("04", "현물잔고"),
            Map.entry("0A", "주식기세"),
            Map.entry("0B", "주식체결"),
            Map.entry("0C", "주식우선호가"),
            Map.entry("0D", "주식호가잔량"),
            Map.entry("0E", "주식시간외호가"),
            Map.entry("0F", "주식당일거래원"),
            Map.entry("0G", "ETF NAV"),
            Map.entry("0H", "주식예상체결"),
            Map.entry("0I", "국제금환산가격"),
            Map.entry("0J", "업종지수"),
            Map.entry("0U", "업종등락"),
            Map.entry("0g", "주식종목정보"),
            Map.entry("0m", "ELW 이론가"),
            Map.entry("0s", "장시작시간"),
            Map.entry("0u", "ELW 지표"),
            Map.entry("0w", "종목별프로그램매매"),
            Map.entry("1h", "VI발동/해제"));

    RealtimeRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    JsonObject toJson() {
        JsonObject fields = new JsonObject();
        values.forEach(fields::put);
        return new JsonObject()
                .put("type", type)
                .put("name", NAMES.getOrDefault(type, ""))
                .put("item", item)
                .put("values", fields);
    }
}
