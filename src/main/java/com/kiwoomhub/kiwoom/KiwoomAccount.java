package com.kiwoomhub.kiwoom;

/**
 * One Kiwoom account as the hub uses it: its keys, its account number and where its API lives.
 * Records carry the alias, never the keys; {@link #toString()} leaves the keys out.
 */
public record KiwoomAccount(String alias, String appKey, String secretKey, String accountNumber,
                            KiwoomEnvironment environment, String baseUrl, String wsUrl) {

    public boolean mock() {
        return environment == KiwoomEnvironment.MOCK;
    }

    @Override
    public String toString() {
        return "KiwoomAccount[alias=" + alias + ", accountNumber=" + accountNumber + ", environment=" + environment
                + ", baseUrl=" + baseUrl + ", wsUrl=" + wsUrl + "]";
    }
}
