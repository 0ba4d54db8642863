package com.kiwoomhub.kiwoom;

/** What kind of failure a Kiwoom call ended with, and whether trying again can help. */
public enum KiwoomErrorCategory {
    /** return_code 1: the TR/path pair is wrong (1504) or the request is malformed. */
    INVALID_REQUEST(false),
    /** return_code 2: a missing or badly formatted input value (15xx). */
    INPUT(false),
    /** return_code 3 or HTTP 401: the token is invalid (8005/8031/8103 are re-issued once) or the device is refused. */
    AUTH(false),
    /** App key, secret key or environment are wrong (8001/8002/8011/8012/8020/8030): fix the configuration. */
    CONFIGURATION(false),
    /** HTTP 429 / 1700: too many requests; retried with backoff. */
    RATE_LIMIT(true),
    /** 1634: too many items in one request (e.g. more than 100 codes for ka10095); permanent. */
    TOO_MANY_ITEMS(false),
    /** return_code 7: Kiwoom could not process the request (e.g. 1903 unknown symbol). */
    SERVICE(false),
    /** return_code 20: an order or business rule was refused (RC4058, 800033, ...). */
    ORDER_REJECTED(false),
    /** HTTP 5xx or an unreadable answer: retried for queries, ambiguous for orders. */
    SERVER(true),
    /** Connection failure or timeout: retried for queries, ambiguous for orders once the request may have left. */
    TRANSPORT(true),
    /** An order request may or may not have been executed; reconcile before acting again. */
    AMBIGUOUS_ORDER(false),
    /** Another hub instance owns the account (hub.cluster), or this one's lease may have lapsed: nothing was sent. */
    NOT_OWNER(false),
    /** Any other non-zero return_code. */
    UNKNOWN(false);

    private final boolean retryable;

    KiwoomErrorCategory(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
