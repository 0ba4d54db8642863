package com.kiwoomhub.sandbox.ws;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The exact JSON text of every frame the server sends; key order follows Kiwoom's own samples. */
final class ServerFrames {

    static final String PING = "{\"trnm\":\"PING\"}";

    static final String LOGIN_OK = new JsonObject()
            .put("trnm", "LOGIN").put("return_code", 0).put("return_msg", "").put("sor_yn", "Y").encode();

    static final String TOKEN_REFUSED_MESSAGE =
            "토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]";

    static final String REG_RATE_EXCEEDED_MESSAGE = "해당 TRNM으로 허용된 요청 건수를 초과하였습니다 (TRNM=REG)";

    static final String LOGIN_REQUIRED_MESSAGE = "접속허용요청(LOGIN)이 처리되지 않았습니다";

    private ServerFrames() {
    }

    static String loginRefused(int returnCode) {
        return result("LOGIN", returnCode, TOKEN_REFUSED_MESSAGE).encode();
    }

    static String system(SystemNotice notice) {
        return new JsonObject().put("trnm", "SYSTEM").put("code", notice.code).put("message", notice.message).encode();
    }

    static String ack(String trnm) {
        return result(trnm, 0, "").encode();
    }

    static String error(String trnm, int returnCode, String message) {
        return result(trnm, returnCode, message).encode();
    }

    static JsonObject result(String trnm, int returnCode, String message) {
        return new JsonObject().put("trnm", trnm).put("return_code", returnCode).put("return_msg", message);
    }

    static String real(JsonArray rows) {
        return new JsonObject().put("trnm", "REAL").put("data", rows).encode();
    }
}
