package com.kiwoomhub.kiwoom;

/** Which Kiwoom service an account talks to. */
public enum KiwoomEnvironment {
    /** The built-in simulator on loopback. */
    SANDBOX("https://api.kiwoom.com", "wss://api.kiwoom.com:10000/api/dostk/websocket"),
    /** 모의투자: mockapi.kiwoom.com, KRX only, 1 query/s. */
    MOCK("https://mockapi.kiwoom.com", "wss://mockapi.kiwoom.com:10000/api/dostk/websocket"),
    /** 실전: api.kiwoom.com. */
    REAL("https://api.kiwoom.com", "wss://api.kiwoom.com:10000/api/dostk/websocket");

    private final String defaultBaseUrl;
    private final String defaultWsUrl;

    KiwoomEnvironment(String defaultBaseUrl, String defaultWsUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultWsUrl = defaultWsUrl;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultWsUrl() {
        return defaultWsUrl;
    }
}
