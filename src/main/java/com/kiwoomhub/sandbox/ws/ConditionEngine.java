package com.kiwoomhub.sandbox.ws;

import com.kiwoomhub.sandbox.MarketSimulator;
import com.kiwoomhub.sandbox.SandboxMarketView;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Condition search over the WebSocket (ka10171 CNSRLST, ka10172/ka10173 CNSRREQ, ka10174 CNSRCLR),
 * evaluated against the simulated market. Every method runs on the session's context.
 */
final class ConditionEngine {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss");
    private static final int FAILED = 1;

    private final Vertx vertx;
    private final SandboxMarketView market;
    private final WebSocketSettings settings;
    private final Clock clock = Clock.system(KST);

    ConditionEngine(Vertx vertx, SandboxMarketView market, WebSocketSettings settings) {
        this.vertx = vertx;
        this.market = market;
        this.settings = settings;
    }

    void list(RealtimeSession session) {
        session.conditionsListed = true;
        JsonArray conditions = new JsonArray();
        settings.conditions().forEach(c -> conditions.add(new JsonArray().add(c.seq()).add(c.name())));
        session.send(ServerFrames.result("CNSRLST", 0, "").put("data", conditions).encode());
    }

    void request(RealtimeSession session, JsonObject request) {
        String seq = ClientFrames.field(request, "seq").trim();
        if (!session.conditionsListed) {
            // The real server never answers a CNSRREQ that was not preceded by CNSRLST.
            if (settings.rejectConditionRequestBeforeList()) {
                session.send(failure(seq, "조건검색 목록조회(CNSRLST)를 먼저 요청해야 합니다"));
            }
            return;
        }
        Optional<ConditionDefinition> condition = find(seq);
        if (condition.isEmpty()) {
            session.send(failure(seq, "조건검색식이 존재하지 않습니다 (seq=" + seq + ")"));
            return;
        }
        if ("1".equals(ClientFrames.field(request, "search_type"))) {
            startRealtime(session, condition.get());
        } else {
            sendPage(session, condition.get(), request);
        }
    }

    void clear(RealtimeSession session, JsonObject request) {
        String seq = ClientFrames.field(request, "seq").trim();
        session.liveConditions.remove(seq);
        session.publishConditions();
        if (session.liveConditions.isEmpty() && session.conditionTimer >= 0) {
            vertx.cancelTimer(session.conditionTimer);
            session.conditionTimer = -1;
        }
        session.send(new JsonObject().put("trnm", "CNSRCLR").put("seq", seq)
                .put("return_code", 0).put("return_msg", "").encode());
    }

    /** Sends an I/D alert as if {@code code} entered or left the condition; the next scan re-syncs with the market. */
    void force(RealtimeSession session, String seq, String code, boolean entering) {
        Set<String> matched = session.liveConditions.get(seq);
        if (matched == null) {
            return;
        }
        if (entering) {
            matched.add(code);
        } else {
            matched.remove(code);
        }
        session.enqueue(alert(seq, code, entering));
    }

    private void startRealtime(RealtimeSession session, ConditionDefinition condition) {
        if (!session.liveConditions.containsKey(condition.seq())
                && session.liveConditions.size() >= settings.maxRealtimeConditions()) {
            session.send(failure(condition.seq(),
                    "실시간 조건검색은 로그인 1개당 " + settings.maxRealtimeConditions() + "건까지 가능합니다"));
            return;
        }
        Set<String> matched = matches(condition);
        session.liveConditions.put(condition.seq(), matched);
        session.publishConditions();
        JsonArray codes = new JsonArray();
        matched.forEach(code -> codes.add(new JsonObject().put("jmcode", "A" + code)));
        session.send(new JsonObject().put("trnm", "CNSRREQ").put("seq", condition.seq())
                .put("return_code", 0).put("return_msg", "").put("data", codes).encode());
        if (session.conditionTimer < 0) {
            session.conditionTimer = vertx.setPeriodic(settings.conditionScanInterval().toMillis(), t -> scan(session));
        }
    }

    private void scan(RealtimeSession session) {
        for (Map.Entry<String, Set<String>> live : session.liveConditions.entrySet()) {
            Optional<ConditionDefinition> condition = find(live.getKey());
            if (condition.isEmpty()) {
                continue;
            }
            Set<String> previous = live.getValue();
            Set<String> current = matches(condition.get());
            current.stream().filter(code -> !previous.contains(code))
                    .forEach(code -> session.enqueue(alert(live.getKey(), code, true)));
            previous.stream().filter(code -> !current.contains(code))
                    .forEach(code -> session.enqueue(alert(live.getKey(), code, false)));
            live.setValue(current);
        }
    }

    private void sendPage(RealtimeSession session, ConditionDefinition condition, JsonObject request) {
        List<String> matched = List.copyOf(matches(condition));
        int from = "Y".equals(ClientFrames.field(request, "cont_yn")) ? offset(ClientFrames.field(request, "next_key")) : 0;
        from = Math.min(from, matched.size());
        int to = Math.min(from + settings.conditionPageSize(), matched.size());
        boolean more = to < matched.size();
        JsonArray rows = new JsonArray();
        matched.subList(from, to).forEach(code -> rows.add(resultRow(code)));
        session.send(new JsonObject()
                .put("trnm", "CNSRREQ")
                .put("seq", padSeq(condition.seq()))
                .put("cont_yn", more ? "Y" : "N")
                .put("next_key", more ? String.valueOf(to) : "")
                .put("return_code", 0)
                .put("return_msg", "")
                .put("data", rows)
                .encode());
    }

    /** A search_type 0 row: 9-char zero-padded numbers, {@code A}-prefixed code, the stock's name, day volume and range. */
    private JsonObject resultRow(String code) {
        MarketSimulator.Quote q = market.quote(code).orElseThrow();
        long change = q.price() - q.previousClose();
        long rateHundredths = q.previousClose() == 0 ? 0 : Math.round(change * 10_000.0 / q.previousClose());
        return new JsonObject()
                .put("9001", "A" + code)
                .put("302", q.name())
                .put("10", padded(q.price()))
                .put("25", change > 0 ? "2" : change < 0 ? "5" : "3")
                .put("11", padded(change))
                .put("12", padded(rateHundredths))
                .put("13", padded(q.volume()))
                .put("16", padded(q.open()))
                .put("17", padded(q.high()))
                .put("18", padded(q.low()));
    }

    private RealtimeRow alert(String seq, String code, boolean entering) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("841", seq);
        values.put("9001", code);
        values.put("843", entering ? "I" : "D");
        values.put("20", LocalTime.now(clock).format(HHMMSS));
        values.put("907", "2");
        // the exchange as 0B writes it; the sandbox's conditions scan KRX prices
        values.put("9081", "KRX");
        return new RealtimeRow("02", code, values);
    }

    private Set<String> matches(ConditionDefinition condition) {
        Set<String> matched = new LinkedHashSet<>();
        for (String code : market.symbols()) {
            Optional<Long> price = market.price(code);
            Optional<Long> previousClose = market.previousClose(code);
            if (price.isPresent() && previousClose.isPresent()
                    && condition.matches(price.get(), previousClose.get())) {
                matched.add(code);
            }
        }
        return matched;
    }

    private Optional<ConditionDefinition> find(String seq) {
        return settings.conditions().stream().filter(c -> c.seq().equals(seq)).findFirst();
    }

    /** The real server echoes seq space-padded to two characters in search_type 0 results ("2 "). */
    private static String padSeq(String seq) {
        return String.format("%-2s", seq);
    }

    private static String padded(long value) {
        return value < 0 ? "-" + String.format("%08d", -value) : String.format("%09d", value);
    }

    private static int offset(String nextKey) {
        try {
            return Math.max(0, Integer.parseInt(nextKey.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String failure(String seq, String message) {
        return new JsonObject().put("trnm", "CNSRREQ").put("seq", seq)
                .put("return_code", FAILED).put("return_msg", message).encode();
    }
}
