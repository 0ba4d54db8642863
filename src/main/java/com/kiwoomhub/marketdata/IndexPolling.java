package com.kiwoomhub.marketdata;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.kiwoomhub.canonical.IndexTick;
import com.kiwoomhub.canonical.IndexTickTranslator;
import com.kiwoomhub.canonical.KiwoomValues;
import com.kiwoomhub.kiwoom.KiwoomAccounts;

/**
 * The Java behind {@code routes/indices.camel.yaml}: one ka20001 업종현재가요청 per configured index
 * code per cycle (the polled twin of real-time 0J), and the translation of each answer.
 */
@Component("indexPolling")
public class IndexPolling {

    private final List<String> indices;
    private final KiwoomAccounts accounts;

    public IndexPolling(@Value("${kiwoom.realtime.subscriptions.indices:001,101}") List<String> indices,
                        KiwoomAccounts accounts) {
        this.indices = indices.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        this.accounts = accounts;
    }

    /** The request bodies of one cycle, in configured order; none while no account is configured. */
    public List<Map<String, String>> requests() {
        List<Map<String, String>> requests = new ArrayList<>();
        if (!accounts.isEmpty()) {
            indices.forEach(code -> requests.add(Map.of("mrkt_tp", marketOf(code), "inds_cd", code)));
        }
        return requests;
    }

    /** The index in one ka20001 answer; {@code index} is the request's code (the answer does not echo it). */
    public IndexTick translate(String index, JsonNode answer) {
        return IndexTickTranslator.fromKa20001(index, answer, OffsetDateTime.now(KiwoomValues.KST));
    }

    /**
     * ka20001 {@code mrkt_tp}: 0 코스피, 1 코스닥, 2 코스피200. The 업종코드 tables put KOSPI indices at
     * 0xx, KOSDAQ at 1xx and KOSPI200 at 2xx; other families (302 KOSTAR, 701 KRX100) are asked as
     * KOSPI, which is UNCERTAIN.
     */
    static String marketOf(String index) {
        return switch (index.charAt(0)) {
            case '1' -> "1";
            case '2' -> "2";
            default -> "0";
        };
    }
}
