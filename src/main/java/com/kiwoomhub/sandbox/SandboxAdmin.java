package com.kiwoomhub.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.vertx.core.http.HttpServerRequest;

/**
 * The admin endpoint, {@code /sandbox/admin/<action>} with a JSON body, for tools that drive the
 * sandbox from outside the JVM. Each action maps to one call of the Java API:
 *
 * <pre>
 * tokens/expire                                   tokens/revoke
 * faults/http-error   {"apiId","count":1,"status":503}
 * faults/delay        {"apiId","count":1,"millis":5000}
 * faults/rate-limit   {"apiId","count":1}
 * faults/reject-order {"code":"800033","text":"매도가능수량이 부족합니다. 0주 매도가능"}
 * faults/clear
 * market/pause        market/resume        market/step {"steps":1}  (at most 1,000 a call)
 * market/price        {"code","price","previousClose","liquidity"}  (each optional but code)
 * market/quote        {"code"}
 * realtime/push       {"frame": "{...REAL json...}"} or the raw frame as the body
 * realtime/drop       realtime/pings {"stopped":true}   realtime/echoes {"ignored":true}
 * realtime/outage     {"seconds":5}  (drops every session and refuses reconnects that long)
 * requests            {"apiId"} optional filter      requests/clear
 * </pre>
 *
 * Answers {@code {"ok":true,...}}, or HTTP 400/404/409 with {@code {"ok":false,"error":...}}.
 */
final class SandboxAdmin {

    private final Sandbox sandbox;
    private final ObjectMapper json;

    SandboxAdmin(Sandbox sandbox, ObjectMapper json) {
        this.sandbox = sandbox;
        this.json = json;
    }

    void handle(HttpServerRequest request, String action, String body) {
        JsonNode in;
        try {
            in = body == null || body.isBlank() ? JsonNodeFactory.instance.objectNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            in = null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        int status = 200;
        try {
            if (in == null && !action.equals("realtime/push")) {
                throw new IllegalArgumentException("The body is not JSON");
            }
            if (!perform(action, in, body, out)) {
                status = 404;
                out.put("ok", false);
                out.put("error", "No admin action " + action);
            }
        } catch (IllegalArgumentException | NoSuchElementException e) {
            status = 400;
            out.put("ok", false);
            out.put("error", e.getMessage());
        } catch (IllegalStateException e) {
            status = 409;
            out.put("ok", false);
            out.put("error", e.getMessage());
        }
        try {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8")
                    .end(json.writeValueAsString(out));
        } catch (JsonProcessingException e) {
            request.response().setStatusCode(500).end();
        }
    }

    private boolean perform(String action, JsonNode in, String body, Map<String, Object> out) {
        FaultPlan faults = sandbox.faults();
        MarketSimulator market = sandbox.market();
        switch (action) {
            case "tokens/expire" -> sandbox.tokens().expireAll();
            case "tokens/revoke" -> sandbox.tokens().revokeAll();
            case "faults/http-error" -> faults.failNext(text(in, "apiId"), count(in), in.path("status").asInt(500));
            case "faults/delay" -> faults.delayNext(text(in, "apiId"), count(in), Duration.ofMillis(in.path("millis").asLong(5_000)));
            case "faults/rate-limit" -> faults.rateLimitNext(text(in, "apiId"), count(in));
            case "faults/reject-order" -> faults.rejectNextOrder(text(in, "code"), text(in, "text"));
            case "faults/clear" -> faults.clear();
            case "market/pause" -> market.pause();
            case "market/resume" -> market.resume();
            case "market/step" -> market.step(Math.max(1, Math.min(1_000, in.path("steps").asInt(1))));
            case "market/price" -> {
                String code = text(in, "code");
                if (in.hasNonNull("previousClose")) {
                    market.setPreviousClose(code, in.get("previousClose").asLong());
                }
                if (in.hasNonNull("price")) {
                    market.setPrice(code, in.get("price").asLong());
                }
                if (in.hasNonNull("liquidity")) {
                    market.setLiquidity(code, in.get("liquidity").asLong());
                }
                out.put("quote", market.quote(code));
            }
            case "market/quote" -> out.put("quote", market.quote(text(in, "code")));
            case "realtime/push" -> sandbox.realtimeFaults().pushRaw(in != null && in.hasNonNull("frame") ? in.get("frame").asText() : body);
            case "realtime/drop" -> sandbox.realtimeFaults().dropAll();
            case "realtime/outage" -> sandbox.realtimeFaults().outage(Duration.ofSeconds(in.path("seconds").asLong(5)));
            case "realtime/pings" -> sandbox.realtimeFaults().stopPings(in.path("stopped").asBoolean(true));
            case "realtime/echoes" -> sandbox.realtimeFaults().ignoreEchoes(in.path("ignored").asBoolean(true));
            case "requests" -> out.put("requests", in.hasNonNull("apiId")
                    ? sandbox.requests().withApiId(in.get("apiId").asText()) : sandbox.requests().all());
            case "requests/clear" -> sandbox.requests().clear();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode in, String field) {
        JsonNode value = in.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("The field " + field + " is required");
        }
        return value.asText();
    }

    private static int count(JsonNode in) {
        return Math.max(1, in.path("count").asInt(1));
    }
}
