package com.kiwoomhub.canonical;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Real-time 0s 장시작시간 → {@link MarketStatus}. */
public final class MarketStatusTranslator {

    public static final String TYPE = "0s";

    /** FID 215 장운영구분 codes (docs/kiwoom-protocol.md §9.7: Kiwoom's 2026 guide; the older PDF names V/W differently). */
    static final Map<String, String> PHASES = Map.ofEntries(
            Map.entry("0", "장시작전 알림"),
            Map.entry("3", "장시작"),
            Map.entry("2", "장마감 알림"),
            Map.entry("4", "장마감"),
            Map.entry("8", "정규장마감"),
            Map.entry("9", "전체장마감"),
            Map.entry("a", "시간외 종가매매 시작"),
            Map.entry("b", "시간외 종가매매 종료"),
            Map.entry("c", "시간외 단일가 시작"),
            Map.entry("d", "시간외 단일가 종료"),
            Map.entry("P", "NXT 프리마켓 시작"),
            Map.entry("Q", "NXT 프리마켓 종료"),
            Map.entry("R", "NXT 메인마켓 시작"),
            Map.entry("S", "NXT 메인마켓 종료"),
            Map.entry("T", "NXT 애프터마켓 단일가 시작"),
            Map.entry("U", "NXT 애프터마켓 시작"),
            Map.entry("V", "NXT 애프터마켓 종료"));

    /** Codes that announce a Nextrade phase; every other code is KRX's. */
    static final Set<String> NXT_PHASES = Set.of("P", "Q", "R", "S", "T", "U", "V", "W");

    private MarketStatusTranslator() {
    }

    /** Every 0s row of a REAL frame, in frame order. */
    public static List<MarketStatus> fromFrame(JsonNode frame, LocalDate tradingDate) {
        return KiwoomRealRow.of(frame, TYPE).stream().map(row -> fromRow(row, tradingDate)).toList();
    }

    /** One 0s row: FID 215 phase, FID 20 time. Codes are case-sensitive and kept as sent. */
    public static MarketStatus fromRow(KiwoomRealRow row, LocalDate tradingDate) {
        KiwoomRow v = row.values();
        String phase = v.requireText("215");
        return new MarketStatus(phase, PHASES.get(phase), v.requireTime("20", tradingDate),
                NXT_PHASES.contains(phase) ? Venue.NXT : Venue.KRX);
    }
}
