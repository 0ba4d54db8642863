package com.kiwoomhub.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** A REST answer: HTTP status, body (fields then return_code/return_msg) and the pagination headers. */
record TrReply(int status, Map<String, Object> body, String contYn, String nextKey) {

    static final String OK = "정상적으로 처리되었습니다";

    static TrReply ok(Map<String, Object> fields, String message) {
        return page(fields, message, null);
    }

    /** A success whose data continues on the next page when {@code nextKey} is not null. */
    static TrReply page(Map<String, Object> fields, String message, String nextKey) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("return_code", 0);
        body.put("return_msg", message);
        return new TrReply(200, body, nextKey == null ? "N" : "Y", nextKey == null ? "" : nextKey);
    }

    static TrReply error(int status, int returnCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("return_code", returnCode);
        body.put("return_msg", message);
        return new TrReply(status, body, "N", "");
    }

    /** HTTP 429 with Kiwoom's 1700 body. */
    static TrReply rateLimited(String apiId, int perSecond) {
        return error(429, 5, "허용된 요청 개수를 초과하였습니다[1700:허용된 API 요청 개수를 초과하였습니다. 유량="
                + perSecond + ", API ID=" + apiId + "]");
    }
}
