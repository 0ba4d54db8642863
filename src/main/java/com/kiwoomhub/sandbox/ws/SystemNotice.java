package com.kiwoomhub.sandbox.ws;

/** The SYSTEM frames Kiwoom sends before it ends a session. Clients must never echo them. */
enum SystemNotice {
    REPLACED("R10001", "동일한 App key로 접속이 되었습니다. 기존 세션은 종료가 됩니다"),
    HEARTBEAT_MISSING("R10002", "사용자 프로그램으로부터 Heartbeat(연결유지) 메시지가 오지않아서 접속을 종료합니다"),
    LOGIN_MISSING("R10004", "접속허용요청(토큰)이 들어오지 않았습니다");

    final String code;
    final String message;

    SystemNotice(String code, String message) {
        this.code = code;
        this.message = message;
    }
}
