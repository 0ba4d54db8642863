package com.kiwoomhub.kiwoom;

/**
 * A Kiwoom call that failed, with the typed {@link KiwoomError}. The message names the account
 * alias, the api-id and Kiwoom's text; it never contains a token or a key.
 */
public class KiwoomException extends RuntimeException {

    private final String account;
    private final KiwoomError error;

    public KiwoomException(String account, KiwoomError error, Throwable cause) {
        this(account, error, describe(account, error), cause);
    }

    protected KiwoomException(String account, KiwoomError error, String message, Throwable cause) {
        super(message, cause);
        this.account = account;
        this.error = error;
    }

    public String account() {
        return account;
    }

    public KiwoomError error() {
        return error;
    }

    public KiwoomErrorCategory category() {
        return error.category();
    }

    static String describe(String account, KiwoomError error) {
        String http = error.httpStatus() > 0 ? ", HTTP " + error.httpStatus() : "";
        return "Kiwoom " + error.apiId() + " for account '" + account + "' failed: " + error.category() + " "
                + error.code() + http + (error.text().isEmpty() ? "" : " - " + error.text());
    }
}
